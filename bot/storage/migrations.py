"""Schema migrations, applied in order at start; each runs once per database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

Migration = Callable[[Database], None]


def _articles(db: Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "source": str,
            "content_hash": str,
            "lang": str,
            "title": str,
            "caption": str,
            "lede": str,
            "hashtags": str,
            "summary": str,
            "warnings": str,
            "ingested_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"source", "content_hash", "lang", "title", "ingested_at", "updated_at"},
    )
    db.table("articles").create_index(["source"], unique=True)
    db.table("sections").create(
        {"id": int, "article_id": int, "position": int, "key": str, "label": str, "body": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "position", "key", "label", "body"},
    )
    db.table("sections").create_index(["article_id", "position"], unique=True)
    db.table("quotes").create(
        {
            "id": int,
            "article_id": int,
            "position": int,
            "text": str,
            "speaker": str,
            "section": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "position", "text", "section"},
    )
    db.table("quotes").create_index(["article_id", "position"], unique=True)


def _search(db: Database) -> None:
    db.table("search").create(
        {"article_id": int, "title": str, "body": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("search").enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61")


def _published(db: Database) -> None:
    db.table("articles").add_column("published", str)


def _post_log(db: Database) -> None:
    db.table("posts").create(
        {
            "id": int,
            "chat": str,
            "article_id": int,
            "item": str,
            "position": int,
            "kind": str,
            "state": str,
            "parts_done": int,
            "message_ids": str,
            "attempts": int,
            "not_before": str,
            "reason": str,
            "created_at": str,
            "updated_at": str,
            "sent_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"chat", "article_id", "item", "position", "kind", "state", "created_at"},
        defaults={"parts_done": 0, "attempts": 0, "message_ids": "[]"},
    )
    db.table("posts").create_index(["chat", "article_id", "item"], unique=True)
    db.table("posts").create_index(["state", "chat"])
    db.table("articles").create_index(["ingested_at"])
    db.table("chats").create(
        {"key": str, "state": str, "reason": str, "told": int, "updated_at": str},
        pk="key",
        defaults={"told": 0},
    )
    db.table("subscribers").create(
        {"user_id": int, "lang": str, "active": int, "since": str, "reason": str},
        pk="user_id",
    )
    db.table("flags").create({"key": str, "value": str}, pk="key")


#: Every migration ever shipped, in order. Append; never edit or reorder.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_articles", _articles),
    ("0002_search", _search),
    ("0003_published", _published),
    ("0004_post_log", _post_log),
)


def migrate(db: Database, migrations: tuple[tuple[str, Migration], ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not seen; return their names."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name, migration in migrations:
        if name in done:
            continue
        with db.conn:
            migration(db)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
        applied.append(name)
    return applied
