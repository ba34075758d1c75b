"""The shape of a message before anything else looks at it: a JSON object with a random
conversation id and some text. Shared by REST (bot/safeguards/limits.py) and Socket.IO
(bot/rasa_plugins/channels/socket.py), so both refuse the same things in the same words.
"""
import re
from typing import Any, Optional

# A conversation id is the only key to a conversation: whoever sends a message with it gets the
# next reply. So it must carry about 120 bits of randomness or more: a version-4 UUID (what Rasa's
# usual web clients send) or 32 to 64 hexadecimal characters (the widget's 128 bits from
# crypto.getRandomValues). Ids that are plainly not random are refused.
HEX_ID = re.compile(r"\A[0-9A-Fa-f]{32,64}\Z")
UUID_ID = re.compile(r"\A[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}\Z")
MIN_DISTINCT_DIGITS = 8  # 32 random hex digits have fewer than this about once in 10^9 ids
LONGEST_RUN = 6


def is_random_id(value: Any) -> bool:
    """A UUID version 4, or 32 to 64 hex digits, that does not look made up: enough different
    digits, no long run of one, and not a shorter string repeated ("0123456789abcdef" twice)."""
    if not isinstance(value, str) or not (HEX_ID.match(value) or UUID_ID.match(value)):
        return False
    digits = value.replace("-", "").lower()
    if len(set(digits)) < MIN_DISTINCT_DIGITS or re.search(r"(.)\1{%d}" % LONGEST_RUN, digits):
        return False
    return not any(digits == digits[:size] * (len(digits) // size) for size in range(1, len(digits) // 2 + 1)
                   if len(digits) % size == 0)


def payload_problem(payload: Any, id_field: str) -> Optional[str]:
    """What is wrong with a message's JSON, in words a developer can act on (None when fine)."""
    if not isinstance(payload, dict):
        return f'Send a JSON object: {{"{id_field}": "<random id>", "message": "<text>"}}.'
    if not is_random_id(payload.get(id_field)):
        return (f"'{id_field}' must be a random id: a version-4 UUID, or 32 to 64 hexadecimal characters "
                "from a cryptographic random generator (for example crypto.getRandomValues).")
    message = payload.get("message")
    if not isinstance(message, str):
        return "'message' must be text."
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        return "'message' holds characters that are not valid text."
    if not message.strip():
        return "'message' is empty: type a question, or say what happened."
    if payload.get("metadata") is not None and not isinstance(payload["metadata"], dict):
        return "'metadata' must be a JSON object."
    return None
