"""Every message gets an answer, even when the assistant cannot work it out.

Rasa's REST channel logs an exception in handling a message and then answers with an empty list,
and its Socket.IO channel answers nothing: to a resident both look like being ignored. That
happens when a shared service is down (Redis, which holds the conversation locks when several
servers share the work, or PostgreSQL). Wrapped with this, the resident is told to send the
message again in a minute, with the 999 line, and the widget offers to send the same words again.
Nothing was stored for that message: Rasa takes
the lock and loads the conversation before anything else, and saves it only at the end.
"""
import asyncio
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.rules.answer_text import TRY_AGAIN_RESPONSE

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
RETRY_MARKER = {"retry": True}


def always_answered(on_new_message: OnNewMessage, replies: dict) -> OnNewMessage:
    """on_new_message, but a failure sends the "please send it again" answer instead of nothing."""

    async def handle(message: UserMessage) -> Any:
        try:
            return await on_new_message(message)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # any failure: the resident must still hear back
            # The type only: the message itself (and the exception's text) may hold personal details.
            logger.error("Could not handle a message (%s); asked the resident to send it again.",
                         type(error).__name__)
            await message.output_channel.send_text_message(message.sender_id, replies[TRY_AGAIN_RESPONSE])
            # Tells the widget to put the words back in the box with a "Try again" button.
            await message.output_channel.send_custom_json(message.sender_id, RETRY_MARKER)
        return None

    return handle
