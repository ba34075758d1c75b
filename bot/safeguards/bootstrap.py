"""Installs the safeguards on every Rasa server this project starts, and refuses to start
without them.

The origin check, the message limits, the API guard, the log redaction and the action timeout
used to be installed by the widget channel, so removing that channel from credentials.yml would
have removed them all without a word. Now `bot/operations/rasa_process.py` (which every way of starting a
Rasa server here goes through: `make run`, `make shell`, the scaled set, the container) calls
``wrap_rasa()`` before Rasa starts, so every app Rasa builds gets them. Before the server starts,
``check_in_place`` looks at the app itself (its middleware, the log handlers, Rasa's action
timeout) and stops the server with a clear message if any is missing, or if the installed Rasa
is not the release bot/rasa_plugins/ was written for (bot/rasa_plugins/version.py). Our channels run the same
check, so starting Rasa some other way (`rasa run` with our credentials.yml) also stops.
"""
import logging
from typing import Any, List

from sanic import Blueprint, Sanic

from bot.operations import settings
from bot.rasa_plugins import action_timeout, server_hook, version
from bot.safeguards import api_guard, limits, log_redaction, origins

logger = logging.getLogger(__name__)
INSTALLED = "coventry_safeguards"
# Each safeguard's request middleware carries a `safeguard` attribute naming it.
MIDDLEWARE = {"origins": "the origin check", "limits": "the message limits", "api": "the API guard"}


class SafeguardsMissing(RuntimeError):
    """A Rasa server was about to start without one of its safeguards."""


def install(app: Sanic) -> None:
    """Put every safeguard on the app, once."""
    if getattr(app.ctx, INSTALLED, False):
        return
    config = settings.load()
    origins.install(app, config.allowed_origins)
    # Behind nginx, the client's address comes from X-Forwarded-For (for the limits).
    app.config.PROXIES_COUNT = config.proxies_count
    limits.install(app, limits.shared_guard())
    api_guard.install(app)
    log_redaction.install()
    action_timeout.apply(config.action_timeout_seconds)
    setattr(app.ctx, INSTALLED, True)
    app.register_listener(check_in_place, "before_server_start")


def missing(app: Sanic) -> List[str]:
    """The safeguards not in place on this app, found by looking at the app, not at a flag."""
    config = settings.load()
    present = {getattr(m, "safeguard", None) for m in app.request_middleware}
    needed = {key: name for key, name in MIDDLEWARE.items() if key != "api" or api_guard.needed()}
    gone = [name for key, name in needed.items() if key not in present]
    if not log_redaction.installed():
        gone.append("the log redaction")
    if action_timeout.current() != config.action_timeout_seconds:
        gone.append("the action timeout")
    return gone


async def check_in_place(app: Sanic, _loop: Any = None) -> None:
    """Stop the server before it answers anyone if a safeguard is missing."""
    log_redaction.install()  # handlers Rasa added after the app was built get the filter too
    gone = missing(app)
    if gone:
        message = ("Refusing to start: " + ", ".join(gone) + " not installed. Start the assistant with "
                   "`make run` or `python -m bot serve rasa` (bot/operations/rasa_process.py), not `rasa run`.")
        logger.critical(message)
        raise SafeguardsMissing(message)
    wrong_rasa = version.problem()
    if wrong_rasa:
        message = f"Refusing to start: {wrong_rasa}."
        logger.critical(message)
        raise SafeguardsMissing(message)


def wrap_rasa() -> None:
    """Give every app Rasa builds (rasa run, rasa shell) the safeguards."""
    server_hook.after_each_app(install)


def guarded(blueprint: Blueprint) -> Blueprint:
    """Our channels' blueprints check the app before it starts too, so an app that did not come
    through ``wrap_rasa`` (plain `rasa run` with our credentials.yml) is stopped."""
    blueprint.listener("before_server_start")(check_in_place)
    return blueprint
