"""Which websites may talk to the assistant from a browser.

Browsers send an Origin header with cross-site requests and with every WebSocket handshake. A
request from the assistant's own pages, or from a partner site listed in ALLOWED_ORIGINS, is
answered (with CORS headers for partners); one from any other site is refused with 403 before it
reaches Rasa, so it is never processed or stored. Requests without an Origin (curl, server to
server) are not browser cross-site requests and pass.
"""
from typing import Iterable, Optional

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
}


def own_origin(request: Request) -> str:
    """The assistant's own origin as a browser writes it: a websocket request (scheme ws or wss)
    from one of our pages carries the http(s) origin of that page."""
    scheme = {"ws": "http", "wss": "https"}.get(request.scheme, request.scheme)
    return f"{scheme}://{request.host}"


def install(app: Sanic, allowed: Iterable[str]) -> None:
    """Add the origin check to every route of the Rasa server (REST, Socket.IO, widget files)."""
    partners = frozenset(allowed)

    def is_partner(origin: Optional[str], request: Request) -> bool:
        return bool(origin) and origin != own_origin(request) and origin in partners

    async def refuse_other_sites(request: Request) -> Optional[HTTPResponse]:
        origin = request.headers.get("origin")
        if not origin or origin == own_origin(request):
            return None
        if origin not in partners:
            # The refused site may read this error (and only this), so the widget can say why.
            return json(
                {"error": "This website is not allowed to use the assistant."},
                status=403,
                headers={"Access-Control-Allow-Origin": origin, "Vary": "Origin"},
            )
        return None

    async def allow_partner_to_read(request: Request, response: HTTPResponse) -> None:
        origin = request.headers.get("origin")
        if is_partner(origin, request):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
            if request.method == "OPTIONS":
                # Rasa's CORS extension answers preflights itself (before any request middleware
                # of ours), so the preflight headers are added here.
                response.headers.update(CORS_HEADERS)

    refuse_other_sites.safeguard = "origins"  # type: ignore[attr-defined]  (the start-up check looks for it)
    app.register_middleware(refuse_other_sites, "request")
    app.register_middleware(allow_partner_to_read, "response")
