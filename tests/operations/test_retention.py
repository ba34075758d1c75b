"""Retention: conversations older than the limit go, whole; recent ones stay."""
import json
import sqlite3
import time

from bot.operations import retention

DAY = retention.DAY_SECONDS


def store_with(tmp_path, conversations):
    """A store with Rasa's events-table columns; conversations = {sender: [timestamps]}."""
    path = tmp_path / "tracker.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                   "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)")
        for sender, stamps in conversations.items():
            db.executemany("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, '{}')",
                           [(sender, stamp) for stamp in stamps])
    return path


def senders(path):
    with sqlite3.connect(path) as db:
        return sorted(row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events"))


def test_old_conversations_go_and_recent_ones_stay(tmp_path):
    now = time.time()
    path = store_with(tmp_path, {
        "old": [now - 45 * DAY, now - 40 * DAY],
        "recent": [now - 2 * DAY],
        "old_but_came_back": [now - 60 * DAY, now - 1 * DAY],  # its newest event is recent
    })
    assert retention.purge(path, 30, now) == 1
    assert senders(path) == ["old_but_came_back", "recent"]
    with sqlite3.connect(path) as db:  # the conversation that stays keeps all its events
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id='old_but_came_back'").fetchone()[0] == 2


def test_a_missing_or_empty_store_is_fine(tmp_path):
    assert retention.purge(tmp_path / "none.db", 30, time.time()) == 0
    sqlite3.connect(tmp_path / "empty.db").close()
    assert retention.purge(tmp_path / "empty.db", 30, time.time()) == 0


def test_the_daily_purge_runs_at_start_and_then_once_a_day(tmp_path):
    path = store_with(tmp_path, {"old": [time.time() - 40 * DAY]})
    daily = retention.DailyPurge(path, 30, 30)
    daily.tick(1000.0)
    assert senders(path) == []
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES ('old2', 'user', ?, '{}')",
                   (time.time() - 40 * DAY,))
    daily.tick(1000.0 + DAY - 1)  # not due yet
    assert senders(path) == ["old2"]
    daily.tick(1000.0 + DAY)
    assert senders(path) == []


def test_kept_text_of_messages_not_understood_is_blanked_after_its_own_limit(tmp_path):
    """KEEP_UNCLEAR_MESSAGES keeps such text for staff; UNCLEAR_MESSAGES_RETENTION_DAYS ends it."""
    now = time.time()
    path = tmp_path / "tracker.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                   "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)")
        for stamp, text in ((now - 20 * DAY, "old words"), (now - 2 * DAY, "new words")):
            data = json.dumps({"event": "user", "text": text, "parse_data": {"text": text}})
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
                       "VALUES ('s', 'user', ?, 'nlu_fallback', ?)", (stamp, data))
    assert retention.forget_unclear_text(path, 14, now) == 1
    with sqlite3.connect(path) as db:
        texts = [json.loads(d)["text"] for (d,) in db.execute("SELECT data FROM events ORDER BY timestamp")]
    assert texts == ["", "new words"]


def test_a_deleted_conversation_leaves_no_trace_in_the_database_file(tmp_path):
    now = time.time()
    path = store_with(tmp_path, {"old": [now - 45 * DAY]})
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET data = ? WHERE sender_id = 'old'", (json.dumps({"text": "zqxj private words"}),))
    assert b"zqxj private words" in path.read_bytes()
    retention.purge(path, 30, now)
    assert b"zqxj private words" not in path.read_bytes()
