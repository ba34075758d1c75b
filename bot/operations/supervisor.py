"""Keeps a started assistant (one server set or the scaled set) running until it is told to stop."""
import signal
import sys
import time
from typing import Union

from bot.operations import retention
from bot.operations.processes import Assistant
from bot.operations.scaled_set import ScaledAssistant


def wait_for_stop_signal(assistant: Union[Assistant, ScaledAssistant], purge: bool = True) -> None:
    """Block until SIGINT/SIGTERM or until a server dies, purging old conversations daily (unless
    ``purge`` is False: an action server alone has no store); then stop all. A model server that
    stops is started again instead: its Rasa server keeps answering meanwhile."""
    stopping = {"requested": False}

    def request_stop(signum: int, _frame: object) -> None:
        stopping["requested"] = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    daily_purge = retention.DailyPurge(assistant.settings.tracker_url, assistant.settings.retention_days,
                                       assistant.settings.unclear_messages_retention_days)
    try:
        while not stopping["requested"]:
            if purge:
                daily_purge.tick(time.monotonic())
            for server in assistant.rasa if isinstance(assistant, ScaledAssistant) else [assistant]:
                server.revive_model_server()  # a model server that stopped is not worth stopping 999 for
            if any(p.poll() is not None for p in assistant.processes):
                print("A server stopped unexpectedly; stopping the others.", file=sys.stderr)
                break
            time.sleep(0.5)
    finally:
        assistant.stop()
    if not stopping["requested"]:
        raise SystemExit(1)
