"""Rasa's Socket.IO channel with the same checks as REST, and conversations bound to connections.

Rasa's channel lets any connection join any conversation's room by naming its id, and send
messages into any conversation; with current python-socketio releases its session request
loses every reply; and it cannot send a custom payload. This one handles the session request
and the messages itself. This one keeps the id each connection asked for (a well-formed
random id, or a new one from the server's cryptographic random source), and only accepts
messages for that id, so one conversation can never read or write another's. Messages are
checked by bot/safeguards/limits.py before Rasa sees them. It keeps the name "socketio", so the
widget's address stays /socket.io. Enabled in credentials.yml.
"""
import inspect
import uuid
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.rasa_plugins.channels import always_answered
from bot.safeguards import bootstrap, limits, message_checks


class CustomJsonSocketIOOutput(SocketIOOutput):
    """Rasa 3.6 sends a custom payload as keyword arguments of emit(), so any payload without a
    "data" key fails (our emergency and notes markers did). This sends it as {"custom": ...},
    the shape the REST channel uses."""

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class GuardedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        handlers = sio.handlers[self.namespace or "/"]
        rasa_disconnect = handlers["disconnect"]
        guard = limits.shared_guard()
        on_new_message = always_answered.always_answered(on_new_message, guard.replies)
        sio.eio.max_http_buffer_size = guard.limits.max_body_bytes
        conversations: Dict[str, str] = {}  # connection id -> the conversation it may use

        async def reply(sid: Text, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid)

        async def session_request(sid: Text, data: Any = None, *_: Any) -> None:
            wanted = data.get("session_id") if isinstance(data, dict) else None
            if not message_checks.is_random_id(wanted):
                wanted = uuid.uuid4().hex  # uuid4 comes from os.urandom
            conversations[sid] = wanted
            # Rasa 3.6 calls enter_room() without await, which loses every reply with
            # python-socketio 5.10 and later (RasaHQ/rasa#13027); this works with both kinds.
            entered = sio.enter_room(sid, wanted)
            if inspect.isawaitable(entered):
                await entered
            await sio.emit("session_confirm", wanted, room=sid)

        async def user_message(sid: Text, data: Any = None, *_: Any) -> None:
            problem = message_checks.payload_problem(data, "session_id")
            if problem is None and data["session_id"] != conversations.get(sid):
                problem = "Ask for a session first ('session_request'), then send messages for that session."
            if problem:
                await reply(sid, problem)
                return
            request = sio.get_environ(sid, self.namespace or "/").get("sanic.request")
            address = limits.client_address(request) if request is not None else "unknown"
            refusal = guard.check(address, data["session_id"], data["message"])
            if refusal:
                await reply(sid, refusal.text)
                return
            await on_new_message(UserMessage(
                data["message"], CustomJsonSocketIOOutput(sio, self.bot_message_evt), data["session_id"],
                input_channel=self.name(), metadata=data.get(self.metadata_key) or {},
            ))

        async def disconnect(sid: Text) -> None:
            conversations.pop(sid, None)
            await rasa_disconnect(sid)

        handlers.update({
            "session_request": session_request,
            self.user_message_evt: user_message,
            "disconnect": disconnect,
        })
        return bootstrap.guarded(blueprint)
