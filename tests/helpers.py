"""Helpers for tests that need the trained model or the running servers."""
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot import model, servers
from bot.servers import free_port  # noqa: F401  (tests import it from here)
from bot.settings import Settings


def trained_model() -> Path:
    """The model for the current data; `make test` trains it before the tests run."""
    path = model.current_model_path()
    if not path.exists():
        pytest.fail(f"No model for the current data at {path}. Run `make train` first.")
    return path


@contextmanager
def running_assistant(folder: Path, allowed_origins: Tuple[str, ...] = ()) -> Iterator[servers.Assistant]:
    """The real servers on free ports with a fresh SQLite store; the log is checked afterwards."""
    settings = Settings(
        rasa_host="127.0.0.1",
        rasa_port=free_port(),
        actions_port=free_port(),
        tracker_db=folder / "tracker.db",
        log_level="WARNING",
        allowed_origins=allowed_origins,
    )
    log_path = folder / "servers.log"
    with log_path.open("w") as log:
        assistant = servers.start(settings, trained_model(), log=log)
        assistant.log_path = log_path
        try:
            yield assistant
        finally:
            assistant.stop()
