"""stats over a tracker store filled by real conversations with the running assistant."""
import csv
import io
import uuid

import pytest
import requests

from bot import stats
from tests.helpers import running_assistant

pytestmark = pytest.mark.e2e
PARTNER = "https://partner.example.org"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("stats"), allowed_origins=(PARTNER,)) as assistant:
        def chat(messages, origin=None):
            sender = uuid.uuid4().hex
            headers = {"Origin": origin} if origin else {}
            for text in messages:
                requests.post(assistant.rest_webhook, json={"sender": sender, "message": text},
                              headers=headers, timeout=30).raise_for_status()

        chat(["hello", "how do i report a hate crime", "/report_true_vision"], origin=PARTNER)
        chat(["qwxz plmk 07700 900123"])
        chat(["zzkv qwpt s.mith@qqq.zz"], origin=PARTNER)
        yield assistant.settings.tracker_db


def test_counts_conversations_topics_sites_and_not_understood(store):
    result = stats.collect(store)
    assert sum(result.conversations_per_day.values()) == 3
    assert result.topics["ask_how_to_report"] == 1
    assert result.topics["report_true_vision"] == 1  # the button press counts as its topic
    assert result.sites == {PARTNER: 2, "direct (no site given)": 1}
    assert result.messages == 5
    assert result.not_understood_share == pytest.approx(2 / 5)


def test_not_understood_messages_are_redacted(store):
    texts = set(stats.collect(store).not_understood)
    assert texts == {"qwxz plmk [PHONE]", "zzkv qwpt [EMAIL]"}


def test_table_and_csv_hold_totals_only(store, tmp_path):
    out = io.StringIO()
    stats.run(store, tmp_path / "stats.csv", out)
    table = out.getvalue()
    assert "ask_how_to_report" in table and "07700" not in table
    rows = list(csv.reader((tmp_path / "stats.csv").open()))
    assert rows[0] == ["section", "item", "count"]
    assert ["not understood", "share of messages", "40.0%"] in rows
    assert not any("qqq.zz" in cell for row in rows for cell in row)


def test_an_empty_store_says_so(tmp_path):
    out = io.StringIO()
    stats.run(tmp_path / "none.db", None, out)
    assert "No conversations yet." in out.getvalue()
