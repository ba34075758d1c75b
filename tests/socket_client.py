"""A Socket.IO conversation as the widget holds one (websocket only), for the tests.

python-socketio's threaded client (over websocket-client), because its asyncio client needs a
newer aiohttp than Rasa 3.6 allows.
"""
import queue
from typing import Any, List, Optional

import socketio


class SocketConversation:
    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.Client(reconnection=False)
        self.replies: "queue.Queue[dict]" = queue.Queue()
        self.confirmed: "queue.Queue[str]" = queue.Queue()
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", self.confirmed.put)

    def __enter__(self) -> "SocketConversation":
        self.client.connect(self.url, transports=["websocket"], socketio_path="/socket.io", wait_timeout=10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.disconnect()

    def open(self, session_id: Any = None) -> str:
        """Ask for a session; the id the server confirmed."""
        self.client.emit("session_request", {"session_id": session_id})
        return self.confirmed.get(timeout=10)

    def send(self, data: Any, first_reply_within: float = 20, quiet: float = 1.0) -> List[dict]:
        """Emit one user message; every reply until none has come for `quiet` seconds."""
        self.client.emit("user_uttered", data)
        return self.collect(first_reply_within, quiet)

    def collect(self, first_reply_within: float = 20, quiet: float = 1.0) -> List[dict]:
        replies: List[dict] = []
        timeout: Optional[float] = first_reply_within
        while True:
            try:
                replies.append(self.replies.get(timeout=timeout))
            except queue.Empty:
                return replies
            timeout = quiet
