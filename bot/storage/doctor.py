"""``newsbot doctor``: check a database (integrity, the full-text index, the post log).

Each check gives one :class:`Finding`; ``repair`` rebuilds the full-text index from the
indexed text (FTS5 ``rebuild``), which is all a damaged index needs. Damage to the
tables themselves cannot be repaired here: the finding says to restore a backup.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from bot.storage.health import complaint_lines, connect_file
from bot.storage.postlog import State

#: The full-text index over the ``search`` table.
FTS_TABLE = "search_fts"
#: How many problems a check quotes at most.
QUOTED = 5


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's result: its name, whether it passed, and what was found."""

    check: str
    ok: bool
    detail: str

    def line(self) -> str:
        """``ok   integrity: ...`` or ``FAIL integrity: ...``."""
        return f"{'ok  ' if self.ok else 'FAIL'} {self.check}: {self.detail}"


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_integrity(conn: sqlite3.Connection) -> Finding:
    """``PRAGMA integrity_check``: every page, index and constraint of the file."""
    try:
        rows = complaint_lines(
            str(row[0]) for row in conn.execute(f"PRAGMA integrity_check({QUOTED})")
        )
    except sqlite3.DatabaseError as error:
        rows = [str(error)]
    if not rows:
        return Finding("integrity", True, "every page and index is sound")
    return Finding(
        "integrity", False, f"{'; '.join(rows[:QUOTED])} (restore the database from a backup)"
    )


def check_index(conn: sqlite3.Connection) -> Finding:
    """FTS5 ``integrity-check``: the index agrees with itself and with the indexed text."""
    if FTS_TABLE not in _tables(conn):
        return Finding("search index", False, f"no {FTS_TABLE} table (start newsbot once)")
    try:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        return Finding("search index", False, "cannot be checked: the database is read-only")
    except sqlite3.DatabaseError as error:
        return Finding(
            "search index", False, f"{error} (newsbot doctor --repair rebuilds it)"
        )
    missing = conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM search)"
    ).fetchone()[0]
    if missing:
        return Finding(
            "search index", False,
            f"{missing} articles have no indexed text (ingest their files again)",
        )  # fmt: skip
    return Finding("search index", True, "agrees with the indexed text")


def check_post_log(conn: sqlite3.Connection) -> Finding:
    """No post in a state the post log does not know, or for an article that is gone."""
    if "posts" not in _tables(conn):
        return Finding("post log", True, "no posts yet")
    states = get_args(State)
    marks = ", ".join("?" for _ in states)
    problems = []
    odd = conn.execute(
        f"SELECT state, count(*) FROM posts WHERE state IS NULL OR state NOT IN ({marks}) "
        "GROUP BY state",
        states,
    ).fetchall()
    problems += [f"{n} posts in the unknown state {state!r}" for state, n in odd[:QUOTED]]
    orphans = conn.execute(
        "SELECT count(*) FROM posts WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} posts of articles that are gone")
    unsent = conn.execute(
        "SELECT count(*) FROM posts WHERE state = 'sent' AND sent_at IS NULL"
    ).fetchone()[0]
    if unsent:
        problems.append(f"{unsent} posts marked sent with no time sent")
    if problems:
        return Finding("post log", False, "; ".join(problems))
    total = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    return Finding("post log", True, f"{total} posts, each in a known state")


def diagnose(path: Path | str) -> list[Finding]:
    """Every check of the database at ``path``, changing nothing; ``ValueError`` if none."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"there is no database at {path}")
    # FTS5's integrity-check is written as an INSERT, so it needs a writable connection;
    # it changes nothing.
    conn = connect_file(path, write=os.access(path, os.W_OK))
    try:
        integrity = check_integrity(conn)
        try:
            return [integrity, check_index(conn), check_post_log(conn)]
        except sqlite3.DatabaseError:
            # A file too damaged to query (or not a database at all).
            if integrity.ok:
                raise
            return [integrity]
    finally:
        conn.close()


def repair(path: Path | str) -> Finding:
    """Rebuild the full-text index of the database at ``path`` from the indexed text."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"there is no database at {path}")
    conn = connect_file(path, write=True)
    try:
        if FTS_TABLE not in _tables(conn):
            return Finding("rebuild", False, f"no {FTS_TABLE} table to rebuild")
        with conn:
            conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        return Finding("rebuild", True, "the search index was rebuilt")
    except sqlite3.DatabaseError as error:
        return Finding("rebuild", False, f"{error} (restore the database from a backup)")
    finally:
        conn.close()
