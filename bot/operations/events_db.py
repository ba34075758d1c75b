"""The tracker store's events table, read and tidied directly (SQLite or PostgreSQL).

Rasa creates the table ("events": id, sender_id, type_name, timestamp, data...). Retention, the
load test and the tests read it through here, so each works on either database.
"""
import json
from functools import lru_cache
from pathlib import Path
from typing import List, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

Store = Union[str, Path]  # an SQLAlchemy URL, or the path of a SQLite file


def url_of(store: Store) -> str:
    return f"sqlite:///{store}" if isinstance(store, Path) else store


def exists(store: Store) -> bool:
    """False for a SQLite file not created yet (opening it would create it) or with no events table."""
    if isinstance(store, Path) and not store.exists():
        return False
    return sa.inspect(engine(url_of(store))).has_table("events")


@lru_cache(maxsize=8)
def engine(url: str) -> Engine:
    """One engine (and connection pool) per database for the life of the process. On SQLite every
    connection overwrites deleted content with zeros, so purged conversations leave no trace."""
    created = sa.create_engine(url, pool_pre_ping=True)
    if created.dialect.name == "sqlite":
        sa.event.listen(created, "connect", _secure_delete)
    return created


def _secure_delete(connection, _record) -> None:  # type: ignore[no-untyped-def]
    connection.execute("PRAGMA secure_delete = ON")


def user_messages(store: Store, sender: str) -> List[str]:
    """What a conversation's user messages look like in the store, in the order they were saved."""
    with engine(url_of(store)).connect() as db:
        rows = db.execute(sa.text("SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user' "
                                  "ORDER BY id"), {"sender": sender}).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def user_intents(store: Store, sender: str) -> List[str]:
    """What a conversation's user messages were understood as, in the order they were saved (the
    store keeps no text a person typed; notes answers keep no intent either, so they read None)."""
    with engine(url_of(store)).connect() as db:
        rows = db.execute(sa.text("SELECT intent_name FROM events WHERE sender_id = :sender AND type_name = 'user' "
                                  "ORDER BY id"), {"sender": sender}).fetchall()
    return [intent for (intent,) in rows]
