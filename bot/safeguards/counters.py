"""Counting messages over the last minute: in this process's memory for one Rasa server, in
Redis when several share the work (REDIS_HOST). Used by the limits (bot/safeguards/limits.py).
"""
import ipaddress
import time
import uuid
from collections import defaultdict, deque
from typing import TYPE_CHECKING, Callable, Deque, Dict, Union

if TYPE_CHECKING:
    import redis

WINDOW_SECONDS = 60.0
KNOWN_CONVERSATION_SECONDS = 3600.0


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


Counts = Union[CountsInProcess, CountsInRedis]


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
