"""Message checks and rate limits (bot/safeguards/limits.py), without a server: a fake clock drives time."""
import pytest

from bot.operations.settings import Limits
from bot.safeguards import counters, limits, message_checks, server_replies
from bot.safeguards.limits import Guard

ID = "3f9c2a7e41b85d06e9a1c4f7b2d80635"
REPLIES = {limits.SLOW_DOWN: "slow down, call 999", limits.TOO_LONG: "too long, call 999"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guard(**overrides) -> "tuple[Guard, Clock]":
    clock = Clock()
    return Guard(Limits(**overrides), REPLIES, counters.CountsInProcess(clock)), clock


@pytest.mark.parametrize("payload, problem", [
    ([], "JSON object"),
    ("hello", "JSON object"),
    ({"message": "hi"}, "'sender'"),
    ({"sender": "1", "message": "hi"}, "random id"),
    ({"sender": "a" * 65, "message": "hi"}, "random id"),
    ({"sender": "../" + "a" * 30, "message": "hi"}, "random id"),
    ({"sender": "a" * 32, "message": "hi"}, "random id"),  # hex, but plainly not random
    ({"sender": "0123456789abcdef" * 2, "message": "hi"}, "random id"),
    ({"sender": "aaaaaaaaaaaaaaaa", "message": "hi"}, "random id"),
    ({"sender": 12345678901234567, "message": "hi"}, "'sender'"),
    ({"sender": ID, "message": None}, "'message' must be text"),
    ({"sender": ID, "message": ["hi"]}, "'message' must be text"),
    ({"sender": ID, "message": "   \n\t"}, "empty"),
    ({"sender": ID, "message": "\ud800 broken"}, "not valid text"),
    ({"sender": ID, "message": "hi", "metadata": "x"}, "'metadata'"),
])
def test_malformed_messages_are_refused_with_the_reason(payload, problem):
    assert problem in message_checks.payload_problem(payload, "sender")


@pytest.mark.parametrize("conversation", ["3f9c2a7e41b85d06e9a1c4f7b2d80635",
                                          "5B0E4C9D-7F21-4A3E-9C61-2D8F0B7A1E45".lower(),
                                          "5B0E4C9D-7F21-4A3E-9C61-2D8F0B7A1E45",
                                          "c0ffee" + "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"])
def test_random_ids_in_the_shapes_clients_send_are_accepted(conversation):
    """The widget's 32 hex digits, a version-4 UUID as Rasa's usual web clients send, 64 hex digits."""
    assert message_checks.payload_problem({"sender": conversation, "message": "hi"}, "sender") is None


@pytest.mark.parametrize("message", ["hi", "مرحبا", "😢 help", "<script>alert(1)</script>", "'; DROP TABLE events;--"])
def test_well_formed_messages_pass_whatever_they_say(message):
    assert message_checks.payload_problem({"sender": ID, "message": message, "metadata": {}}, "sender") is None


def test_a_long_message_gets_the_too_long_answer_and_a_shorter_one_passes():
    g, _ = guard(max_message_chars=10)
    assert g.check("1.1.1.1", ID, "x" * 10) is None
    refusal = g.check("1.1.1.1", ID, "x" * 11)
    assert (refusal.status, refusal.text) == (413, "too long, call 999")


def test_one_conversation_is_slowed_down_after_its_limit_and_recovers_a_minute_later():
    g, clock = guard(messages_per_minute=3)
    assert [g.check("1.1.1.1", ID, "hi") for _ in range(3)] == [None] * 3
    assert g.check("1.1.1.1", ID, "hi").status == 429
    assert g.check("1.1.1.1", "8d21f0c6a94e3b7f5c02d18e6a7b9c34", "hi") is None  # another conversation is not affected
    clock.now += 61
    assert g.check("1.1.1.1", ID, "hi") is None


def test_one_address_is_slowed_down_across_its_conversations():
    g, clock = guard(messages_per_minute_per_address=4)
    ids = [str(n) * 20 for n in range(5)]
    assert [g.check("2.2.2.2", i, "hi") for i in ids[:4]] == [None] * 4
    assert g.check("2.2.2.2", ids[4], "hi").text == "slow down, call 999"
    assert g.check("3.3.3.3", ids[4], "hi") is None  # another address is not affected


def test_an_address_may_open_only_so_many_new_conversations_a_minute():
    g, clock = guard(new_conversations_per_minute_per_address=2)
    assert g.check("4.4.4.4", "a" * 20, "hi") is None
    assert g.check("4.4.4.4", "b" * 20, "hi") is None
    assert g.check("4.4.4.4", "c" * 20, "hi").status == 429
    assert g.check("4.4.4.4", "a" * 20, "again") is None  # existing conversations carry on
    clock.now += 61
    assert g.check("4.4.4.4", "c" * 20, "hi") is None


def test_memory_is_bounded_old_counts_are_forgotten():
    g, clock = guard()
    for n in range(999):
        g.check(f"10.0.{n // 250}.{n % 250}", f"{n:020d}", "hi")
    clock.now += 3601
    g.check("9.9.9.9", "z" * 20, "hi")  # the 1000th check tidies up
    assert len(g.counts._last_seen) == 1 and len(g.counts._recent) <= 3


def test_the_answers_the_server_sends_itself_come_from_the_domain_and_give_the_emergency_number():
    from bot.rules import directory

    emergency = directory.placeholder_values(directory.load())["police_emergency.phone"]
    replies = server_replies.load_replies()
    assert set(replies) == {limits.SLOW_DOWN, limits.TOO_LONG, "utter_try_again"}
    for text in replies.values():
        assert f"call {emergency}" in text and "{" not in text


def test_an_ipv6_address_is_counted_by_its_64_network():
    """A home or phone gets a whole /64: a new address for each message must not dodge the limit."""
    g, _ = guard(messages_per_minute_per_address=2, new_conversations_per_minute_per_address=100)
    ids = ["3f9c2a7e41b85d06e9a1c4f7b2d8063" + d for d in "0123"]
    assert g.check("2001:db8:1:2::a", ids[0], "hi") is None
    assert g.check("2001:db8:1:2:ffff::b", ids[1], "hi") is None
    assert g.check("2001:db8:1:2:1234:5678:9abc:def0", ids[2], "hi").status == 429
    assert g.check("2001:db8:1:3::a", ids[3], "hi") is None  # another /64: another home
    assert counters.counted_as("::ffff:10.0.0.1") == "10.0.0.1" and counters.counted_as("unknown") == "unknown"
