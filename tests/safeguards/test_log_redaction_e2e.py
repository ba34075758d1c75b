"""At DEBUG, Rasa logs every message as typed; with the real servers, none of it reaches the log."""
import uuid

import pytest

from tests.helpers import running_assistant, say
from tests.socket_client import SocketConversation

pytestmark = pytest.mark.e2e

TYPED = ["my neighbour Darren Smith shouts at me every night",
         "jane dot doe at gmail dot com, flat 3 Meridian House",
         "qzxv plmk wrrt",  # not understood either
         '/greet{"name": "Zebedee Quux lives at 12 Acacia Avenue"}',  # Rasa warns about these
         "/help{my address is 12 Acacia Avenue}"]


def test_nothing_typed_reaches_the_log_even_at_debug(tmp_path):
    with running_assistant(tmp_path, log_level="DEBUG") as assistant:
        sender = uuid.uuid4().hex
        for text in TYPED[:2] + TYPED[3:]:
            say(assistant, text, sender)
        with SocketConversation(assistant.url) as chat:
            session = chat.open(uuid.uuid4().hex)
            chat.send({"message": TYPED[2], "session_id": session})
        log = assistant.log_path.read_text(encoding="utf-8")
    assert "[message not logged]" in log  # Rasa did try to log them
    for text in TYPED:
        for part in (text, text[:25], text[-25:]):
            assert part not in log, part
    assert "Zebedee" not in log and "Acacia" not in log
