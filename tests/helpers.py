"""Helpers for tests that need the trained model or the running servers."""
import socket
from pathlib import Path

import pytest

from bot import model


def trained_model() -> Path:
    """The model for the current data; `make test` trains it before the tests run."""
    path = model.current_model_path()
    if not path.exists():
        pytest.fail(f"No model for the current data at {path}. Run `make train` first.")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
