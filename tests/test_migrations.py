"""Migrations: one set per table owner, atomic each, and old databases carried over."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database, Migrations

from bot.article import parse_article
from bot.storage.articles import Store, open_database
from bot.storage.migrations import ARTICLES, LEGACY_TABLE, PHOTOS, POST_LOG, migrate
from bot.storage.postlog import PostLog
from bot.text import fold_for_index

from .conftest import ROOT

RECORD = Migrations.migrations_table
ALL_ARTICLES = [
    "0001_articles", "0002_search", "0003_published", "0004_ingested_at", "0005_quote_roles",
    "0006_fold_hamza", "0007_source_url", "0008_fingerprint_and_duplicates", "0009_withdrawn",
    "0010_source_credit",
]  # fmt: skip


def records(db: Database) -> list[tuple[str, str, str]]:
    """``(set, migration, applied at)`` of every applied migration, in order."""
    sql = f"SELECT migration_set, name, applied_at FROM {RECORD} ORDER BY id"
    return [tuple(row) for row in db.execute(sql).fetchall()]


def legacy_names(db: Database) -> list[str]:
    """What is left of the old record (empty once the old table is gone)."""
    if LEGACY_TABLE not in db.table_names():
        return []
    return [row[0] for row in db.execute(f"SELECT name FROM {LEGACY_TABLE} ORDER BY rowid")]


def schema(db: Database) -> dict[str, Any]:
    """Every table's columns, foreign keys, indexes and triggers (bookkeeping left out)."""
    found: dict[str, Any] = {}
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN (?, ?) ORDER BY name",
        [RECORD, LEGACY_TABLE],
    ).fetchall():
        found[name] = (
            db.execute(f"PRAGMA table_info('{name}')").fetchall(),
            sorted(db.execute(f"PRAGMA foreign_key_list('{name}')").fetchall()),
            sorted(
                (index[1], index[2], db.execute(f"PRAGMA index_info('{index[1]}')").fetchall())
                for index in db.execute(f"PRAGMA index_list('{name}')").fetchall()
            ),
        )
    found["triggers"] = db.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    return found


def test_each_owner_has_its_own_set() -> None:
    assert len({ARTICLES.name, POST_LOG.name, PHOTOS.name}) == 3
    db = Database(memory=True)
    assert migrate(db, ARTICLES) == ALL_ARTICLES
    assert migrate(db, POST_LOG) == ["0001_post_log", "0002_corrections", "0003_approvals"]
    assert migrate(db, PHOTOS) == ["0001_photos"]
    assert [(owner, name) for owner, name, _ in records(db)] == [
        ("articles", "0001_articles"),
        ("articles", "0002_search"),
        ("articles", "0003_published"),
        ("articles", "0004_ingested_at"),
        ("articles", "0005_quote_roles"),
        ("articles", "0006_fold_hamza"),
        ("articles", "0007_source_url"),
        ("articles", "0008_fingerprint_and_duplicates"),
        ("articles", "0009_withdrawn"),
        ("articles", "0010_source_credit"),
        ("post_log", "0001_post_log"),
        ("post_log", "0002_corrections"),
        ("post_log", "0003_approvals"),
        ("photos", "0001_photos"),
    ]
    assert (migrate(db, ARTICLES), migrate(db, POST_LOG), migrate(db, PHOTOS)) == ([], [], [])


def _toy_set(fail: bool) -> Migrations:
    toy = Migrations("toy")

    @toy(name="0001_first")
    def first(db: Database) -> None:
        db.table("first").create({"id": int}, pk="id")

    @toy(name="0002_second")
    def second(db: Database) -> None:
        db.table("second").create({"id": int}, pk="id")
        db.table("first").insert({"id": 1})
        if fail:
            raise RuntimeError("the migration broke half way")

    return toy


def test_a_migration_that_raises_leaves_nothing_behind(tmp_path: Path) -> None:
    db = open_database(tmp_path / "news.db")
    with pytest.raises(RuntimeError, match="half way"):
        migrate(db, _toy_set(fail=True))
    assert "second" not in db.table_names()
    assert db.table("first").count == 0
    assert [name for _, name, _ in records(db)] == ["0001_first"]
    db.close()
    again = open_database(tmp_path / "news.db")
    assert migrate(again, _toy_set(fail=False)) == ["0002_second"]
    assert "second" in again.table_names() and again.table("first").count == 1
    again.close()


#: Opens the bot's database the way a start does, and dies (SIGKILL, nothing
#: cleaned up) right after the named table is created, inside its migration.
DIE_AFTER_CREATING = """
import os, signal, sys
from sqlite_utils.db import Table
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

path, last = sys.argv[1:]
create = Table.create

def create_then_die(self, *args, **kwargs):
    table = create(self, *args, **kwargs)
    if self.name == last:
        os.kill(os.getpid(), signal.SIGKILL)
    return table

Table.create = create_then_die
PostLog(Store.open(path).db)
"""


@pytest.mark.parametrize(
    ("last", "committed"),
    [
        ("articles", []),
        ("quotes", []),
        ("search", ["0001_articles"]),
        ("posts", ALL_ARTICLES),
        ("flags", ALL_ARTICLES),
    ],
)
def test_a_start_killed_mid_migration_starts_next_time(
    tmp_path: Path, last: str, committed: list[str]
) -> None:
    path = tmp_path / "news.db"
    child = subprocess.run(
        [sys.executable, "-c", DIE_AFTER_CREATING, str(path), last],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    db = open_database(path)
    assert last not in db.table_names(), "the migration that was under way left nothing"
    applied = [name for _, name, _ in records(db)] if RECORD in db.table_names() else []
    assert applied == committed
    db.close()

    store = Store.open(path)
    posts = PostLog(store.db)
    text = "خبر پس از سقوط\nآخرین اخبار: متن"
    article_id = store.ingest(parse_article(text), "s", text).id
    assert store.search("سقوط") == [(article_id, "خبر پس از سقوط")]
    assert posts.plan("@c", article_id, ["summary"]) == 1
    assert (migrate(store.db, ARTICLES), migrate(store.db, POST_LOG)) == ([], [])
    assert schema(store.db) == schema(_fresh())
    store.close()


def _fresh() -> Database:
    store = Store.open(None)
    PostLog(store.db)
    return store.db


#: The schema as the code before migration sets made it, one step per recorded name.
OLD_STEPS: dict[str, str] = {
    "0001_articles": """
        CREATE TABLE "articles" ("id" INTEGER PRIMARY KEY, "source" TEXT NOT NULL,
            "content_hash" TEXT NOT NULL, "lang" TEXT NOT NULL, "title" TEXT NOT NULL,
            "caption" TEXT, "lede" TEXT, "hashtags" TEXT, "summary" TEXT, "warnings" TEXT,
            "ingested_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL);
        CREATE UNIQUE INDEX "idx_articles_source" ON "articles" ("source");
        CREATE TABLE "sections" ("id" INTEGER PRIMARY KEY,
            "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),
            "position" INTEGER NOT NULL, "key" TEXT NOT NULL, "label" TEXT NOT NULL,
            "body" TEXT NOT NULL);
        CREATE UNIQUE INDEX "idx_sections_article_id_position"
            ON "sections" ("article_id", "position");
        CREATE TABLE "quotes" ("id" INTEGER PRIMARY KEY,
            "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),
            "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "speaker" TEXT,
            "section" TEXT NOT NULL);
        CREATE UNIQUE INDEX "idx_quotes_article_id_position"
            ON "quotes" ("article_id", "position");
    """,
    "0002_search": """
        CREATE TABLE "search" ("article_id" INTEGER PRIMARY KEY REFERENCES "articles"("id"),
            "title" TEXT, "body" TEXT);
        CREATE VIRTUAL TABLE "search_fts" USING FTS5 ("title", "body",
            tokenize='unicode61', content="search");
        CREATE TRIGGER "search_ai" AFTER INSERT ON "search" BEGIN
          INSERT INTO "search_fts" (rowid, "title", "body")
            VALUES (new.rowid, new."title", new."body");
        END;
        CREATE TRIGGER "search_ad" AFTER DELETE ON "search" BEGIN
          INSERT INTO "search_fts" ("search_fts", rowid, "title", "body")
            VALUES ('delete', old.rowid, old."title", old."body");
        END;
        CREATE TRIGGER "search_au" AFTER UPDATE ON "search" BEGIN
          INSERT INTO "search_fts" ("search_fts", rowid, "title", "body")
            VALUES ('delete', old.rowid, old."title", old."body");
          INSERT INTO "search_fts" (rowid, "title", "body")
            VALUES (new.rowid, new."title", new."body");
        END;
    """,
    "0003_published": 'ALTER TABLE "articles" ADD COLUMN "published" TEXT;',
    "0004_post_log": """
        CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY, "chat" TEXT NOT NULL,
            "article_id" INTEGER NOT NULL REFERENCES "articles"("id"), "item" TEXT NOT NULL,
            "position" INTEGER NOT NULL, "kind" TEXT NOT NULL, "state" TEXT NOT NULL,
            "parts_done" INTEGER DEFAULT 0, "message_ids" TEXT DEFAULT '[]',
            "attempts" INTEGER DEFAULT 0, "not_before" TEXT, "reason" TEXT,
            "created_at" TEXT NOT NULL, "updated_at" TEXT, "sent_at" TEXT);
        CREATE UNIQUE INDEX "idx_posts_chat_article_id_item"
            ON "posts" ("chat", "article_id", "item");
        CREATE INDEX "idx_posts_state_chat" ON "posts" ("state", "chat");
        CREATE INDEX "idx_articles_ingested_at" ON "articles" ("ingested_at");
        CREATE TABLE "chats" ("key" TEXT PRIMARY KEY, "state" TEXT, "reason" TEXT,
            "told" INTEGER DEFAULT 0, "updated_at" TEXT);
        CREATE TABLE "subscribers" ("user_id" INTEGER PRIMARY KEY, "lang" TEXT,
            "active" INTEGER, "since" TEXT, "reason" TEXT);
        CREATE TABLE "flags" ("key" TEXT PRIMARY KEY, "value" TEXT);
    """,
}
OLD_TITLE = "خبر قدیمی"
OLD_BODY = ["لید خبر", "آخرین اخبار", "متن بایگانی"]


def old_database(path: Path, steps: int) -> None:
    """A database the old code left after its first ``steps`` migrations, with data."""
    names = list(OLD_STEPS)[:steps]
    db = open_database(path)
    with db.atomic():
        db.execute(
            "CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        for n, name in enumerate(names):
            db.executescript(OLD_STEPS[name])
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                [name, f"2025-0{n + 1}-01T08:00:00+00:00"],
            )
        when = "2025-03-01T08:00:00.000+00:00"
        db.execute(
            "INSERT INTO articles (id, source, content_hash, lang, title, caption, lede, "
            "hashtags, summary, warnings, ingested_at, updated_at) "
            "VALUES (7, 'content/old.txt', ?, 'fa', ?, NULL, ?, ?, '[]', '[]', ?, ?)",
            ["ab" * 16, OLD_TITLE, OLD_BODY[0], '["#بایگانی"]', when, when],
        )
        if "0003_published" in names:
            db.execute("UPDATE articles SET published = '2025-03-01' WHERE id = 7")
        db.execute(
            "INSERT INTO sections (article_id, position, key, label, body) "
            "VALUES (7, 0, 'latest', ?, ?)",
            [OLD_BODY[1], json.dumps([{"type": "paragraph", "text": OLD_BODY[2]}])],
        )
        db.execute(
            "INSERT INTO quotes (article_id, position, text, speaker, section) "
            "VALUES (7, 0, 'نقل قول', 'او', 'latest')"
        )
        if "0002_search" in names:
            db.execute(
                "INSERT INTO search (article_id, title, body) VALUES (7, ?, ?)",
                [fold_for_index(OLD_TITLE), fold_for_index("\n".join(OLD_BODY))],
            )
        if "0004_post_log" in names:
            db.execute(
                "INSERT INTO posts (chat, article_id, item, position, kind, state, created_at, "
                "updated_at) VALUES ('@c', 7, 'summary', 0, 'channel', 'pending', ?, ?)",
                [when, when],
            )
            db.execute(
                "INSERT INTO chats (key, state, reason, told) "
                "VALUES ('@gone', 'failing', 'Forbidden', 1)"
            )
            db.execute("INSERT INTO subscribers VALUES (42, 'fa', 1, '2025-01-01', NULL)")
            db.execute("INSERT INTO flags VALUES ('paused', '1')")
    db.close()


@pytest.mark.parametrize("steps", [1, 2, 3, 4])
def test_an_old_database_opens_upgrades_and_keeps_its_data(tmp_path: Path, steps: int) -> None:
    path = tmp_path / "news.db"
    old_database(path, steps)
    old_names = list(OLD_STEPS)[:steps]

    store = Store.open(path)
    assert legacy_names(store.db) == (["0004_post_log"] if steps == 4 else [])
    posts = PostLog(store.db)
    assert LEGACY_TABLE not in store.db.table_names()

    carried = [
        ("articles", name, f"2025-0{n + 1}-01T08:00:00+00:00")
        for n, name in enumerate(old_names[:3])
    ]
    if steps == 4:
        carried.append(("post_log", "0001_post_log", "2025-04-01T08:00:00+00:00"))
    assert [row for row in records(store.db) if row[2].startswith("2025-")] == carried
    assert {(owner, name) for owner, name, _ in records(store.db)} == {
        (owner, name) for owner, name, _ in records(_fresh())
    }
    assert schema(store.db) == schema(_fresh())
    assert (migrate(store.db, ARTICLES), migrate(store.db, POST_LOG)) == ([], [])

    stored = store.get(7)
    assert stored is not None
    assert (stored.source, stored.article.title, stored.article.lede) == (
        "content/old.txt", OLD_TITLE, OLD_BODY[0],
    )  # fmt: skip
    assert [section.key for section in stored.article.sections] == ["latest"]
    assert stored.article.sections[0].body[0].text == OLD_BODY[2]
    assert [(q.speaker, q.role, q.kind) for q in stored.article.quotes] == [("او", None, "quote")]
    assert stored.article.hashtags == ("#بایگانی",)
    assert stored.article.published == (date(2025, 3, 1) if steps >= 3 else None)
    if steps >= 2:
        assert store.search("بایگانی") == [(7, OLD_TITLE)]
    if steps == 4:
        post = posts.next_pending("@c")
        assert post is not None and (post.article_id, post.item) == (7, "summary")
        assert posts.failing_chats() == {"@gone": "Forbidden"}
        assert posts.subscribers() == [(42, "fa", "2025-01-01")]
        assert posts.flag("paused") == "1"
    text = "خبر تازه\nآخرین اخبار: متن"
    new = store.ingest(parse_article(text), "content/new.txt", text)
    assert new.id != 7 and store.count() == 2
    store.close()


def test_the_search_index_of_an_old_database_is_folded_again(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    store = Store.open(path)
    text = "مسأله آب تهران\nآخرین اخبار: رئیس‌جمهور و مسئولان اصفهان دیدار کردند."
    article_id = store.ingest(parse_article(text), "s", text).id
    fresh = store.db.execute("SELECT title, body FROM search").fetchone()
    # The index as the folding before hamza was folded left it: seats kept, no
    # seat-neutral forms; and the record of the migration that fixes it removed.
    store.db.execute(
        "UPDATE search SET title = ?, body = ? WHERE article_id = ?",
        [
            "مسأله آب تهران",
            "آخرین اخبار رئیسجمهور و مسئولان اصفهان دیدار کردند. رئیس جمهور",
            article_id,
        ],
    )
    store.db.execute(f"DELETE FROM {RECORD} WHERE name = '0006_fold_hamza'")
    assert store.search("مسئله") == []
    store.close()

    store = Store.open(path)
    assert store.search("مسئله") == store.search("مساله") == [(article_id, "مسأله آب تهران")]
    assert store.search("مسئولان") == store.search("رییسجمهور") == [(article_id, "مسأله آب تهران")]
    folded = store.db.execute("SELECT title, body FROM search").fetchone()
    assert folded[0] == fresh[0]
    # Folded anew, the parts of a half-spaced word would have no seat-neutral form.
    assert set(folded[1].split()) - set(fresh[1].split()) == {"رءیس"}
    assert set(fresh[1].split()) <= set(folded[1].split())
    store.close()


def test_articles_retracted_before_the_withdrawn_mark_are_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    store = Store.open(path)
    PostLog(store.db)
    ids = []
    for n in range(2):
        text = f"خبر {n}\nآخرین اخبار: متن {n}."
        ids.append(store.ingest(parse_article(text), f"s{n}", text).id)
    # The database as it was before the mark, with the first article retracted.
    store.db.execute("DROP INDEX idx_articles_withdrawn_at")
    store.db.execute("ALTER TABLE articles DROP COLUMN source_credit")
    store.db.execute("ALTER TABLE articles DROP COLUMN withdrawn_at")
    store.db.execute(
        f"DELETE FROM {RECORD} WHERE name IN ('0009_withdrawn', '0010_source_credit')"
    )
    store.db.execute(
        "INSERT INTO retracted (article_id, by_user, at) VALUES (?, 7, ?)",
        [ids[0], "2026-01-02T03:04:05.000+00:00"],
    )
    store.db.conn.commit()
    store.close()

    store = Store.open(path)
    first, second = (store.get(article_id) for article_id in ids)
    assert first is not None and first.withdrawn_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert second is not None and not second.withdrawn
    assert store.recent() == [(ids[1], "خبر 1")]
    assert schema(store.db) == schema(_fresh())
    store.close()
