"""A message whose handling fails still gets an answer, on any channel
(bot/rasa_plugins/channels/always_answered.py)."""
import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.rasa_plugins.channels import always_answered
from bot.safeguards import server_replies

REPLIES = server_replies.load_replies()


def handle(on_new_message) -> list:
    output = CollectingOutputChannel()
    wrapped = always_answered.always_answered(on_new_message, REPLIES)
    asyncio.run(wrapped(UserMessage("my number is 07700 900123", output, "7c3e9a15d08b4f62a1e5c9d73b0f2846")))
    return output.messages


def test_a_failure_is_answered_with_send_it_again_and_the_999_line(caplog):
    async def broken(message):
        raise ConnectionError(f"redis down while handling {message.text}")

    messages = handle(broken)
    assert messages[0]["text"] == REPLIES["utter_try_again"] and "999" in messages[0]["text"]
    assert messages[1]["custom"] == {"retry": True}  # the widget offers to send it again
    assert "ConnectionError" in caplog.text and "07700" not in caplog.text  # never the message itself


def test_a_message_handled_normally_gets_only_its_own_answers():
    async def fine(message):
        await message.output_channel.send_text_message(message.sender_id, "hello")

    assert [m["text"] for m in handle(fine)] == ["hello"]
