"""Checks every incoming message before Rasa sees it: its shape, its length and how fast it came.

Shared by the REST channel (a request middleware, below) and the Socket.IO channel
(bot/web/socket.py), so both refuse the same things in the same words. A refused message is
never processed or stored. A resident who sends too much or too fast gets a kind reply that
still gives the emergency number; a malformed request (which the widget never sends) gets a
400 with a message saying what is wrong.

The counts are kept in this process's memory, per conversation and per client address, over
the last minute. With several Rasa servers each counts its own share (see the README).
"""
import json
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Deque, Dict, Optional

from rasa.core.nlg.interpolator import interpolate_text
from ruamel.yaml import YAML
from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse, json as json_response

from bot import directory, settings
from bot.content_rules import SLOW_DOWN_RESPONSE as SLOW_DOWN, TOO_LONG_RESPONSE as TOO_LONG
from bot.paths import DOMAIN_FILE
from bot.settings import Limits

REST_PATH = "/webhooks/rest/webhook"
# Conversation ids are random (the widget uses 128 bits from crypto.getRandomValues), so one
# person cannot guess another's. Short or missing ids are refused rather than shared.
CONVERSATION_ID = re.compile(r"\A[A-Za-z0-9_-]{16,64}\Z")
WINDOW_SECONDS = 60.0
KNOWN_CONVERSATION_SECONDS = 3600.0


@dataclass(frozen=True)
class Refusal:
    status: int
    text: str


def load_replies() -> Dict[str, str]:
    """The two refusal answers from domain.yml (staff edit them like any other answer), filled in."""
    responses = YAML(typ="safe").load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"]
    values = directory.placeholder_values(directory.load())
    return {name: interpolate_text(responses[name][0]["text"], values) for name in (TOO_LONG, SLOW_DOWN)}


def payload_problem(payload: Any, id_field: str) -> Optional[str]:
    """What is wrong with a message's JSON, in words a developer can act on (None when fine)."""
    if not isinstance(payload, dict):
        return f'Send a JSON object: {{"{id_field}": "<random id>", "message": "<text>"}}.'
    if not isinstance(payload.get(id_field), str) or not CONVERSATION_ID.match(payload[id_field]):
        return f"'{id_field}' must be a random id of 16 to 64 letters, digits, '-' or '_'."
    message = payload.get("message")
    if not isinstance(message, str):
        return "'message' must be text."
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        return "'message' holds characters that are not valid text."
    if not message.strip():
        return "'message' is empty: type a question, or say what happened."
    if payload.get("metadata") is not None and not isinstance(payload["metadata"], dict):
        return "'metadata' must be a JSON object."
    return None


class Guard:
    """Counts messages per conversation and per address, and new conversations per address."""

    def __init__(self, limits: Limits, replies: Dict[str, str], clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self.replies = replies
        self.clock = clock
        self._recent: Dict[str, Deque[float]] = defaultdict(deque)
        self._last_seen: Dict[str, float] = {}
        self._checks = 0

    def _count(self, key: str, now: float, limit: int) -> bool:
        """Record one event under key; False if that makes more than limit in the window."""
        times = self._recent[key]
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        if len(times) >= limit:
            return False
        times.append(now)
        return True

    def check(self, address: str, conversation: str, message: str) -> Optional[Refusal]:
        """None if the message may go to Rasa; otherwise the reply to send instead."""
        now = self.clock()
        self._forget_old(now)
        limits = self.limits
        is_new = conversation not in self._last_seen
        allowed = (
            self._count("address:" + address, now, limits.messages_per_minute_per_address)
            and (not is_new or self._count("new:" + address, now, limits.new_conversations_per_minute_per_address))
            and self._count("conversation:" + conversation, now, limits.messages_per_minute)
        )
        if not allowed:
            return Refusal(429, self.replies[SLOW_DOWN])
        self._last_seen[conversation] = now
        if len(message) > limits.max_message_chars:
            return Refusal(413, self.replies[TOO_LONG])
        return None

    def _forget_old(self, now: float) -> None:
        """Every thousand checks, drop counts and ids older than they can matter (bounded memory)."""
        self._checks += 1
        if self._checks % 1000:
            return
        for key in [k for k, times in self._recent.items() if not times or times[-1] <= now - WINDOW_SECONDS]:
            del self._recent[key]
        for key in [k for k, seen in self._last_seen.items() if seen <= now - KNOWN_CONVERSATION_SECONDS]:
            del self._last_seen[key]


@lru_cache(maxsize=1)
def shared_guard() -> Guard:
    """One guard per Rasa process, so REST and Socket.IO messages are counted together."""
    return Guard(settings.load().limits, load_replies())


def client_address(request: Request) -> str:
    """The client's address: from a trusted proxy's headers if Sanic is told of one, else the peer."""
    return request.remote_addr or request.ip or "unknown"


def install(app: Sanic, guard: Guard) -> None:
    """Cap request bodies and check every REST message before Rasa's REST channel sees it."""
    app.config.REQUEST_MAX_SIZE = guard.limits.max_body_bytes
    app.config.WEBSOCKET_MAX_SIZE = guard.limits.max_body_bytes

    async def too_large(request: Request, exception: Exception) -> HTTPResponse:
        return json_response({"error": f"The request is too large: the limit is {guard.limits.max_body_bytes} bytes."},
                             status=413)

    app.error_handler.add(PayloadTooLarge, too_large)

    async def check_rest_message(request: Request) -> Optional[HTTPResponse]:
        if request.method != "POST" or request.path != REST_PATH:
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

    app.register_middleware(check_rest_message, "request")
