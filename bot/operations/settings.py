"""Settings from the environment and `.env`, each with a safe default.

Everything that differs between a laptop, CI and the council's server is read here once, so
the rest of the code never reads ``os.environ`` itself.
"""
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Tuple

from dotenv import load_dotenv

from bot.operations.setting_values import (
    API_TOKEN_VARIABLE,
    DEFAULTS,
    SettingsError,
    database_url,
    log_level,
    parse_origins,
    port,
    seconds,
    switch,
    whole_number,
)
from bot.paths import ROOT

LIMIT_NAMES = ("MAX_MESSAGE_CHARS", "MAX_BODY_BYTES", "MESSAGES_PER_MINUTE",
               "MESSAGES_PER_MINUTE_PER_ADDRESS", "NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS")
MIN_API_TOKEN_LENGTH = 32


@dataclass(frozen=True)
class Limits:
    """What one person or one address may send (bot/safeguards/limits.py enforces them)."""

    max_message_chars: int = int(DEFAULTS["MAX_MESSAGE_CHARS"])
    max_body_bytes: int = int(DEFAULTS["MAX_BODY_BYTES"])
    messages_per_minute: int = int(DEFAULTS["MESSAGES_PER_MINUTE"])  # per conversation
    # One office or library can share an address.
    messages_per_minute_per_address: int = int(DEFAULTS["MESSAGES_PER_MINUTE_PER_ADDRESS"])
    new_conversations_per_minute_per_address: int = int(DEFAULTS["NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS"])

    def env(self) -> dict:
        return {name: str(getattr(self, name.lower())) for name in LIMIT_NAMES}

    @classmethod
    def for_load_from_one_address(cls) -> "Limits":
        """For the benchmark and tests, where one address plays hundreds of residents: the rate
        limits are lifted; message length and body size stay as they are."""
        return cls(messages_per_minute=10**9, messages_per_minute_per_address=10**9,
                   new_conversations_per_minute_per_address=10**9)

    @classmethod
    def from_env(cls, get) -> "Limits":
        return cls(**{name.lower(): whole_number(get, name) for name in LIMIT_NAMES})


@dataclass(frozen=True)
class RedisSettings:
    """Redis, shared by several Rasa servers: Rasa's lock store (one message of a conversation at
    a time, whichever server gets it), the message limits and the incident notes held between
    messages. Empty host: each server keeps these in its own memory (right for one server)."""

    host: str = ""
    port: int = int(DEFAULTS["REDIS_PORT"])
    db: int = int(DEFAULTS["REDIS_DB"])
    password: str = ""
    # A conversation's lock is given up after this long if its server dies while holding it, so
    # another server can carry on. Longer than any message takes (ACTION_TIMEOUT_SECONDS + model).
    lock_lifetime_seconds: int = int(DEFAULTS["LOCK_LIFETIME_SECONDS"])

    @property
    def enabled(self) -> bool:
        return bool(self.host)

    def env(self) -> dict:
        """Variables endpoints.yml reads; TICKET_LOCK_LIFETIME is Rasa's own name for the lifetime."""
        return {
            "LOCK_STORE": ("bot.rasa_plugins.locks.RedisLockStore" if self.enabled
                           else "bot.rasa_plugins.locks.InMemoryLockStore"),
            "REDIS_HOST": self.host,
            "REDIS_PORT": str(self.port),
            "REDIS_DB": str(self.db),
            "REDIS_PASSWORD": self.password,
            "TICKET_LOCK_LIFETIME": str(self.lock_lifetime_seconds),
        }

    @classmethod
    def from_env(cls, get) -> "RedisSettings":
        return cls(host=get("REDIS_HOST").strip(), port=whole_number(get, "REDIS_PORT"),
                   db=whole_number(get, "REDIS_DB", minimum=0), password=os.environ.get("REDIS_PASSWORD", ""),
                   lock_lifetime_seconds=whole_number(get, "LOCK_LIFETIME_SECONDS"))


def retention_days_here() -> int:
    """RETENTION_DAYS as the running server was given it, for answers that say how long chats are
    kept (bot/rasa_plugins/nlg.py): the same value the daily purge uses."""
    return int(os.environ.get("RETENTION_DAYS") or DEFAULTS["RETENTION_DAYS"])


@dataclass(frozen=True)
class Settings:
    """The values the servers need; ``env()`` turns them back into variables for child processes."""

    rasa_host: str
    rasa_port: int
    actions_port: int
    tracker_db: Path
    log_level: str
    # Partner sites allowed to embed the widget, e.g. "https://partner.org.uk". The assistant's own
    # pages are always allowed; every other site is refused.
    allowed_origins: Tuple[str, ...] = ()
    # Conversations with nothing newer than this many days are deleted (bot/operations/retention.py).
    retention_days: int = int(DEFAULTS["RETENTION_DAYS"])
    # No text a person typed is stored (bot/rasa_plugins/store.py), unless this is on: then the text of messages
    # the assistant did not understand is kept, redacted, for staff to improve the examples, and
    # blanked after unclear_messages_retention_days.
    keep_unclear_messages: bool = False
    unclear_messages_retention_days: int = int(DEFAULTS["UNCLEAR_MESSAGES_RETENTION_DAYS"])
    limits: Limits = Limits()
    # The Rasa server answers without the action server after this long (bot/rasa_plugins/action_timeout.py).
    action_timeout_seconds: float = float(DEFAULTS["ACTION_TIMEOUT_SECONDS"])
    # Rasa's HTTP API (read and change any conversation) is off unless ENABLE_API=true, and then
    # only with API_TOKEN (at least 32 characters); load() refuses anything else.
    enable_api: bool = False
    api_token: str = ""
    # Scale-out (docs/scaling.md). Empty DATABASE_URL: the SQLite file above. A PostgreSQL URL
    # ("postgresql://user:password@host:5432/db") lets several Rasa servers share conversations.
    database_url: str = ""
    redis: RedisSettings = RedisSettings()
    # Where the Rasa server finds the action server (another host or a Kubernetes service name).
    actions_host: str = DEFAULTS["ACTIONS_HOST"]
    # How many proxies (nginx, a load balancer) stand in front of the Rasa server and add the
    # client's address to X-Forwarded-For. 0: the address is the connection's own. Set it only
    # behind a proxy, or anyone could claim any address and dodge the per-address limits.
    proxies_count: int = int(DEFAULTS["PROXIES_COUNT"])
    # How many Rasa servers and action servers `make run-scaled` starts behind nginx.
    rasa_replicas: int = int(DEFAULTS["RASA_REPLICAS"])
    action_replicas: int = int(DEFAULTS["ACTION_REPLICAS"])
    # Each Rasa server asks its model server (bot/operations/model_server.py, on loopback) this
    # often whether a new model has been trained, and loads it without a restart.
    model_server_port: int = int(DEFAULTS["MODEL_SERVER_PORT"])
    model_pull_seconds: int = int(DEFAULTS["MODEL_PULL_SECONDS"])

    @property
    def model_server_url(self) -> str:
        return f"http://127.0.0.1:{self.model_server_port}/model"

    @property
    def tracker_url(self) -> str:
        """The tracker store's SQLAlchemy URL: PostgreSQL if configured, else the SQLite file."""
        return self.database_url or f"sqlite:///{self.tracker_db}"

    def env(self) -> dict:
        """The environment for a Rasa or action server child process.

        Telemetry is forced off whatever the environment says: the council does not send usage
        data about this service to a third party.
        """
        env = dict(os.environ)
        env.update(
            RASA_PORT=str(self.rasa_port),
            ACTIONS_PORT=str(self.actions_port),
            ACTIONS_HOST=self.actions_host,
            TRACKER_DB=str(self.tracker_db),
            LOG_LEVEL=self.log_level,
            RASA_TELEMETRY_ENABLED="false",
            TF_CPP_MIN_LOG_LEVEL="2",
            PYTHONPATH=str(ROOT),
            ALLOWED_ORIGINS=" ".join(self.allowed_origins),
            ACTION_TIMEOUT_SECONDS=str(self.action_timeout_seconds),
            RETENTION_DAYS=str(self.retention_days),
            KEEP_UNCLEAR_MESSAGES="true" if self.keep_unclear_messages else "false",
            UNCLEAR_MESSAGES_RETENTION_DAYS=str(self.unclear_messages_retention_days),
            TRACKER_URL=self.tracker_url,
            PROXIES_COUNT=str(self.proxies_count),
            MODEL_SERVER_URL=self.model_server_url,
            MODEL_PULL_SECONDS=str(self.model_pull_seconds),
            **self.limits.env(),
            **self.redis.env(),
        )
        # The API token reaches the Rasa server only, as RASA_API_TOKEN (bot/operations/rasa_process.py turns it
        # into Rasa's flags, out of sight of `ps`); the action server never sees it (actions_env).
        env.pop("API_TOKEN", None)
        env.pop("ENABLE_API", None)
        env.pop(API_TOKEN_VARIABLE, None)
        if self.enable_api:
            env[API_TOKEN_VARIABLE] = self.api_token
        return env

    def actions_env(self) -> dict:
        """The action server's environment: without the database's and Redis's passwords, which
        only the Rasa server needs (the actions never read the store)."""
        env = self.env()
        for secret in ("DATABASE_URL", "TRACKER_URL", "REDIS_PASSWORD", API_TOKEN_VARIABLE):
            env.pop(secret, None)
        return env


def load(env_file: Path = ROOT / ".env") -> Settings:
    """Read `.env` (if present) without overriding variables already set, then apply defaults."""
    load_dotenv(env_file, override=False)

    def get(name: str) -> str:
        return os.environ.get(name) or DEFAULTS[name]

    db = Path(get("TRACKER_DB"))
    enable_api = switch(get, "ENABLE_API")
    api_token = os.environ.get("API_TOKEN", "")
    if enable_api and len(api_token) < MIN_API_TOKEN_LENGTH:
        raise SettingsError(
            f"ENABLE_API=true needs API_TOKEN set to a secret of at least {MIN_API_TOKEN_LENGTH} "
            "characters (for example from `python -c 'import secrets; print(secrets.token_urlsafe(32))'`). "
            "Without it anyone could read every conversation, so the assistant will not start."
        )
    return Settings(
        rasa_host=get("RASA_HOST"),
        rasa_port=port(get, "RASA_PORT"),
        actions_port=port(get, "ACTIONS_PORT"),
        tracker_db=db if db.is_absolute() else ROOT / db,
        log_level=log_level(get),
        allowed_origins=parse_origins(get("ALLOWED_ORIGINS")),
        retention_days=whole_number(get, "RETENTION_DAYS"),
        keep_unclear_messages=switch(get, "KEEP_UNCLEAR_MESSAGES"),
        unclear_messages_retention_days=whole_number(get, "UNCLEAR_MESSAGES_RETENTION_DAYS"),
        limits=Limits.from_env(get),
        action_timeout_seconds=seconds(get, "ACTION_TIMEOUT_SECONDS"),
        enable_api=enable_api,
        api_token=api_token if enable_api else "",
        database_url=database_url(get("DATABASE_URL")),
        redis=RedisSettings.from_env(get),
        actions_host=get("ACTIONS_HOST").strip(),
        proxies_count=whole_number(get, "PROXIES_COUNT", minimum=0),
        rasa_replicas=whole_number(get, "RASA_REPLICAS"),
        action_replicas=whole_number(get, "ACTION_REPLICAS"),
        model_server_port=port(get, "MODEL_SERVER_PORT"),
        model_pull_seconds=whole_number(get, "MODEL_PULL_SECONDS"),
    )


