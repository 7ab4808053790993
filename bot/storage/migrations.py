"""Schema migrations: one sqlite-utils migration set per table owner, applied at open.

The article store owns ``articles``, ``sections``, ``quotes`` and the search index
(:data:`ARTICLES`); the post log owns ``posts``, ``chats``, ``subscribers``, ``flags``,
``corrections``, ``checked``, ``retracted`` and ``approvals`` (:data:`POST_LOG`); the
photo store owns ``photos`` (:data:`PHOTOS`). sqlite-utils records what each set applied
in ``_sqlite_migrations`` and runs each migration in one transaction with its record, so
a process that dies in the middle of one leaves the database as it was before it: the
next start runs it again from the beginning.

Databases made before the sets existed recorded their migrations in a table of
their own, ``migrations``; each set first carries its names over from there
(:func:`carry_over`).
"""

from __future__ import annotations

import json

from sqlite_utils import Database, Migrations

from bot.storage.fingerprint import fingerprint
from bot.text import fold_for_index

#: The article store's tables. Append; never edit, rename or reorder.
ARTICLES = Migrations("articles")
#: The post log's tables. Append; never edit, rename or reorder.
POST_LOG = Migrations("post_log")
#: The photo store's table. Append; never edit, rename or reorder.
PHOTOS = Migrations("photos")

#: Where the migrations of old databases were recorded.
LEGACY_TABLE = "migrations"
#: A name in :data:`LEGACY_TABLE` → the set and migration that now stand for it.
LEGACY_NAMES: dict[str, tuple[str, str]] = {
    "0001_articles": (ARTICLES.name, "0001_articles"),
    "0002_search": (ARTICLES.name, "0002_search"),
    "0003_published": (ARTICLES.name, "0003_published"),
    "0004_post_log": (POST_LOG.name, "0001_post_log"),
}


@ARTICLES(name="0001_articles")
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


@ARTICLES(name="0002_search")
def _search(db: Database) -> None:
    db.table("search").create(
        {"article_id": int, "title": str, "body": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("search").enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61")


@ARTICLES(name="0003_published")
def _published(db: Database) -> None:
    db.table("articles").add_column("published", str)


@ARTICLES(name="0004_ingested_at")
def _ingested_at(db: Database) -> None:
    # Old databases have it already: their post log migration made it.
    db.table("articles").create_index(["ingested_at"], if_not_exists=True)


@ARTICLES(name="0005_quote_roles")
def _quote_roles(db: Database) -> None:
    # Quotes stored before this were all taken for quotations.
    db.table("quotes").add_column("role", str)
    db.table("quotes").add_column("kind", str, not_null_default="quote")


@ARTICLES(name="0006_fold_hamza")
def _fold_hamza(db: Database) -> None:
    # The index was folded before hamza, tatweel and seat-neutral forms were: fold its
    # text again. The folding only adds to what it did then, so folding the stored
    # text gives what folding the article anew would (the triggers update the index).
    last = -1
    while rows := db.execute(
        "SELECT article_id, title, body FROM search WHERE article_id > ? "
        "ORDER BY article_id LIMIT 500",
        [last],
    ).fetchall():
        db.conn.executemany(
            "UPDATE search SET title = ?, body = ? WHERE article_id = ?",
            [
                (fold_for_index(title or ""), fold_for_index(body or ""), article_id)
                for article_id, title, body in rows
            ],
        )
        last = rows[-1][0]


@ARTICLES(name="0007_source_url")
def _source_url(db: Database) -> None:
    # The web address of the article's source line; ``source`` is the file it came from.
    db.table("articles").add_column("source_url", str)


@POST_LOG(name="0001_post_log")
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


@ARTICLES(name="0008_fingerprint_and_duplicates")
def _fingerprint_and_duplicates(db: Database) -> None:
    # One article per text: the fingerprint of its folded text, and the files found to
    # hold an article already stored under another name (by their raw text's hash).
    db.table("articles").add_column("fingerprint", str)
    db.table("duplicates").create(
        {"source": str, "content_hash": str, "article_id": int, "found_at": str},
        pk="source",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"source", "content_hash", "article_id"},
    )
    db.table("duplicates").create_index(["article_id"])
    last = -1
    while rows := db.execute(
        "SELECT id, title, caption, lede, published FROM articles WHERE id > ? "
        "ORDER BY id LIMIT 500",
        [last],
    ).fetchall():
        sections: dict[int, list[tuple[str, list[str]]]] = {row[0]: [] for row in rows}
        for article_id, label, body in db.execute(
            "SELECT article_id, label, body FROM sections WHERE article_id BETWEEN ? AND ? "
            "ORDER BY article_id, position",
            [rows[0][0], rows[-1][0]],
        ).fetchall():
            texts = [block["text"] for block in json.loads(body or "[]")]
            sections[article_id].append((label or "", texts))
        db.conn.executemany(
            "UPDATE articles SET fingerprint = ? WHERE id = ?",
            [
                (fingerprint(title or "", caption, lede, published, sections[article_id]),
                 article_id)
                for article_id, title, caption, lede, published in rows
            ],
        )
        last = rows[-1][0]
    db.table("articles").create_index(["fingerprint"])


@ARTICLES(name="0009_withdrawn")
def _withdrawn(db: Database) -> None:
    # When an admin withdrew the article (/retract): readers no longer get it, the
    # record stays. Articles retracted before this carry their retraction's time over.
    db.table("articles").add_column("withdrawn_at", str)
    # Few articles are withdrawn: search leaves them out through this small index.
    db.execute(
        "CREATE INDEX idx_articles_withdrawn_at ON articles (withdrawn_at) "
        "WHERE withdrawn_at IS NOT NULL"
    )
    if db.table("retracted").exists():
        db.execute(
            "UPDATE articles SET withdrawn_at = (SELECT coalesce(at, "
            "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')) FROM retracted "
            "WHERE retracted.article_id = articles.id) "
            "WHERE id IN (SELECT article_id FROM retracted)"
        )


@ARTICLES(name="0010_source_credit")
def _source_credit(db: Database) -> None:
    # The name the article's source line credits («منبع: خبرگزاری تسنیم»).
    db.table("articles").add_column("source_credit", str)


@POST_LOG(name="0002_corrections")
def _corrections(db: Database) -> None:
    # What each sent message was (digest, kind, time), so that a new version of the
    # article can be compared with it; every edit and deletion of a sent message; the
    # articles whose posts were last compared (and at which text); retracted articles.
    db.table("posts").add_column("sent_parts", str)
    db.table("corrections").create(
        {
            "id": int,
            "post_id": int,
            "article_id": int,
            "chat": str,
            "part": int,
            "action": str,
            "message_id": int,
            "kind": str,
            "text": str,
            "digest": str,
            "state": str,
            "attempts": int,
            "not_before": str,
            "reason": str,
            "result": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("post_id", "posts", "id")],
        not_null={"post_id", "article_id", "chat", "part", "action", "kind", "state"},
        defaults={"attempts": 0},
    )
    db.table("corrections").create_index(["state"])
    db.table("corrections").create_index(["post_id", "part"])
    db.table("corrections").create_index(["article_id", "state"])
    db.table("posts").create_index(["updated_at"])
    db.table("checked").create(
        {"article_id": int, "content_hash": str, "checked_at": str}, pk="article_id"
    )
    db.table("retracted").create(
        {"article_id": int, "by_user": int, "at": str}, pk="article_id"
    )
    if db.table("articles").exists():
        # Posts sent before the texts were recorded are compared only once their article
        # changes from what it is now.
        db.execute(
            "INSERT INTO checked (article_id, content_hash, checked_at) "
            "SELECT DISTINCT posts.article_id, articles.content_hash, "
            "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') "
            "FROM posts JOIN articles ON articles.id = posts.article_id"
        )


@POST_LOG(name="0003_approvals")
def _approvals(db: Database) -> None:
    # One row per article reviewed under DIGEST_APPROVAL: the version it is about, its
    # state, who decided and when, and the admins' messages with its buttons.
    db.table("approvals").create(
        {
            "article_id": int,
            "content_hash": str,
            "state": str,
            "offered_hash": str,
            "decided_by": int,
            "decided_by_name": str,
            "decided_at": str,
            "prompts": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"content_hash", "state", "created_at", "updated_at"},
        defaults={"prompts": "[]"},
    )


@PHOTOS(name="0001_photos")
def _photos(db: Database) -> None:
    # One photo per article, gone with it (sqlite-utils cannot declare ON DELETE).
    db.execute(
        "CREATE TABLE photos (article_id INTEGER PRIMARY KEY "
        "REFERENCES articles(id) ON DELETE CASCADE, data BLOB NOT NULL, format TEXT NOT NULL, "
        "width INTEGER NOT NULL, height INTEGER NOT NULL, sha256 TEXT NOT NULL, file_id TEXT, "
        "origin TEXT NOT NULL, name TEXT, added_at TEXT NOT NULL)"
    )


def carry_over(db: Database, migrations: Migrations) -> list[str]:
    """Move the old record of ``migrations``' set into sqlite-utils' one; return the names.

    In one transaction: each of the set's names found in :data:`LEGACY_TABLE` is
    recorded as applied (with its old time) and removed from there; the old table
    goes once every set has taken its names. Nothing to do on a database without it.
    """
    if not db.table(LEGACY_TABLE).exists():
        return []
    ours = {old: new for old, (owner, new) in LEGACY_NAMES.items() if owner == migrations.name}
    moved = []
    with db.atomic():
        migrations.ensure_migrations_table(db)
        applied = {migration.name for migration in migrations.applied(db)}
        old = list(db.query(f"SELECT rowid, name, applied_at FROM {LEGACY_TABLE} ORDER BY rowid"))
        for row in old:
            name = ours.get(row["name"])
            if name is None:
                continue
            if name not in applied:
                record = {"migration_set": migrations.name, "name": name}
                db.table(migrations.migrations_table).insert(
                    {**record, "applied_at": row["applied_at"]}
                )
            db.execute(f"DELETE FROM {LEGACY_TABLE} WHERE rowid = ?", [row["rowid"]])
            moved.append(name)
        if not db.execute(f"SELECT 1 FROM {LEGACY_TABLE} LIMIT 1").fetchone():
            db.table(LEGACY_TABLE).drop()
    return moved


def migrate(db: Database, migrations: Migrations) -> list[str]:
    """Bring the tables of ``migrations``' set up to date; return the names applied now.

    The old record is carried over first (:func:`carry_over`); then every pending
    migration runs, each in its own transaction together with its record.
    """
    carry_over(db, migrations)
    pending = [migration.name for migration in migrations.pending(db)]
    migrations.apply(db)
    return pending
