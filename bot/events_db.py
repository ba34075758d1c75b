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
    """One engine (and connection pool) per database for the life of the process."""
    return sa.create_engine(url, pool_pre_ping=True)


def user_messages(store: Store, sender: str) -> List[str]:
    """What a conversation's user messages look like in the store, in the order they were saved."""
    with engine(url_of(store)).connect() as db:
        rows = db.execute(sa.text("SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user' "
                                  "ORDER BY id"), {"sender": sender}).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]
