"""Rasa's REST channel, plus the website a message came from, for the staff stats.

Rasa's own REST channel keeps no metadata, and answers nothing when handling a message fails
(bot/rasa_plugins/channels/always_answered.py). This one records the website (an origin, never the page address or
anything about the person) as ``metadata.site``, which is what the Socket.IO side of the widget
sends too: the browser's Origin header, or, for a message from the chat frame (which is on the
assistant's own origin), the host site the frame reports in ``metadata.site``, which it took
from the browser's record of who embeds it. It keeps the name "rest", so the address stays
/webhooks/rest/webhook.
"""
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from bot.operations import setting_values
from bot.rasa_plugins.channels import always_answered
from bot.safeguards import bootstrap, limits, origins


class SiteAwareRestInput(RestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        answered = always_answered.always_answered(on_new_message, limits.shared_guard().replies)
        return bootstrap.guarded(super().blueprint(answered))

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        origin = request.headers.get("origin")
        if origin and origin == origins.own_origin(request):
            body = request.json if isinstance(request.json, dict) else {}
            told = body.get("metadata")
            site = told.get("site") if isinstance(told, dict) else None
            if isinstance(site, str) and setting_values.ORIGIN.match(site):
                return {"site": site}
        return {"site": origin} if origin else None
