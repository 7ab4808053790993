"""The sending state machine shared by posts and corrections.

A row is ``pending`` until a sender claims it (``sending``); nothing reached Telegram,
it goes back to ``pending`` with a ``not_before``; one left ``sending`` by a process
that died becomes ``uncertain`` at the next start, and an admin puts an ``uncertain``
one back to ``pending``. Both ``posts`` and ``corrections`` move through these states
with the same columns, so the conditional updates live here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Literal

from sqlite_utils import Database

#: The tables whose rows move through the sending states.
Table = Literal["posts", "corrections"]


def now_iso() -> str:
    """The current UTC time as stored."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def update(db: Database, sql: str, params: Iterable[Any]) -> int:
    """Run one update in a transaction; how many rows it changed."""
    with db.atomic():
        return db.execute(sql, list(params)).rowcount


def claim(db: Database, table: Table, row_id: int) -> bool:
    """Mark a pending row ``sending``; ``False`` if someone else has it."""
    sql = (
        f"UPDATE {table} SET state = 'sending', attempts = attempts + 1, updated_at = ? "
        "WHERE id = ? AND state = 'pending'"
    )
    return update(db, sql, [now_iso(), row_id]) == 1


def retry_later(db: Database, table: Table, row_id: int, reason: str, not_before: str) -> None:
    """Put a row back to ``pending`` until ``not_before`` (nothing reached Telegram)."""
    sql = (
        f"UPDATE {table} SET state = 'pending', reason = ?, not_before = ?, updated_at = ? "
        "WHERE id = ?"
    )
    update(db, sql, [reason, not_before, now_iso(), row_id])


def requeue(db: Database, table: Table, row_id: int) -> bool:
    """Put an ``uncertain`` row back to ``pending``; ``False`` if it is not uncertain."""
    sql = (
        f"UPDATE {table} SET state = 'pending', not_before = NULL, updated_at = ? "
        "WHERE id = ? AND state = 'uncertain'"
    )
    return update(db, sql, [now_iso(), row_id]) == 1


def recover(db: Database, table: Table, reason: str) -> int:
    """Rows left ``sending`` by a process that died become ``uncertain`` with ``reason``;
    how many."""
    sql = (
        f"UPDATE {table} SET state = 'uncertain', reason = ?, updated_at = ? "
        "WHERE state = 'sending'"
    )
    return update(db, sql, [reason, now_iso()])


def uncertain(db: Database, table: Table, limit: int | None = None) -> list[dict[str, Any]]:
    """The ``uncertain`` rows, oldest first: all of them, or the first ``limit``."""
    sql = f"SELECT * FROM {table} WHERE state = 'uncertain' ORDER BY id LIMIT ?"
    return list(db.query(sql, [-1 if limit is None else limit]))
