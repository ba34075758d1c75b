"""Faults a council server meets: floods, restarts, a stopped or stuck action server (issue #6)."""
import socket
import time
import uuid

import pytest
import requests

from bot.operations.events_db import user_messages as stored_in
from bot.operations.settings import Limits
from bot.rules import directory
from tests.helpers import joined, running_assistant, say, trained_model
from tests.socket_client import SocketConversation

pytestmark = pytest.mark.e2e

D = directory.placeholder_values(directory.load())
EMERGENCY = D["police_emergency.phone"]
STRICT = Limits(messages_per_minute=3, messages_per_minute_per_address=1000, new_conversations_per_minute_per_address=6)


def post(assistant, sender: str, text: str) -> requests.Response:
    return requests.post(assistant.rest_webhook, json={"sender": sender, "message": text}, timeout=30)


def stored_user_messages(assistant, sender: str) -> list:
    return stored_in(assistant.settings.tracker_db, sender)


def test_floods_get_a_kind_slow_down_reply_with_999_and_are_not_stored(tmp_path):
    with running_assistant(tmp_path, limits=STRICT) as assistant:
        sender = uuid.uuid4().hex
        answers = [post(assistant, sender, f"what is hate crime {n}") for n in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        slow_down = joined(answers[-1].json())
        assert "wait a minute" in slow_down and f"call {EMERGENCY}" in slow_down
        assert answers[-1].headers["Retry-After"] == "60"
        assert stored_user_messages(assistant, sender) == [""] * 3  # three stored, none of their text

        # One address opening conversation after conversation (this one already opened one).
        opened = [post(assistant, uuid.uuid4().hex, "hello").status_code for _ in range(6)]
        assert opened == [200] * 5 + [429]

        # Socket.IO counts with REST: this address may not open another conversation either.
        with SocketConversation(assistant.url) as chat:
            session = chat.open(uuid.uuid4().hex)
            replies = chat.send({"message": "hello", "session_id": session})
        assert "wait a minute" in joined(replies)
        assert stored_user_messages(assistant, session) == []


def test_a_conversation_carries_on_after_a_restart_and_the_api_needs_the_token(tmp_path):
    token = uuid.uuid4().hex + uuid.uuid4().hex
    sender = uuid.uuid4().hex
    with running_assistant(tmp_path) as first:
        assert "report" in joined(say(first, "a gang of lads shouted racist stuff at me in town", sender))
    with running_assistant(tmp_path, enable_api=True, api_token=token) as second:
        # "yes" only makes sense with the history: the offer to explain how to report.
        assert D["true_vision.web"] in joined(say(second, "yes please", sender))
        tracker_url = f"{second.url}/conversations/{sender}/tracker"
        assert requests.get(tracker_url, timeout=10).status_code == 401
        assert requests.get(tracker_url, params={"token": "wrong" * 8}, timeout=10).status_code == 401
        tracker = requests.get(tracker_url, params={"token": token}, timeout=10)
        assert tracker.status_code == 200
        said = [(e["text"], e["parse_data"]["intent"]["name"])
                for e in tracker.json()["events"] if e["event"] == "user"]
        assert said == [("", "tell_experience"), ("", "affirm")]  # understood; the text is not kept
        # Only a model trained here, from the models folder, with its recorded hash, may be loaded.
        elsewhere = tmp_path / "other.tar.gz"
        elsewhere.write_bytes(b"not a model")
        for body in ({"model_file": str(elsewhere)}, {"model_file": str(second.settings.tracker_db)},
                     {"model_server": {"url": "http://example.org/model.tar.gz"}}):
            refused = requests.put(f"{second.url}/model", params={"token": token}, json=body, timeout=10)
            assert refused.status_code == 403, (body, refused.text)
        assert requests.put(f"{second.url}/model", json={"model_file": str(elsewhere)}, timeout=10).status_code == 401
        ours = requests.put(f"{second.url}/model", params={"token": token}, json={"model_file": str(trained_model())},
                            timeout=120)
        assert ours.status_code == 204, ours.text


def test_with_the_action_server_stopped_every_message_still_gets_an_answer(tmp_path):
    with running_assistant(tmp_path) as assistant:
        actions = assistant.processes[0]
        actions.terminate()
        actions.wait(10)
        week = joined(say(assistant, "when is hate crime awareness week"))
        assert "October" in week and "{" not in week and "None" not in week
        danger = say(assistant, "someone is trying to break in right now, what is true vision")
        assert EMERGENCY in danger[0]["text"]
        for text in ("hi", "how do i report", "can you refer me to victim support"):
            assert joined(say(assistant, text)), text


def test_with_the_action_server_stuck_the_answer_comes_after_the_timeout(tmp_path):
    with running_assistant(tmp_path, action_timeout_seconds=2.0) as assistant:
        actions = assistant.processes[0]
        actions.terminate()
        actions.wait(10)
        # Something takes the action server's port, accepts connections and never answers.
        with socket.socket() as stuck:
            stuck.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            stuck.bind(("127.0.0.1", assistant.settings.actions_port))
            stuck.listen(16)
            started = time.monotonic()
            week = joined(say(assistant, "when is hate crime awareness week"))
            waited = time.monotonic() - started
        assert "October" in week and "{" not in week
        assert waited < 15, f"waited {waited:.1f}s for the stuck action server"


# Spellings of the REST message path that a router may still send to the same handler.
PATH_SPELLINGS = ["/webhooks/rest/webhook/", "//webhooks/rest/webhook", "/webhooks//rest/webhook",
                  "/webhooks/rest/%77ebhook", "/webhooks/rest/webhook?x=1", "/webhooks/rest/./webhook",
                  "/WEBHOOKS/rest/webhook", "/webhooks/REST/webhook", "/webhooks/rest/webhook//"]


def post_to(assistant, path: str, sender: str, text: str) -> requests.Response:
    """Send the path as written, byte for byte (requests would tidy some spellings)."""
    session = requests.Session()
    prepared = requests.Request("POST", assistant.url + "/", json={"sender": sender, "message": text}).prepare()
    prepared.url = assistant.url + path
    return session.send(prepared, timeout=30)


@pytest.fixture(scope="module")
def strict_assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("path_spellings"), limits=STRICT) as assistant:
        yield assistant


@pytest.mark.parametrize("path", PATH_SPELLINGS)
def test_every_spelling_of_the_message_path_is_checked_or_refused(strict_assistant, path):
    """An id that is not random, a message over the limit and a flood: none get past, however
    the path is spelt. Before, "/webhooks/rest/webhook/" skipped every check."""
    weak = post_to(strict_assistant, path, "x", "what is hate crime")
    assert weak.status_code in (400, 404, 405), (path, weak.status_code, weak.text[:200])
    huge = post_to(strict_assistant, path, uuid.uuid4().hex, "x" * 15_000)
    assert huge.status_code in (404, 405, 413), (path, huge.status_code)
    sender = uuid.uuid4().hex
    codes = [post_to(strict_assistant, path, sender, f"hello {n}").status_code for n in range(5)]
    assert codes in ([404] * 5, [405] * 5, [200, 200, 200, 429, 429]), (path, codes)
    assert len(stored_user_messages(strict_assistant, sender)) <= 3
