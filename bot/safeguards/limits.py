"""Checks every incoming message before Rasa sees it: its shape, its length and how fast it came.

Shared by the REST channel (a request middleware, below) and the Socket.IO channel
(bot/rasa_plugins/channels/socket.py), so both refuse the same things in the same words. A
refused message is never processed or stored. A resident who sends too much or too fast gets a
kind reply that still gives the emergency number; a malformed request (which the widget never
sends) gets a 400 with a message saying what is wrong (bot/safeguards/message_checks.py).

The counts are per conversation and per client address (by hash), over the last minute
(bot/safeguards/counters.py).
"""
import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional

from redis.exceptions import RedisError
from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.operations import settings, shared_redis
from bot.operations.settings import Limits
from bot.rasa_plugins.channels.routes import is_rest_message_route
from bot.rules.answer_text import SLOW_DOWN_RESPONSE as SLOW_DOWN
from bot.rules.answer_text import TOO_LONG_RESPONSE as TOO_LONG
from bot.safeguards import log_redaction
from bot.safeguards.counters import WINDOW_SECONDS, Counts, CountsInProcess, CountsInRedis, counted_as
from bot.safeguards.message_checks import payload_problem
from bot.safeguards.server_replies import load_replies

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    status: int
    text: str


class Guard:
    """Counts messages per conversation and per address, and new conversations per address."""

    def __init__(self, limits: Limits, replies: Dict[str, str], counts: Optional[Counts] = None):
        self.limits = limits
        self.replies = replies
        self.counts = counts or CountsInProcess()

    def check(self, address: str, conversation: str, message: str) -> Optional[Refusal]:
        """None if the message may go to Rasa; otherwise the reply to send instead.

        If the shared counts cannot be reached (Redis down), the message goes on uncounted: the
        limits protect the service, and refusing everyone would be worse than counting no one.
        The message is noted for a minute, so no log line can hold it (bot/safeguards/log_redaction.py).
        """
        log_redaction.TYPED.note(message)
        try:
            allowed = self._count(hashlib.sha256(counted_as(address).encode()).hexdigest()[:32], conversation)
        except RedisError as error:
            logger.warning("Message limits not counted (Redis: %s)", type(error).__name__)
            allowed = True
        if not allowed:
            return Refusal(429, self.replies[SLOW_DOWN])
        if len(message) > self.limits.max_message_chars:
            return Refusal(413, self.replies[TOO_LONG])
        return None

    def _count(self, address: str, conversation: str) -> bool:
        """Count the message; False if any limit is reached. Addresses are counted by hash only."""
        limits, counts = self.limits, self.counts
        is_new = not counts.is_known(conversation)
        allowed = (
            counts.add_if_under("address:" + address, limits.messages_per_minute_per_address)
            and (not is_new or counts.add_if_under("new:" + address, limits.new_conversations_per_minute_per_address))
            and counts.add_if_under("conversation:" + conversation, limits.messages_per_minute)
        )
        if allowed:
            counts.remember(conversation)
        return allowed


@lru_cache(maxsize=1)
def shared_guard() -> Guard:
    """One guard per Rasa process, so REST and Socket.IO messages are counted together; with
    Redis configured, one count across every Rasa server."""
    config = settings.load()
    counts = CountsInRedis(shared_redis.connect(config.redis)) if config.redis.enabled else None
    return Guard(config.limits, load_replies(), counts)


def client_address(request: Request) -> str:
    """The client's address: from a trusted proxy's headers if Sanic is told of one, else the peer."""
    return request.remote_addr or request.ip or "unknown"


def accepts_rest_message(request: Request) -> bool:
    """Whether the request reached a channel's message route, judged by the route Sanic resolved it
    to, never by how its path is spelt: "/webhooks/rest/webhook/", doubled slashes or
    percent-encoding all reach the same handler, so all of them are checked."""
    route = getattr(request, "route", None)
    return request.method == "POST" and route is not None and is_rest_message_route(route.name or "")


def install(app: Sanic, guard: Guard) -> None:
    """Cap request bodies and check every REST message before Rasa's REST channel sees it."""
    app.config.REQUEST_MAX_SIZE = guard.limits.max_body_bytes
    app.config.WEBSOCKET_MAX_SIZE = guard.limits.max_body_bytes

    async def too_large(request: Request, exception: Exception) -> HTTPResponse:
        return json_response({"error": f"The request is too large: the limit is {guard.limits.max_body_bytes} bytes."},
                             status=413)

    app.error_handler.add(PayloadTooLarge, too_large)

    async def check_rest_message(request: Request) -> Optional[HTTPResponse]:
        if not accepts_rest_message(request):
            return None
        try:
            payload = json.loads(request.body)
        except ValueError:  # includes bytes that are not UTF-8
            return json_response({"error": "The request body must be JSON (UTF-8)."}, status=400)
        problem = payload_problem(payload, "sender")
        if problem:
            return json_response({"error": problem}, status=400)
        refusal = guard.check(client_address(request), payload["sender"], payload["message"])
        if refusal:
            # Shaped like the assistant's own replies, so a chat window can show it as one.
            headers = {"Retry-After": str(int(WINDOW_SECONDS))} if refusal.status == 429 else {}
            return json_response([{"recipient_id": payload["sender"], "text": refusal.text}],
                                 status=refusal.status, headers=headers)
        return None

    check_rest_message.safeguard = "limits"  # type: ignore[attr-defined]  (the start-up check looks for it)
    app.register_middleware(check_rest_message, "request")
