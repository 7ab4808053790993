"""The post log: every planned post, its state, and the chats and subscribers it goes to.

A post moves ``pending → sending → sent``; ``sending`` is committed before the request
and ``sent`` after it, so a process that dies in between leaves ``sending``, which the
next start turns into ``uncertain``: never re-sent on its own. Claims are conditional
updates, so two tasks can never send the same post.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from bot.storage import sending
from bot.storage.approvals import RELEASED
from bot.storage.articles import content_hash
from bot.storage.migrations import POST_LOG, migrate
from bot.storage.sending import now_iso

State = Literal["pending", "sending", "sent", "failed", "uncertain", "skipped", "retracted"]
CHANNEL = "channel"
SUBSCRIBER = "subscriber"


def text_digest(text: str) -> str:
    """A short fingerprint of one sent message's text, to tell later whether it changed
    (the same hash as an article's raw text)."""
    return content_hash(text)


@dataclass(frozen=True, slots=True)
class SentPart:
    """What one sent message of a post was.

    ``digest`` is :func:`text_digest` of its text (``None`` for a message sent before
    texts were recorded); ``kind`` "text" or "caption"; ``at`` when it was sent (ISO,
    UTC, ``None`` if unknown); ``removed`` once it was deleted or marked withdrawn.
    """

    message_id: int
    digest: str | None
    kind: str = "text"
    at: str | None = None
    removed: bool = False

    def to_json(self) -> dict[str, Any]:
        """As stored in ``posts.sent_parts`` (without the message id, kept in ``message_ids``)."""
        return {"digest": self.digest, "kind": self.kind, "at": self.at, "removed": self.removed}


def _sent_parts(message_ids: tuple[int, ...], stored: str | None) -> tuple[SentPart, ...]:
    records = json.loads(stored or "[]")
    parts = []
    for n, message_id in enumerate(message_ids):
        record = records[n] if n < len(records) and isinstance(records[n], dict) else {}
        parts.append(
            SentPart(
                message_id,
                record.get("digest"),
                record.get("kind") or "text",
                record.get("at"),
                bool(record.get("removed")),
            )
        )
    return tuple(parts)


def append_sent_part(
    db: Database, post_id: int, part: SentPart, updated_at: str | None = None
) -> None:
    """Add one sent message to a post's recorded parts, in one transaction (nothing when
    there is no such post); with ``updated_at``, the post also counts as changed then."""
    with db.atomic():
        sql = "SELECT message_ids, sent_parts FROM posts WHERE id = ?"
        row = next(db.query(sql, [post_id]), None)
        if row is None:
            return
        ids = tuple(json.loads(row["message_ids"] or "[]"))
        parts = (*_sent_parts(ids, row["sent_parts"]), part)
        db.execute(
            "UPDATE posts SET parts_done = parts_done + 1, message_ids = ?, sent_parts = ?, "
            "updated_at = coalesce(?, updated_at) WHERE id = ?",
            [json.dumps([*ids, part.message_id]), json.dumps([p.to_json() for p in parts]),
             updated_at, post_id],
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Post:
    """One row of the post log."""

    id: int
    chat: str
    article_id: int
    item: str
    position: int
    kind: str
    state: str
    parts_done: int
    message_ids: tuple[int, ...]
    attempts: int
    reason: str | None
    #: What each sent message was, in the order of ``message_ids``.
    sent_parts: tuple[SentPart, ...] = ()


def _post(row: dict[str, Any]) -> Post:
    message_ids = tuple(json.loads(row["message_ids"] or "[]"))
    return Post(
        id=row["id"],
        chat=row["chat"],
        article_id=row["article_id"],
        item=row["item"],
        position=row["position"],
        kind=row["kind"],
        state=row["state"],
        parts_done=row["parts_done"] or 0,
        message_ids=message_ids,
        attempts=row["attempts"] or 0,
        reason=row["reason"],
        sent_parts=_sent_parts(message_ids, row.get("sent_parts")),
    )


class PostLog:
    """Posts, chat health, subscribers and flags, in the store's database.

    The post log owns those tables and brings them up to date when constructed.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db, POST_LOG)

    def _update(self, sql: str, params: Iterable[Any]) -> int:
        return sending.update(self.db, sql, params)

    # planning

    def newest_planned(self, chat: str) -> int:
        """The highest id of an article with a plan for ``chat``; 0 when none has one."""
        sql = "SELECT max(article_id) AS newest FROM posts WHERE chat = ?"
        return int(next(self.db.query(sql, [chat]))["newest"] or 0)

    def plan(self, chat: str, article_id: int, items: list[str], kind: str = CHANNEL) -> int:
        """Create an article's posts for a chat in one transaction (existing ones kept)."""
        now = now_iso()
        with self.db.atomic():
            cursor = self.db.conn.executemany(
                "INSERT OR IGNORE INTO posts (chat, article_id, item, position, kind, state, "
                "parts_done, message_ids, attempts, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'pending', 0, '[]', 0, ?, ?)",
                [(chat, article_id, item, n, kind, now, now) for n, item in enumerate(items)],
            )
        return cursor.rowcount

    def plan_subscribers(self, item: str) -> int:
        """Plan ``item`` of every article ingested since each active subscriber joined (not
        of one withdrawn)."""
        now = now_iso()
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO posts (chat, article_id, item, position, kind, state, "
                "parts_done, message_ids, attempts, created_at, updated_at) "
                "SELECT CAST(subscribers.user_id AS TEXT), articles.id, ?, 0, ?, 'pending', "
                "0, '[]', 0, ?, ? FROM subscribers JOIN articles "
                "ON articles.ingested_at >= subscribers.since "
                "WHERE subscribers.active = 1 AND articles.withdrawn_at IS NULL",
                [item, SUBSCRIBER, now, now],
            )
        return cursor.rowcount

    def sent_posts_of(self, article_id: int) -> list[Post]:
        """An article's posts that put at least one message in a chat: channels first."""
        sql = (
            "SELECT * FROM posts WHERE article_id = ? AND parts_done > 0 "
            "ORDER BY kind = ?, id"
        )
        return [_post(row) for row in self.db.query(sql, [article_id, SUBSCRIBER])]

    def chats_planned(self, article_id: int, kind: str = CHANNEL) -> list[str]:
        """The chats with a plan of ``kind`` for an article."""
        sql = "SELECT DISTINCT chat FROM posts WHERE article_id = ? AND kind = ? ORDER BY chat"
        return [row["chat"] for row in self.db.query(sql, [article_id, kind])]

    def unsent_count(self, article_id: int) -> int:
        """How many of an article's posts are still to be sent (pending, failed, uncertain)."""
        sql = (
            "SELECT count(*) AS n FROM posts WHERE article_id = ? "
            "AND state IN ('pending', 'failed', 'uncertain')"
        )
        return int(next(self.db.query(sql, [article_id]))["n"])

    def forget_article(self, article_id: int) -> int:
        """Drop every post of an article, whatever its state (before the article goes),
        with its corrections, its retraction and its approval."""
        with self.db.atomic():
            for table in ("corrections", "checked", "retracted", "approvals"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            return self.db.execute("DELETE FROM posts WHERE article_id = ?", [article_id]).rowcount

    # posting (only posts of articles released: see bot.storage.approvals)

    def next_pending(self, chat: str, now: str | None = None) -> Post | None:
        """The next post due in ``chat``: oldest article first, then plan order."""
        sql = (
            "SELECT posts.* FROM posts JOIN articles ON articles.id = posts.article_id "
            "WHERE posts.chat = ? AND posts.state = 'pending' "
            f"AND (posts.not_before IS NULL OR posts.not_before <= ?) AND {RELEASED} "
            "ORDER BY articles.ingested_at, articles.id, posts.position LIMIT 1"
        )
        row = next(self.db.query(sql, [chat, now or now_iso()]), None)
        return _post(row) if row else None

    def upcoming(self, chat: str, limit: int) -> list[Post]:
        """The next ``limit`` pending posts of ``chat``, in posting order."""
        sql = (
            "SELECT posts.* FROM posts JOIN articles ON articles.id = posts.article_id "
            f"WHERE posts.chat = ? AND posts.state = 'pending' AND {RELEASED} "
            "ORDER BY articles.ingested_at, articles.id, posts.position LIMIT ?"
        )
        return [_post(row) for row in self.db.query(sql, [chat, limit])]

    def waiting(self, chat: str) -> int:
        """How many posts of ``chat`` are pending (all of them, as /status counts them)."""
        sql = "SELECT count(*) AS n FROM posts WHERE chat = ? AND state = 'pending'"
        return int(next(self.db.query(sql, [chat]))["n"])

    def pending_of_kind(self, kind: str, limit: int) -> list[Post]:
        """Pending posts of one kind that are due, oldest first."""
        sql = (
            "SELECT posts.* FROM posts JOIN articles ON articles.id = posts.article_id "
            "WHERE posts.kind = ? AND posts.state = 'pending' "
            f"AND (posts.not_before IS NULL OR posts.not_before <= ?) AND {RELEASED} "
            "ORDER BY posts.id LIMIT ?"
        )
        return [_post(row) for row in self.db.query(sql, [kind, now_iso(), limit])]

    def claim(self, post_id: int) -> bool:
        """Mark a pending post ``sending``; ``False`` if someone else has it."""
        return sending.claim(self.db, "posts", post_id)

    def part_sent(
        self, post_id: int, message_id: int, text: str | None = None, kind: str = "text"
    ) -> None:
        """Record one sent message of a post (a long item can take several).

        ``text`` is what was sent (only its digest is kept) and ``kind`` whether it went
        as a text message or a photo caption, so that a correction knows what changed
        and how to edit it.
        """
        now = now_iso()
        part = SentPart(message_id, text_digest(text) if text is not None else None, kind, now)
        append_sent_part(self.db, post_id, part, now)

    def finish(self, post_id: int, state: State, reason: str | None = None) -> None:
        """Set a post's final or next state (``sent``, ``failed``, ``skipped``, ...)."""
        now = now_iso()
        self._update(
            "UPDATE posts SET state = ?, reason = ?, updated_at = ?, "
            "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?",
            [state, reason, now, state, now, post_id],
        )

    def retry_later(self, post_id: int, reason: str, not_before: str) -> None:
        """Put a post back to ``pending`` until ``not_before`` (network trouble)."""
        sending.retry_later(self.db, "posts", post_id, reason, not_before)

    def recover(self) -> list[Post]:
        """At start: posts left ``sending`` by a process that died become ``uncertain``;
        which they were."""
        with self.db.atomic():
            sql = "SELECT * FROM posts WHERE state = 'sending'"
            stuck = [_post(row) for row in self.db.query(sql)]
            sending.recover(self.db, "posts", "the process stopped while sending")
        return stuck

    def requeue(self, post_id: int) -> bool:
        """An admin asks to post an uncertain post again."""
        return sending.requeue(self.db, "posts", post_id)

    def mark_arrived(self, post_id: int) -> bool:
        """An admin says an uncertain post did arrive; ``False`` if it is not uncertain."""
        return (
            self._update(
                "UPDATE posts SET state = 'sent', reason = 'marked posted by an admin', "
                "updated_at = ?, sent_at = ? WHERE id = ? AND state = 'uncertain'",
                [now_iso(), now_iso(), post_id],
            )
            == 1
        )

    def uncertain(self, limit: int | None = None) -> list[Post]:
        """Uncertain posts, oldest first (all of them, or the first ``limit``)."""
        return [_post(row) for row in sending.uncertain(self.db, "posts", limit)]

    def get(self, post_id: int) -> Post | None:
        """One post by id."""
        row = next(self.db.query("SELECT * FROM posts WHERE id = ?", [post_id]), None)
        return _post(row) if row else None

    def counts(self, kind: str | None = None) -> dict[str, int]:
        """How many posts are in each state."""
        sql = "SELECT state, count(*) AS n FROM posts"
        params: list[Any] = []
        if kind:
            sql += " WHERE kind = ?"
            params.append(kind)
        return {row["state"]: row["n"] for row in self.db.query(sql + " GROUP BY state", params)}

    def with_state(self, state: str, limit: int = 20) -> list[Post]:
        """The most recent posts in ``state``."""
        sql = "SELECT * FROM posts WHERE state = ? ORDER BY updated_at DESC LIMIT ?"
        return [_post(row) for row in self.db.query(sql, [state, limit])]

    # chats

    def chat_failing(self, key: str, reason: str) -> bool:
        """Mark a chat failing; ``True`` when the admins have not been told of it yet."""
        row = next(self.db.query("SELECT told, reason FROM chats WHERE key = ?", [key]), None)
        tell = row is None or not row["told"] or row["reason"] != reason
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO chats (key, state, reason, told, updated_at) "
                "VALUES (?, 'failing', ?, 1, ?) ON CONFLICT(key) DO UPDATE SET "
                "state = 'failing', reason = excluded.reason, told = 1, "
                "updated_at = excluded.updated_at",
                [key, reason, now_iso()],
            )
        return tell

    def chat_ok(self, key: str) -> None:
        """A post reached the chat: it is healthy, and a new failure will be told."""
        self._update(
            "UPDATE chats SET state = 'ok', told = 0, updated_at = ? WHERE key = ? "
            "AND (state != 'ok' OR told != 0)",
            [now_iso(), key],
        )

    def failing_chats(self) -> dict[str, str]:
        """Chats currently failing, with the reason."""
        sql = "SELECT key, reason FROM chats WHERE state = 'failing'"
        return {row["key"]: row["reason"] for row in self.db.query(sql)}

    def retry_failing_chats(self) -> None:
        """At start: give failing chats another try (the admin may have fixed them)."""
        self._update("UPDATE chats SET state = 'retry' WHERE state = 'failing'", [])

    # subscribers

    def subscribe(self, user_id: int, lang: str) -> bool:
        """Subscribe a reader; ``False`` if they already were."""
        sql = "SELECT active FROM subscribers WHERE user_id = ?"
        row = next(self.db.query(sql, [user_id]), None)
        if row and row["active"]:
            return False
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO subscribers (user_id, lang, active, since, reason) "
                "VALUES (?, ?, 1, ?, NULL) ON CONFLICT(user_id) DO UPDATE SET active = 1, "
                "lang = excluded.lang, since = excluded.since, reason = NULL",
                [user_id, lang, now_iso()],
            )
        return True

    def unsubscribe(self, user_id: int, reason: str = "asked") -> bool:
        """Unsubscribe a reader and drop their unsent posts; ``False`` if they were not."""
        with self.db.atomic():
            changed = self.db.execute(
                "UPDATE subscribers SET active = 0, reason = ? WHERE user_id = ? AND active = 1",
                [reason, user_id],
            ).rowcount
            self.db.execute(
                "UPDATE posts SET state = 'skipped', reason = ? "
                "WHERE chat = ? AND kind = ? AND state = 'pending'",
                [f"unsubscribed: {reason}", str(user_id), SUBSCRIBER],
            )
        return changed == 1

    def subscriber_lang(self, user_id: int) -> str | None:
        """The language a reader subscribed in (``None`` for someone never subscribed)."""
        sql = "SELECT lang FROM subscribers WHERE user_id = ?"
        row = next(self.db.query(sql, [user_id]), None)
        return row["lang"] if row else None

    def subscribers(self) -> list[tuple[int, str, str]]:
        """Active subscribers: ``(user id, language, since)``."""
        sql = "SELECT user_id, lang, since FROM subscribers WHERE active = 1 ORDER BY user_id"
        return [(row["user_id"], row["lang"], row["since"]) for row in self.db.query(sql)]

    # flags

    def flag(self, key: str) -> str | None:
        """A persisted flag's value."""
        row = next(self.db.query("SELECT value FROM flags WHERE key = ?", [key]), None)
        return row["value"] if row else None

    def set_flag(self, key: str, value: str | None) -> None:
        """Set (or, with ``None``, clear) a persisted flag."""
        with self.db.atomic():
            if value is None:
                self.db.execute("DELETE FROM flags WHERE key = ?", [key])
            else:
                self.db.execute(
                    "INSERT INTO flags (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
