"""Start the action server and the Rasa server together, wait until both answer, stop both cleanly.

Used by `make run` and by the end-to-end tests, so the tests exercise exactly what residents get.
"""
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, List, Optional, Sequence, Tuple

import requests

from bot.operations import models
from bot.operations.settings import Limits, Settings
from bot.paths import CREDENTIALS_FILE, ENDPOINTS_FILE, ROOT

READY_TIMEOUT_SECONDS = 180


def free_port() -> int:
    """A port nothing on this machine listens on right now (for tests and the benchmark)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_settings(tracker_db: Path, log_level: str = "WARNING", **overrides: Any) -> Settings:
    """Servers for the tests, the benchmark and the evaluation: on loopback, on free ports, with a
    store of their own. One address plays every resident there, so the rate limits are lifted;
    message length and body size stay as they are. ``overrides`` are other Settings fields."""
    return Settings(**{
        "rasa_host": "127.0.0.1", "rasa_port": free_port(), "actions_port": free_port(),
        "model_server_port": free_port(),
        "tracker_db": tracker_db, "log_level": log_level, "limits": Limits.for_load_from_one_address(),
        **overrides,
    })


class ServerFailed(RuntimeError):
    """A server exited or did not answer in time; the message says which and where its log is."""


class ServesRest:
    """Anything with a ``url``: where its REST channel answers."""

    url: str

    @property
    def rest_webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"


@dataclass
class Assistant(ServesRest):
    """A running pair of servers."""

    settings: Settings
    processes: List[subprocess.Popen] = field(default_factory=list)
    # How its model server was started, to start it again if it stops (revive_model_server).
    model_server_start: Optional[Tuple[List[str], dict, Optional[IO]]] = None

    def process(self, part: str) -> subprocess.Popen:
        """The process of one part: ACTIONS, MODELS or RASA (the benchmark reads its CPU and memory)."""
        return next(p for p in self.processes if p.args[2] == PROGRAMS[part])

    @property
    def url(self) -> str:
        return f"http://{self.settings.rasa_host}:{self.settings.rasa_port}"

    def revive_model_server(self) -> None:
        """Start the model server again if it stopped. Meanwhile the Rasa server answers with the
        model it has; nothing else may take the model server's port for long."""
        if not self.model_server_start:
            return
        for index, process in enumerate(self.processes):
            if process.args[2] == PROGRAMS[MODELS] and process.poll() is not None:
                self.processes[index] = _spawn(*self.model_server_start)

    def kill(self) -> None:
        """Sudden death, as when a machine fails (the scale-out tests)."""
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    def stop(self) -> None:
        """SIGTERM both, give them a few seconds, then SIGKILL whatever is left."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _spawn(command: List[str], env: dict, log: Optional[IO]) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C reaches us once; we stop the children in order.
    )


ACTIONS, MODELS, RASA = "actions", "models", "rasa"
# The module each part's process runs (its command's third word: python -m <module>).
PROGRAMS = {ACTIONS: "rasa_sdk", MODELS: "bot.operations.model_server", RASA: "bot.operations.rasa_process"}


def start(
    settings: Settings, model: Path, log: Optional[IO] = None, parts: Sequence[str] = (ACTIONS, RASA),
    credentials: Path = CREDENTIALS_FILE, follow_project: bool = False,
) -> Assistant:
    """Start the action server and the Rasa server (or only the ``parts`` named) and return once
    each answers over HTTP. A Rasa server alone (scale-out) reaches its actions at ACTIONS_PORT.
    ``credentials`` names the channels (the tests start one without the widget's).

    Each Rasa server gets its own model server (bot/operations/model_server.py), serving ``model``,
    or with ``follow_project`` the model for the project's current data, so that `make train`
    reaches a running assistant without a restart.

    Raises ModelNotTrusted, before starting anything, if the model is not the one we trained.
    """
    if RASA in parts:
        models.verify(model)
    settings.tracker_db.parent.mkdir(parents=True, exist_ok=True)
    assistant = Assistant(settings)
    python = sys.executable
    log_flag = ["--quiet"] if settings.log_level in ("WARNING", "ERROR") else []
    if ACTIONS in parts:
        assistant.processes.append(_spawn(
            [python, "-m", PROGRAMS[ACTIONS], "--actions", "actions", "--port", str(settings.actions_port)],
            settings.actions_env(), log,
        ))
    if RASA in parts:
        assistant.model_server_start = (model_server_command(settings, model, follow_project), settings.env(), log)
        assistant.processes.append(_spawn(*assistant.model_server_start))
        _wait_for_model(assistant)
        assistant.processes.append(_spawn(rasa_command("run", model) + [
            "--credentials", str(credentials),
            "--interface", settings.rasa_host,
            "--port", str(settings.rasa_port),
        ] + log_flag, settings.env(), log))
    try:
        _wait_until_ready(assistant, parts)
    except BaseException:
        assistant.stop()
        raise
    return assistant


def model_server_command(settings: Settings, model: Path, follow_project: bool) -> List[str]:
    """The model server the Rasa server polls: ``model``, or the project's current one."""
    served = [] if follow_project else ["--model", str(model)]
    return [sys.executable, "-m", PROGRAMS[MODELS], "--port", str(settings.model_server_port)] + served


def start_model_server(settings: Settings, model: Path, log: Optional[IO]) -> subprocess.Popen:
    """A model server serving ``model`` (for `rasa shell`, which has no Assistant of its own)."""
    return _spawn(model_server_command(settings, model, False), settings.env(), log)


def rasa_command(verb: str, model: Path) -> List[str]:
    """`rasa run` or `rasa shell` with this project's model and endpoints; the HTTP API, when
    enabled, is switched on from the environment (bot/operations/rasa_process.py), never the command line."""
    return [sys.executable, "-m", PROGRAMS[RASA], verb,
            "--model", str(model), "--endpoints", str(ENDPOINTS_FILE)]


def _wait_for_model(assistant: Assistant) -> None:
    """The Rasa server loads its first model from the model server: wait until that serves one."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(assistant.settings.model_server_url, timeout=10).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    assistant.stop()
    raise ServerFailed(f"the model server at {assistant.settings.model_server_url} served no trusted model")


def _wait_until_ready(assistant: Assistant, parts: Sequence[str]) -> None:
    """Poll each server's health page; fail fast if a process exits."""
    settings = assistant.settings
    checks = [f"http://127.0.0.1:{settings.actions_port}/health"] if ACTIONS in parts else []
    if RASA in parts:
        checks.append(assistant.url + "/")  # Rasa answers here only after the model has loaded.
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    for check in checks:
        while True:
            for process in assistant.processes:
                if process.poll() is not None:
                    raise ServerFailed(f"{' '.join(process.args[:4])} exited with {process.returncode}")
            try:
                if requests.get(check, timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise ServerFailed(f"no answer from {check} after {READY_TIMEOUT_SECONDS}s")
            time.sleep(0.25)
