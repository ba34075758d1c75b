"""stats over a tracker store filled by real conversations with the running assistant."""
import csv
import io
import json
import sqlite3
import time
import uuid

import pytest
import requests

from bot.staff import stats
from tests.helpers import running_assistant

pytestmark = pytest.mark.e2e
PARTNER = "https://partner.example.org"


def chat(assistant, messages, origin=None, site=None):
    sender = uuid.uuid4().hex
    headers = {"Origin": origin} if origin else {}
    metadata = {"metadata": {"site": site}} if site else {}
    for text in messages:
        requests.post(assistant.rest_webhook, json={"sender": sender, "message": text, **metadata},
                      headers=headers, timeout=30).raise_for_status()


def fill(assistant):
    chat(assistant, ["hello", "how do i report a hate crime", "/report_true_vision"], origin=PARTNER)
    chat(assistant, ["qwxz plmk 07700 900123"])
    # From the chat frame on a partner's page: the frame is on the assistant's own origin and
    # says which site embeds it. Only the frame may say so: a partner cannot claim another site.
    chat(assistant, ["zzkv qwpt s.mith@qqq.zz"], origin=assistant.url, site=PARTNER)
    chat(assistant, ["hello"], origin=PARTNER, site="https://someone-else.example")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("stats"), allowed_origins=(PARTNER,)) as assistant:
        fill(assistant)
        refused = requests.post(assistant.rest_webhook, json={"sender": uuid.uuid4().hex, "message": "hello"},
                                headers={"Origin": "https://not-a-partner.example"}, timeout=30)
        assert refused.status_code == 403 and "not allowed" in refused.json()["error"]
        allowed = requests.post(assistant.rest_webhook, json={"sender": uuid.uuid4().hex, "message": "/greet"},
                                headers={"Origin": PARTNER}, timeout=30)
        assert allowed.headers["Access-Control-Allow-Origin"] == PARTNER
        yield assistant.settings.tracker_db


@pytest.fixture(scope="module")
def store_keeping_unclear_text(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("stats_unclear"), allowed_origins=(PARTNER,),
                           keep_unclear_messages=True) as assistant:
        fill(assistant)
        yield assistant.settings.tracker_db


def test_counts_conversations_topics_sites_and_not_understood(store):
    result = stats.collect(store)
    assert sum(result.conversations_per_day.values()) == 5  # the refused site's message is not kept
    assert result.topics["ask_how_to_report"] == 1
    assert result.topics["report_true_vision"] == 1  # the button press counts as its topic
    assert result.sites == {PARTNER: 4, "direct (no site given)": 1}
    assert result.messages == 7
    assert result.not_understood_share == pytest.approx(2 / 7)


def test_by_default_no_text_of_any_message_is_kept_or_shown(store):
    assert stats.collect(store).not_understood == {}
    out = io.StringIO()
    stats.run(store, None, out)
    assert "qwxz" not in out.getvalue() and "not kept (KEEP_UNCLEAR_MESSAGES is off)" in out.getvalue()


def test_with_the_setting_the_text_not_understood_is_kept_redacted(store_keeping_unclear_text):
    texts = set(stats.collect(store_keeping_unclear_text).not_understood)
    assert texts == {"qwxz plmk [PHONE]", "zzkv qwpt [EMAIL]"}
    out = io.StringIO()
    stats.run(store_keeping_unclear_text, None, out, keep_unclear_days=30)
    assert "kept, redacted, for 30 days" in out.getvalue()


def test_table_and_csv_hold_totals_only(store, tmp_path):
    out = io.StringIO()
    stats.run(store, tmp_path / "stats.csv", out)
    table = out.getvalue()
    assert "ask_how_to_report" in table and "07700" not in table
    rows = list(csv.reader((tmp_path / "stats.csv").open()))
    assert rows[0] == ["section", "item", "count"]
    assert ["not understood", "share of messages", "28.6%"] in rows
    assert not any("qqq.zz" in cell for row in rows for cell in row)


def test_an_empty_store_says_so(tmp_path):
    out = io.StringIO()
    stats.run(tmp_path / "none.db", None, out)
    assert "No conversations yet." in out.getvalue()


def test_fields_of_any_type_and_formulas_do_no_harm(tmp_path):
    """A site sent as a list over Socket.IO crashed it; a site like =HYPERLINK(...) would run in a
    spreadsheet; control characters could rewrite the terminal."""
    path = tmp_path / "odd.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                   "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)")
        odd = [{"metadata": {"site": ["x"]}}, {"metadata": "x", "text": 5}, "not an object", None,
               {"metadata": {"site": '=HYPERLINK("http://evil.example","click")'}},
               {"metadata": {"site": "https://ok.example\x1b[2J"}}]
        for number, data in enumerate(odd):
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
                       "VALUES (?, 'user', ?, ?, ?)",
                       (f"s{number}", time.time(), "greet", json.dumps(data) if data is not None else "{broken"))
    out = io.StringIO()
    stats.run(path, tmp_path / "odd.csv", out)
    cells = [cell for row in csv.reader((tmp_path / "odd.csv").open()) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'=HYPERLINK" in " ".join(cells) and "\x1b" not in out.getvalue() + " ".join(cells)
