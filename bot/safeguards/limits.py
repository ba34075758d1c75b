"""Checks every incoming message before Rasa sees it: its shape, its length and how fast it came.

Shared by the REST channel (a request middleware, below) and the Socket.IO channel
(bot/rasa_plugins/channels/socket.py), so both refuse the same things in the same words. A refused message is
never processed or stored. A resident who sends too much or too fast gets a kind reply that
still gives the emergency number; a malformed request (which the widget never sends) gets a
400 with a message saying what is wrong.

The counts are per conversation and per client address (by hash), over the last minute: in this
process's memory for one Rasa server, in Redis when several share the work (REDIS_HOST).
"""
import hashlib
import ipaddress
import json
import logging
import re
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Deque, Dict, Optional, Union

from rasa.core.nlg.interpolator import interpolate_text
from redis.exceptions import RedisError
from ruamel.yaml import YAML
from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.operations import settings, shared_redis
from bot.operations.settings import Limits
from bot.paths import DOMAIN_FILE
from bot.rules import directory
from bot.rules.answer_text import SERVER_SENT_RESPONSES
from bot.rules.answer_text import SLOW_DOWN_RESPONSE as SLOW_DOWN
from bot.rules.answer_text import TOO_LONG_RESPONSE as TOO_LONG
from bot.safeguards import log_redaction

if TYPE_CHECKING:
    import redis

logger = logging.getLogger(__name__)

# Rasa names each REST-shaped channel's message route "<app>.custom_webhook_<Channel>.receive"
# (RestInput and its subclasses: ours, Rasa's own, the callback channel).
REST_MESSAGE_ROUTE = re.compile(r"\.custom_webhook_\w+\.receive\Z")
# A conversation id is the only key to a conversation: whoever sends a message with it gets the
# next reply. So it must carry about 120 bits of randomness or more: a version-4 UUID (what Rasa's
# usual web clients send) or 32 to 64 hexadecimal characters (the widget's 128 bits from
# crypto.getRandomValues). Ids that are plainly not random are refused.
HEX_ID = re.compile(r"\A[0-9A-Fa-f]{32,64}\Z")
UUID_ID = re.compile(r"\A[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}\Z")
MIN_DISTINCT_DIGITS = 8  # 32 random hex digits have fewer than this about once in 10^9 ids
LONGEST_RUN = 6
WINDOW_SECONDS = 60.0
KNOWN_CONVERSATION_SECONDS = 3600.0


@dataclass(frozen=True)
class Refusal:
    status: int
    text: str


def load_replies() -> Dict[str, str]:
    """The answers the server sends itself, from domain.yml (staff edit them like any other answer), filled in."""
    responses = YAML(typ="safe").load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"]
    values = directory.placeholder_values(directory.load())
    return {name: interpolate_text(responses[name][0]["text"], values) for name in SERVER_SENT_RESPONSES}


def is_random_id(value: Any) -> bool:
    """A UUID version 4, or 32 to 64 hex digits, that does not look made up: enough different
    digits, no long run of one, and not a shorter string repeated ("0123456789abcdef" twice)."""
    if not isinstance(value, str) or not (HEX_ID.match(value) or UUID_ID.match(value)):
        return False
    digits = value.replace("-", "").lower()
    if len(set(digits)) < MIN_DISTINCT_DIGITS or re.search(r"(.)\1{%d}" % LONGEST_RUN, digits):
        return False
    return not any(digits == digits[:size] * (len(digits) // size) for size in range(1, len(digits) // 2 + 1)
                   if len(digits) % size == 0)


def payload_problem(payload: Any, id_field: str) -> Optional[str]:
    """What is wrong with a message's JSON, in words a developer can act on (None when fine)."""
    if not isinstance(payload, dict):
        return f'Send a JSON object: {{"{id_field}": "<random id>", "message": "<text>"}}.'
    if not is_random_id(payload.get(id_field)):
        return (f"'{id_field}' must be a random id: a version-4 UUID, or 32 to 64 hexadecimal characters "
                "from a cryptographic random generator (for example crypto.getRandomValues).")
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


class CountsInProcess:
    """Recent messages per key, in this process's memory: right for one Rasa server."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._recent: Dict[str, Deque[float]] = defaultdict(deque)
        self._last_seen: Dict[str, float] = {}
        self._checks = 0

    def add_if_under(self, key: str, limit: int) -> bool:
        """Record one event under key, unless limit events are already in the window."""
        now = self.clock()
        times = self._recent[key]
        while times and times[0] <= now - WINDOW_SECONDS:
            times.popleft()
        if len(times) >= limit:
            return False
        times.append(now)
        return True

    def is_known(self, conversation: str) -> bool:
        """Asked once per message, so it also tidies up now and then."""
        self._forget_old(self.clock())
        return conversation in self._last_seen

    def remember(self, conversation: str) -> None:
        self._last_seen[conversation] = self.clock()

    def _forget_old(self, now: float) -> None:
        """Every thousand checks, drop counts and ids older than they can matter (bounded memory)."""
        self._checks += 1
        if self._checks % 1000:
            return
        for key in [k for k, times in self._recent.items() if not times or times[-1] <= now - WINDOW_SECONDS]:
            del self._recent[key]
        for key in [k for k, seen in self._last_seen.items() if seen <= now - KNOWN_CONVERSATION_SECONDS]:
            del self._last_seen[key]


# Drop events older than the window, then add one if fewer than the limit remain; Redis's own
# clock, so servers whose clocks differ still count the same minute. Atomic: no two servers can
# both take the last place.
ADD_IF_UNDER = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])))
return 1
"""


class CountsInRedis:
    """The same counts in Redis, shared by every Rasa server (keys expire by themselves)."""

    def __init__(self, client: "redis.Redis") -> None:
        self.client = client
        self._add_if_under = client.register_script(ADD_IF_UNDER)

    def add_if_under(self, key: str, limit: int) -> bool:
        return bool(self._add_if_under(keys=["limits:" + key], args=[limit, WINDOW_SECONDS, uuid.uuid4().hex]))

    def is_known(self, conversation: str) -> bool:
        return bool(self.client.exists("limits:seen:" + conversation))

    def remember(self, conversation: str) -> None:
        self.client.set("limits:seen:" + conversation, 1, ex=int(KNOWN_CONVERSATION_SECONDS))


Counts = Union[CountsInProcess, CountsInRedis]


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


def counted_as(address: str) -> str:
    """The address the per-address limits count: an IPv6 address by its /64 network, since one
    home or phone is given a whole /64 and could use a new address for every message."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def client_address(request: Request) -> str:
    """The client's address: from a trusted proxy's headers if Sanic is told of one, else the peer."""
    return request.remote_addr or request.ip or "unknown"


def accepts_rest_message(request: Request) -> bool:
    """Whether the request reached a channel's message route, judged by the route Sanic resolved it
    to, never by how its path is spelt: "/webhooks/rest/webhook/", doubled slashes or
    percent-encoding all reach the same handler, so all of them are checked."""
    route = getattr(request, "route", None)
    return request.method == "POST" and route is not None and bool(REST_MESSAGE_ROUTE.search(route.name or ""))


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
