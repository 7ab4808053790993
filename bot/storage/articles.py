"""The article store: SQLite through sqlite-utils, WAL mode, migrations at open.

Articles keep a stable integer id per source; sections and quotes live in their
own tables; a full-text index over folded text makes search insensitive to
half-spaces and Arabic letter forms.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from bot.article import Article, Block, Quote, Section
from bot.storage.fingerprint import fingerprint
from bot.storage.migrations import ARTICLES, migrate
from bot.storage.sending import now_iso
from bot.text import fold_for_index, search_term_forms

IngestStatus = Literal["new", "updated", "unchanged", "duplicate"]
#: How many of the most recent matching articles a search ranks.
SEARCH_WINDOW = 200
#: The articles readers may get: those not withdrawn.
READABLE = "articles.withdrawn_at IS NULL"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its id, where it came from and when.

    ``withdrawn_at``: when an admin withdrew it (/retract), else ``None``; a withdrawn
    article is kept for the record but readers no longer get it.
    """

    id: int
    source: str
    ingested_at: datetime
    updated_at: datetime
    article: Article
    withdrawn_at: datetime | None = None

    @property
    def withdrawn(self) -> bool:
        """Whether an admin withdrew the article."""
        return self.withdrawn_at is not None

    def date_in(self, zone: tzinfo) -> date:
        """The date shown with the article: its own, else when it was ingested in ``zone``."""
        return self.article.published or self.ingested_at.astimezone(zone).date()


@dataclass(frozen=True, slots=True)
class ArticleOutline:
    """An article's id, ingestion time, section keys (with whether they have a body).

    ``has_quotes``: whether it has quotations (quoted terms do not count).
    """

    id: int
    ingested_at: str
    sections: list[tuple[str, bool]]
    has_quotes: bool


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing one article did.

    A ``duplicate`` stored nothing: ``id`` is the article already stored with the same
    text under another name, ``original`` that name (its source).
    """

    status: IngestStatus
    id: int
    article: Article
    original: str | None = None


def content_hash(text: str) -> str:
    """A short, stable fingerprint of an article's raw text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def file_name_of(source: str) -> str:
    """The file name in an article's source key: a path's last part, or the name of a
    document sent on Telegram (``telegram:<hash>-<name>``).

    >>> file_name_of("/srv/content/story.txt"), file_name_of("telegram:0123456789ab-a-b.txt")
    ('story.txt', 'a-b.txt')
    >>> file_name_of(r"C:\\news\\خبر.txt"), file_name_of("")
    ('خبر.txt', '')
    """
    if source.startswith("telegram:"):
        return source.partition("-")[2] or source
    return source.replace("\\", "/").rpartition("/")[2]


def article_fingerprint(article: Article) -> str:
    """The fingerprint of an article's folded text (see :mod:`bot.storage.fingerprint`)."""
    return fingerprint(
        article.title,
        article.caption,
        article.lede,
        article.published.isoformat() if article.published else None,
        ((section.label, [block.text for block in section.body]) for section in article.sections),
    )


def open_database(path: Path | str | None) -> Database:
    """Open (creating folders) a SQLite database in WAL mode; ``None`` is in memory."""
    if path is None or str(path) == ":memory:":
        return Database(memory=True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(path, check_same_thread=False, timeout=30))
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _search_text(article: Article) -> str:
    parts = [article.caption or "", article.lede or ""]
    for section in article.sections:
        parts.append(section.label)
        parts.extend(block.text for block in section.body)
    return fold_for_index("\n".join(parts))


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """An FTS5 query matching every word of ``text`` (the last one as a prefix, if ``prefix``).

    A word with a seated hamza matches either of its indexed forms (see
    :func:`bot.text.chars.hamza_neutral`).

    >>> fts_query('رئيس "جمهور')
    '("رییس" OR "رءیس") AND "جمهور"*'
    >>> fts_query('مسأله "جمهور', prefix=False)
    '("مساله" OR "مسءله") AND "جمهور"'
    >>> fts_query("  ") is None
    True
    """
    words = search_term_forms(text)
    if not words:
        return None
    last = len(words) - 1
    star = "*" if prefix else ""
    quoted = [
        " OR ".join(f'"{form}"{star if at == last else ""}' for form in forms)
        for at, forms in enumerate(words)
    ]
    return " AND ".join(f"({term})" if " OR " in term else term for term in quoted)


class Store:
    """Articles in SQLite; construct once per process and share."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db, ARTICLES)

    @classmethod
    def open(cls, path: Path | str | None) -> Store:
        """Open the database at ``path`` (``None``: in memory) and migrate it."""
        return cls(open_database(path))

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    # writing

    def ingest(self, article: Article, source: str, raw_text: str) -> IngestResult:
        """Store ``article`` read from ``source``: insert, update in place, or nothing.

        The same source with the same text changes nothing; with new text the article
        keeps its id and its rows are replaced. An article whose folded text is already
        stored under another source is a ``duplicate``: nothing is stored but the note
        that this source (with this text) holds that article.
        """
        digest = content_hash(raw_text)
        row = self._row("SELECT id, content_hash FROM articles WHERE source = ?", [source])
        if row is not None and row["content_hash"] == digest:
            return IngestResult("unchanged", row["id"], article)
        now = now_iso()
        mark = article_fingerprint(article)
        other = self._row(
            "SELECT id, source FROM articles WHERE fingerprint = ? AND source != ? "
            "ORDER BY id LIMIT 1",
            [mark, source],
        )
        if other is not None:
            with self.db.atomic():
                self.db.execute(
                    "INSERT INTO duplicates (source, content_hash, article_id, found_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
                    "content_hash = excluded.content_hash, article_id = excluded.article_id, "
                    "found_at = excluded.found_at",
                    [source, digest, other["id"], now],
                )
            return IngestResult("duplicate", int(other["id"]), article, other["source"])
        record: dict[str, Any] = {
            "source": source,
            "content_hash": digest,
            "lang": article.lang,
            "title": article.title,
            "caption": article.caption,
            "lede": article.lede,
            "hashtags": json.dumps(article.hashtags, ensure_ascii=False),
            "summary": json.dumps(article.summary, ensure_ascii=False),
            "warnings": json.dumps(article.warnings, ensure_ascii=False),
            "published": article.published.isoformat() if article.published else None,
            "source_url": article.source_url,
            "source_credit": article.source_credit,
            "fingerprint": mark,
            "updated_at": now,
        }
        with self.db.atomic():
            self.db.execute("DELETE FROM duplicates WHERE source = ?", [source])
            if row is None:
                record["ingested_at"] = now
                cursor = self.db.execute(
                    f"INSERT INTO articles ({', '.join(record)}) VALUES "
                    f"({', '.join('?' for _ in record)})",
                    list(record.values()),
                )
                article_id = int(cursor.lastrowid or 0)
                status: IngestStatus = "new"
            else:
                article_id = int(row["id"])
                # A write first: the transaction takes the write lock at once.
                self.db.execute(
                    f"UPDATE articles SET {', '.join(f'{name} = ?' for name in record)} "
                    "WHERE id = ?",
                    [*record.values(), article_id],
                )
                for table in ("sections", "quotes"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                status = "updated"
            self._write_parts(article_id, article)
        return IngestResult(status, article_id, article)

    def _write_parts(self, article_id: int, article: Article) -> None:
        # Plain executemany: this is the hot path of a large ingest.
        conn = self.db.conn
        conn.executemany(
            "INSERT INTO sections (article_id, position, key, label, body) VALUES (?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    position,
                    section.key,
                    section.label,
                    json.dumps(
                        [{"type": block.type, "text": block.text} for block in section.body],
                        ensure_ascii=False,
                    ),
                )
                for position, section in enumerate(article.sections)
            ],
        )
        conn.executemany(
            "INSERT INTO quotes (article_id, position, text, speaker, section, role, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    position,
                    quote.text,
                    quote.speaker,
                    quote.section,
                    quote.role,
                    quote.kind,
                )
                for position, quote in enumerate(article.quotes)
            ],
        )
        conn.execute("DELETE FROM search WHERE article_id = ?", [article_id])
        conn.execute(
            "INSERT INTO search (article_id, title, body) VALUES (?, ?, ?)",
            [article_id, fold_for_index(article.title), _search_text(article)],
        )

    def delete(self, article_id: int) -> bool:
        """Remove an article and its parts; ``False`` when there was none.

        Rows of other owners that refer to it go first: the post log's through
        ``PostLog.forget_article``. Where foreign keys are enforced (a database
        file), an article still referred to stays, and this raises ``ValueError``.
        """
        try:
            with self.db.atomic():
                for table in ("sections", "quotes", "search", "duplicates"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                cursor = self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        except sqlite3.IntegrityError as error:
            raise ValueError(
                f"article {article_id} is still referred to ({error}); "
                "forget its posts first (PostLog.forget_article)"
            ) from error
        return cursor.rowcount > 0

    def withdraw(self, article_id: int, at: str | None = None) -> bool:
        """Mark an article withdrawn (at ``at``, by default now): it stays stored, but no
        reader query lists, finds or plans it any more. ``False`` when there is no such
        article or it was withdrawn already (the first time is kept)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE articles SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
                [at or now_iso(), article_id],
            )
        return cursor.rowcount > 0

    # reading

    def _row(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        return next(self.db.query(sql, params), None)

    def _build(self, row: dict[str, Any]) -> StoredArticle:
        article_id = int(row["id"])
        sections = tuple(
            Section(
                part["key"],
                part["label"],
                tuple(Block(block["type"], block["text"]) for block in json.loads(part["body"])),
            )
            for part in self.db.query(
                "SELECT key, label, body FROM sections WHERE article_id = ? ORDER BY position",
                [article_id],
            )
        )
        quotes = tuple(
            Quote(part["text"], part["speaker"], part["section"], part["role"], part["kind"])
            for part in self.db.query(
                "SELECT text, speaker, section, role, kind FROM quotes "
                "WHERE article_id = ? ORDER BY position",
                [article_id],
            )
        )
        article = Article(
            title=row["title"],
            lang=row["lang"],
            caption=row["caption"],
            lede=row["lede"],
            sections=sections,
            quotes=quotes,
            hashtags=tuple(json.loads(row["hashtags"] or "[]")),
            summary=tuple(json.loads(row["summary"] or "[]")),
            warnings=tuple(json.loads(row["warnings"] or "[]")),
            published=date.fromisoformat(row["published"]) if row["published"] else None,
            source_url=row.get("source_url"),
            source_credit=row.get("source_credit"),
        )
        return StoredArticle(
            id=article_id,
            source=row["source"],
            ingested_at=datetime.fromisoformat(row["ingested_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            article=article,
            withdrawn_at=(
                datetime.fromisoformat(row["withdrawn_at"]) if row.get("withdrawn_at") else None
            ),
        )

    def get(self, article_id: int) -> StoredArticle | None:
        """The article with ``article_id``, if stored, withdrawn or not (see
        :attr:`StoredArticle.withdrawn`)."""
        row = self._row("SELECT * FROM articles WHERE id = ?", [article_id])
        return self._build(row) if row else None

    def unchanged(self, source: str, raw_text: str) -> StoredArticle | None:
        """The stored article of ``source`` if its text is exactly ``raw_text``."""
        row = self._row(
            "SELECT * FROM articles WHERE source = ? AND content_hash = ?",
            [source, content_hash(raw_text)],
        )
        return self._build(row) if row else None

    def duplicate_of(self, source: str, raw_text: str) -> StoredArticle | None:
        """The article that ``source`` was found to repeat, if its text is still ``raw_text``."""
        row = self._row(
            "SELECT articles.* FROM duplicates "
            "JOIN articles ON articles.id = duplicates.article_id "
            "WHERE duplicates.source = ? AND duplicates.content_hash = ?",
            [source, content_hash(raw_text)],
        )
        return self._build(row) if row else None

    def by_source(self, source: str) -> StoredArticle | None:
        """The article read from ``source``, if stored."""
        row = self._row("SELECT * FROM articles WHERE source = ?", [source])
        return self._build(row) if row else None

    def by_file_name(self, name: str) -> StoredArticle | None:
        """The newest article whose file is called ``name`` (any case; the suffix may be
        left out): a file of the content folder, or a document sent on Telegram."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        escaped = "".join(f"\\{char}" if char in "\\%_" else char for char in wanted)
        # Only sources ending in the name, or in the name and a suffix, can match.
        sql = (
            "SELECT id, source FROM articles "
            "WHERE source LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\' "
            "ORDER BY ingested_at DESC, id DESC LIMIT 200"
        )
        for row in self.db.query(sql, [f"%{escaped}", f"%{escaped}.%"]):
            base = file_name_of(row["source"]).casefold()
            if wanted in (base, base.rpartition(".")[0]):
                return self.get(int(row["id"]))
        return None

    def by_title(self, title: str) -> StoredArticle | None:
        """The newest article with exactly this title."""
        sql = "SELECT * FROM articles WHERE title = ? ORDER BY ingested_at DESC, id DESC LIMIT 1"
        row = self._row(sql, [title])
        return self._build(row) if row else None

    def latest(self) -> StoredArticle | None:
        """The most recently ingested article not withdrawn."""
        sql = f"SELECT * FROM articles WHERE {READABLE} ORDER BY ingested_at DESC, id DESC LIMIT 1"
        row = self._row(sql, [])
        return self._build(row) if row else None

    def recent(self, limit: int = 10) -> list[tuple[int, str]]:
        """``(id, title)`` of the most recently ingested articles not withdrawn, newest first."""
        return [
            (int(row["id"]), row["title"])
            for row in self.db.query(
                f"SELECT id, title FROM articles WHERE {READABLE} "
                "ORDER BY ingested_at DESC, id DESC LIMIT ?",
                [limit],
            )
        ]

    def outlines(self, since_id: int = 0) -> list[ArticleOutline]:
        """Every article after ``since_id`` not withdrawn, oldest first, with its sections' keys.

        What a digest plan needs, without loading whole articles.
        """
        articles: dict[int, ArticleOutline] = {}
        for row in self.db.query(
            "SELECT id, ingested_at, (SELECT count(*) FROM quotes WHERE article_id = articles.id "
            f"AND kind != 'term') AS quotes FROM articles WHERE id > ? AND {READABLE} "
            "ORDER BY ingested_at, id",
            [since_id],
        ):
            articles[row["id"]] = ArticleOutline(
                row["id"], row["ingested_at"], [], row["quotes"] > 0
            )
        for row in self.db.query(
            "SELECT article_id, key, body != '[]' AS has_body FROM sections "
            "WHERE article_id > ? ORDER BY article_id, position",
            [since_id],
        ):
            if row["article_id"] in articles:
                articles[row["article_id"]].sections.append((row["key"], bool(row["has_body"])))
        return list(articles.values())

    def count(self) -> int:
        """How many articles are stored."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 10) -> list[tuple[int, str]]:
        """``(id, title)`` of the best matches for ``query`` not withdrawn, best first.

        Matching is on folded text, so half-spaces and Arabic letter forms on either
        side do not matter. The most recent :data:`SEARCH_WINDOW` matching articles are
        ranked by relevance (bm25, the title weighing more than the body): news readers
        look for the current story, and ranking every match of a common word in a large
        archive would cost far more.

        The last word also matches as the beginning of a longer word, unless the words as
        typed already fill the window: a prefix makes SQLite read every indexed word it
        begins (twice, for bm25), tens of milliseconds for a common one at 100,000 articles.
        """
        exact = fts_query(query, prefix=False)
        if exact is None:
            return []
        candidates = self._matches(exact)
        if len(candidates) < SEARCH_WINDOW:
            candidates = self._matches(fts_query(query) or exact)
        best = [row[0] for row in sorted(candidates, key=lambda row: (row[1], -row[0]))[:limit]]
        if not best:
            return []
        marks = ", ".join("?" for _ in best)
        sql = f"SELECT id, title FROM articles WHERE id IN ({marks}) AND {READABLE}"
        titles = dict(self.db.execute(sql, best).fetchall())
        return [(article_id, titles[article_id]) for article_id in best if article_id in titles]

    def _matches(self, match: str) -> list[tuple[int, float]]:
        """``(rowid, bm25)`` of the most recent :data:`SEARCH_WINDOW` rows matching ``match``
        (of articles not withdrawn: the few withdrawn ones come from a small index)."""
        sql = (
            "SELECT rowid, bm25(search_fts, 5.0, 1.0) FROM search_fts WHERE search_fts MATCH ? "
            "AND rowid NOT IN (SELECT id FROM articles WHERE withdrawn_at IS NOT NULL) "
            "ORDER BY rowid DESC LIMIT ?"
        )
        rows = self.db.execute(sql, [match, SEARCH_WINDOW]).fetchall()
        return [(int(rowid), float(score)) for rowid, score in rows]
