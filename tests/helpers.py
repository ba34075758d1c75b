"""Helpers for tests that need the trained model or the running servers."""
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, List, Optional

import pytest
import requests

from bot.operations import models, processes
from bot.operations.processes import free_port  # noqa: F401  (tests import it from here)
from bot.operations.settings import Limits
from bot.paths import CREDENTIALS_FILE

# Every test talks from 127.0.0.1, as if one address held every resident: rate limits are lifted
# except in the tests about limits, which pass their own.
TEST_LIMITS = Limits.for_load_from_one_address()


def trained_model() -> Path:
    """The model for the current data; `make test` trains it before the tests run."""
    path = models.current_model_path()
    if not path.exists():
        pytest.fail(f"No model for the current data at {path}. Run `make train` first.")
    return path


@contextmanager
def running_assistant(folder: Path, credentials: Path = CREDENTIALS_FILE, model: Optional[Path] = None,
                      **settings_overrides: Any) -> Iterator[processes.Assistant]:
    """The real servers on free ports with a fresh SQLite store; the log is checked afterwards.

    ``settings_overrides`` are Settings fields, e.g. ``allowed_origins=(...)`` or ``limits=...``;
    ``model`` an archive to serve instead of the current one (its model server re-reads it).
    """
    settings = processes.local_settings(folder / "tracker.db", **settings_overrides)
    log_path = folder / "servers.log"
    with log_path.open("w") as log:
        assistant = processes.start(settings, model or trained_model(), log=log, credentials=credentials)
        assistant.log_path = log_path
        try:
            yield assistant
        finally:
            assistant.stop()


def say(assistant: processes.Assistant, text: str, sender: str = "") -> List[dict]:
    """Send one message over REST as a resident would; the assistant's replies."""
    response = requests.post(
        assistant.rest_webhook,
        json={"sender": sender or uuid.uuid4().hex, "message": text},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def joined(replies: List[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)
