"""How Rasa 3.6 names its routes, which the safeguards rely on (listed in bot/rasa_plugins/PATCHES.md)."""
import re
from typing import Optional

from sanic.request import Request

# Rasa names each REST-shaped channel's message route "<app>.custom_webhook_<Channel>.receive"
# (RestInput and its subclasses: ours, Rasa's own, the callback channel).
REST_MESSAGE_ROUTE = re.compile(r"\.custom_webhook_\w+\.receive\Z")


def is_rest_message_route(name: str) -> bool:
    """Whether a resolved Sanic route is a REST-shaped channel's message route."""
    return bool(REST_MESSAGE_ROUTE.search(name))


# Rasa's HTTP API handlers that answer without a token ("/" and "/version"), and the one that
# loads a model (PUT /model).
PUBLIC = ("hello", "version")
LOAD_MODEL = "load_model"


def api_handler(request: Request) -> Optional[str]:
    """The name of the Rasa API handler a request reached (app-level routes only), or None.
    Channels and the widget are blueprints, so their route names have more parts."""
    route = getattr(request, "route", None)
    parts = (route.name or "").split(".") if route is not None else []
    return parts[1] if len(parts) == 2 else None
