"""Settings from the environment and `.env`, each with a safe default.

Everything that differs between a laptop, CI and the council's server is read here once, so
the rest of the code never reads ``os.environ`` itself.
"""
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Tuple

from dotenv import load_dotenv

from bot.paths import ROOT

DEFAULTS = {
    "RASA_HOST": "127.0.0.1",
    "RASA_PORT": "5005",
    "ACTIONS_PORT": "5055",
    "TRACKER_DB": "var/tracker.db",
    "LOG_LEVEL": "WARNING",
    "ALLOWED_ORIGINS": "",
    "RETENTION_DAYS": "30",
}


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
    # Conversations with nothing newer than this many days are deleted (bot/retention.py).
    retention_days: int = 30

    def env(self) -> dict:
        """The environment for a Rasa or action server child process.

        Telemetry is forced off whatever the environment says: the council does not send usage
        data about this service to a third party.
        """
        env = dict(os.environ)
        env.update(
            RASA_PORT=str(self.rasa_port),
            ACTIONS_PORT=str(self.actions_port),
            TRACKER_DB=str(self.tracker_db),
            LOG_LEVEL=self.log_level,
            RASA_TELEMETRY_ENABLED="false",
            TF_CPP_MIN_LOG_LEVEL="2",
            PYTHONPATH=str(ROOT),
            ALLOWED_ORIGINS=" ".join(self.allowed_origins),
        )
        return env


def load(env_file: Path = ROOT / ".env") -> Settings:
    """Read `.env` (if present) without overriding variables already set, then apply defaults."""
    load_dotenv(env_file, override=False)

    def get(name: str) -> str:
        return os.environ.get(name) or DEFAULTS[name]

    db = Path(get("TRACKER_DB"))
    return Settings(
        rasa_host=get("RASA_HOST"),
        rasa_port=int(get("RASA_PORT")),
        actions_port=int(get("ACTIONS_PORT")),
        tracker_db=db if db.is_absolute() else ROOT / db,
        log_level=get("LOG_LEVEL").upper(),
        allowed_origins=parse_origins(get("ALLOWED_ORIGINS")),
        retention_days=int(get("RETENTION_DAYS")),
    )


def parse_origins(value: str) -> Tuple[str, ...]:
    """Origins separated by spaces or commas, without trailing slashes ("https://a.org https://b.org")."""
    return tuple(o.strip().rstrip("/") for o in value.replace(",", " ").split() if o.strip())
