"""One way to reach the Redis that several Rasa servers share (settings in bot/operations/settings.py).

Short timeouts on purpose: when Redis is down, a resident should get the "please send that again"
answer in a second or two, not wait on a hung connection.
"""
import redis

from bot.operations.settings import RedisSettings

TIMEOUT_SECONDS = 1.0


def connect(settings: RedisSettings) -> redis.Redis:
    """A client (it connects lazily, and again by itself after Redis comes back)."""
    return redis.Redis(
        host=settings.host, port=settings.port, db=settings.db, password=settings.password or None,
        socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS,
        decode_responses=True,
    )
