"""Rasa's REST channel, plus the website a message came from, for the staff stats.

Rasa's own REST channel keeps no metadata. This one records the browser's Origin header (the
site, never the page address or anything about the person) as ``metadata.site``, which is what
the Socket.IO side of the widget sends too. It keeps the name "rest", so the address stays
/webhooks/rest/webhook.
"""
from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.request import Request


class SiteAwareRestInput(RestInput):
    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        origin = request.headers.get("origin")
        return {"site": origin} if origin else None
