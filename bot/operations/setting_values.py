"""Each setting's default, declared once, and the checks that turn a setting's text into a value.

A wrong value stops the assistant with one line naming the setting and saying what to do
(bot/operations/settings.py reads them).
"""
import re
from typing import Callable, Tuple

DEFAULTS = {
    "RASA_HOST": "127.0.0.1",
    "RASA_PORT": "5005",
    "ACTIONS_PORT": "5055",
    "MODEL_SERVER_PORT": "5056",
    "MODEL_PULL_SECONDS": "10",
    "ACTIONS_HOST": "127.0.0.1",
    "TRACKER_DB": "var/tracker.db",
    "LOG_LEVEL": "WARNING",
    "ALLOWED_ORIGINS": "",
    "RETENTION_DAYS": "30",
    "KEEP_UNCLEAR_MESSAGES": "false",
    "UNCLEAR_MESSAGES_RETENTION_DAYS": "30",
    "MAX_MESSAGE_CHARS": "1000",
    "MAX_BODY_BYTES": "16384",
    "MESSAGES_PER_MINUTE": "20",
    "MESSAGES_PER_MINUTE_PER_ADDRESS": "300",
    "NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS": "30",
    "ACTION_TIMEOUT_SECONDS": "5",
    "ENABLE_API": "false",
    "API_TOKEN": "",
    "DATABASE_URL": "",
    "REDIS_HOST": "",
    "REDIS_PORT": "6379",
    "REDIS_DB": "1",
    "REDIS_PASSWORD": "",
    "LOCK_LIFETIME_SECONDS": "20",
    "PROXIES_COUNT": "0",
    "RASA_REPLICAS": "2",
    "ACTION_REPLICAS": "2",
}
# How the API token reaches the Rasa server process, and no other (bot/operations/rasa_process.py).
API_TOKEN_VARIABLE = "RASA_API_TOKEN"


class SettingsError(ValueError):
    """A setting cannot be used; the message names it and says what to do."""


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
ORIGIN = re.compile(r"\Ahttps?://[a-z0-9.-]+(?::\d{1,5})?\Z", re.IGNORECASE)


def port(get: Callable[[str], str], name: str) -> int:
    value = whole_number(get, name)
    if value > 65535:
        raise SettingsError(f"{name} must be a port number from 1 to 65535, not {value}")
    return value


def switch(get: Callable[[str], str], name: str) -> bool:
    value = get(name).strip().lower()
    if value not in ("1", "true", "yes", "0", "false", "no"):
        raise SettingsError(f"{name} must be true or false, not {get(name)!r}")
    return value in ("1", "true", "yes")


def seconds(get: Callable[[str], str], name: str) -> float:
    try:
        value = float(get(name))
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not {get(name)!r}") from None
    if not 0 < value <= 600:
        raise SettingsError(f"{name} must be more than 0 and at most 600 seconds")
    return value


def log_level(get: Callable[[str], str]) -> str:
    value = get("LOG_LEVEL").strip().upper()
    if value not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {get('LOG_LEVEL')!r}")
    return value


def whole_number(get: Callable[[str], str], name: str, minimum: int = 1) -> int:
    """A setting that must be a whole number of at least `minimum`, or a SettingsError naming it."""
    try:
        value = int(get(name))
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {get(name)!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}")
    return value


def database_url(value: str) -> str:
    """DATABASE_URL as SQLAlchemy wants it: empty (SQLite), or a PostgreSQL URL."""
    value = value.strip()
    if value.startswith("postgres://"):  # the form many hosting platforms give
        value = "postgresql://" + value[len("postgres://"):]
    if value and not value.startswith("postgresql://"):
        raise SettingsError("DATABASE_URL must be empty (SQLite) or start with postgresql://")
    return value


def parse_origins(value: str) -> Tuple[str, ...]:
    """Origins separated by spaces or commas, without trailing slashes ("https://a.org https://b.org").
    Each must be a website's origin (scheme and host, perhaps a port, no path), or the assistant
    does not start: a mistyped partner address would otherwise be refused without a word."""
    origins = tuple(o.strip().rstrip("/") for o in value.replace(",", " ").split() if o.strip())
    wrong = [o for o in origins if not ORIGIN.match(o)]
    if wrong:
        raise SettingsError(f"ALLOWED_ORIGINS must list website origins like https://partner.org.uk, not {wrong[0]!r}")
    return origins
