"""Two more checks on Rasa's HTTP API, when it is on (ENABLE_API with API_TOKEN), before Rasa's own.

- The token is compared in constant time on every API route: Rasa compares it with ``==``,
  which can let someone guess it a character at a time by timing the answers.
- ``PUT /model`` loads only a model this project trained, from its models folder, whose hash is
  the one recorded at training (bot/operations/models.py): loading a model runs code from it, so a model from
  anywhere else, a model server or remote storage is refused.

Channels (REST, Socket.IO) and the widget are blueprints, so their routes are not the API's.
"""
import hmac
import os
from pathlib import Path
from typing import Optional

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.operations import models
from bot.operations.setting_values import API_TOKEN_VARIABLE
from bot.paths import MODELS_DIR
from bot.rasa_plugins.channels.routes import LOAD_MODEL, PUBLIC, api_handler


def model_problem(request: Request) -> Optional[str]:
    body = request.json if isinstance(request.json, dict) else {}
    if body.get("model_server") or body.get("remote_storage"):
        return "Models are loaded only from this server's models folder."
    path = Path(str(body.get("model_file") or "")).resolve()
    if path.parent != MODELS_DIR.resolve():
        return "Models are loaded only from this server's models folder."
    try:
        models.verify(path)
    except (models.ModelNotTrusted, OSError) as refused:
        return str(refused)
    return None


def needed() -> bool:
    """Whether Rasa's HTTP API is on in this process (then the guard must be in place)."""
    return bool(os.environ.get(API_TOKEN_VARIABLE, ""))


def install(app: Sanic) -> None:
    if not needed():
        return  # the API is off
    token = os.environ[API_TOKEN_VARIABLE]

    async def check_api(request: Request) -> Optional[HTTPResponse]:
        handler = api_handler(request)
        if handler is None or handler in PUBLIC:
            return None
        provided = request.args.get("token", "")
        if not hmac.compare_digest(provided.encode(), token.encode()):
            return json_response({"error": "The API needs its token."}, status=401)
        if handler == LOAD_MODEL:
            problem = model_problem(request)
            if problem:
                return json_response({"error": problem}, status=403)
        return None

    check_api.safeguard = "api"  # type: ignore[attr-defined]  (the start-up check looks for it)
    app.register_middleware(check_api, "request")
