"""Rasa's REST channel, plus the website a message came from, for the staff stats.

Rasa's own REST channel keeps no metadata, and answers nothing when handling a message fails
(bot/web/failures.py). This one records the browser's Origin header (the
site, never the page address or anything about the person) as ``metadata.site``, which is what
the Socket.IO side of the widget sends too. It keeps the name "rest", so the address stays
/webhooks/rest/webhook.
"""
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from bot.web import failures, limits


class SiteAwareRestInput(RestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(failures.always_answered(on_new_message, limits.shared_guard().replies))

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        origin = request.headers.get("origin")
        return {"site": origin} if origin else None
