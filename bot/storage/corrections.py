"""The correction log: every edit and deletion of a sent message, exactly once like a post.

A correction moves ``pending → sending → done`` (or ``failed``, ``superseded``);
``sending`` is committed before the request and ``done`` after it, together with what
the message now is (the post's recorded parts), so a process that dies in between
leaves ``sending``, which the next start turns into ``uncertain``: offered to the
admins, never repeated on its own.

Next to it: which articles' posts were last compared with their text (``checked``,
with the text's hash and when). Whether an article was retracted is its withdrawn mark
in ``articles`` (the older ``retracted`` table is no longer written).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from bot.storage import sending
from bot.storage.migrations import POST_LOG, migrate
from bot.storage.postlog import SUBSCRIBER, SentPart, append_sent_part
from bot.storage.sending import now_iso

Action = Literal["edit", "remove", "send"]
#: States in which a correction may still change its message.
ACTIVE = ("pending", "sending", "uncertain")


@dataclass(frozen=True, slots=True)
class Correction:
    """One row of the correction log.

    ``part`` is the index of the message in its post; ``text`` what is sent (an edit's
    new text with its mark, a removal's "withdrawn" note, a new message) and ``digest``
    the digest of the post part it stands for (empty for a removal); ``kind`` how the
    message is edited ("text" or "caption"). ``result`` says what a done one did.
    """

    id: int
    post_id: int
    article_id: int
    chat: str
    part: int
    action: str
    message_id: int | None
    kind: str
    text: str
    digest: str
    state: str
    attempts: int
    reason: str | None
    result: str | None


@dataclass(frozen=True, slots=True)
class Planned:
    """A correction to create: what to do to one message of one post."""

    post_id: int
    chat: str
    part: int
    action: Action
    message_id: int | None
    kind: str
    text: str
    digest: str


def _correction(row: dict[str, Any]) -> Correction:
    return Correction(
        id=row["id"],
        post_id=row["post_id"],
        article_id=row["article_id"],
        chat=row["chat"],
        part=row["part"],
        action=row["action"],
        message_id=row["message_id"],
        kind=row["kind"],
        text=row["text"] or "",
        digest=row["digest"] or "",
        state=row["state"],
        attempts=row["attempts"] or 0,
        reason=row["reason"],
        result=row["result"],
    )


class CorrectionLog:
    """Corrections, checks and retractions, in the post log's database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db, POST_LOG)

    def _update(self, sql: str, params: Iterable[Any]) -> int:
        return sending.update(self.db, sql, params)

    # what needs comparing

    def stale_articles(self, since: str = "") -> list[int]:
        """Articles whose sent posts must be compared with their text again.

        Those whose text changed since they were last compared (or never were), and
        those with a channel post that sent or changed a message after ``since`` and
        after their last comparison (a post sent while its article was being replaced).
        Subscribers' copies, thousands of them in a fan-out, make an article compared
        only the first time: its next change compares them all.
        """
        sql = (
            "SELECT DISTINCT posts.article_id AS id FROM posts "
            "JOIN articles ON articles.id = posts.article_id "
            "LEFT JOIN checked ON checked.article_id = posts.article_id "
            "WHERE posts.parts_done > 0 AND posts.updated_at > ? "
            "AND (posts.kind != ? OR checked.article_id IS NULL) AND ("
            "checked.article_id IS NULL OR checked.content_hash != articles.content_hash "
            "OR posts.updated_at > checked.checked_at) "
            "UNION SELECT checked.article_id FROM checked "
            "JOIN articles ON articles.id = checked.article_id "
            "WHERE checked.content_hash != articles.content_hash ORDER BY id"
        )
        return [int(row["id"]) for row in self.db.query(sql, [since, SUBSCRIBER])]

    def active(self, article_id: int) -> dict[tuple[int, int], Correction]:
        """The newest correction still at work, or failed, on each ``(post, part)`` of an
        article (a failed one is not planned again for the same text)."""
        states = (*ACTIVE, "failed")
        sql = (
            "SELECT * FROM corrections WHERE article_id = ? AND state IN "
            f"({', '.join('?' for _ in states)}) ORDER BY id"
        )
        found: dict[tuple[int, int], Correction] = {}
        for row in self.db.query(sql, [article_id, *states]):
            correction = _correction(row)
            found[(correction.post_id, correction.part)] = correction
        return found

    def plan(
        self,
        article_id: int,
        planned: Sequence[Planned],
        replaced: Sequence[int],
        checked_at: str,
    ) -> list[int]:
        """In one transaction: drop the ``replaced`` pending corrections, add ``planned``,
        and note the article's text as compared at ``checked_at``; the new ids."""
        now = now_iso()
        ids = []
        with self.db.atomic():
            for correction_id in replaced:
                self.db.execute(
                    "UPDATE corrections SET state = 'superseded', updated_at = ? "
                    "WHERE id = ? AND state = 'pending'",
                    [now, correction_id],
                )
            for item in planned:
                cursor = self.db.execute(
                    "INSERT INTO corrections (post_id, article_id, chat, part, action, "
                    "message_id, kind, text, digest, state, attempts, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                    [item.post_id, article_id, item.chat, item.part, item.action,
                     item.message_id, item.kind, item.text, item.digest, now, now],
                )  # fmt: skip
                ids.append(int(cursor.lastrowid or 0))
            self.db.execute(
                "INSERT INTO checked (article_id, content_hash, checked_at) "
                "SELECT id, content_hash, ? FROM articles WHERE id = ? "
                "ON CONFLICT(article_id) DO UPDATE SET content_hash = excluded.content_hash, "
                "checked_at = excluded.checked_at",
                [checked_at, article_id],
            )
        return ids

    # retractions

    def retract(self, article_id: int) -> int:
        """Cancel a retracted article's posts not yet (fully) sent; how many.

        Posts still pending, failed or uncertain become ``retracted``; what they and the
        sent posts already put in a chat is removed by the corrections planned next. The
        retraction itself is the article's withdrawn mark (``Store.withdraw``), set in
        the same transaction.
        """
        return self._update(
            "UPDATE posts SET state = 'retracted', reason = 'retracted by an admin', "
            "updated_at = ? WHERE article_id = ? AND state IN ('pending', 'failed', "
            "'uncertain')",
            [now_iso(), article_id],
        )

    def retracted(self, article_id: int) -> bool:
        """Whether an article was retracted: withdrawn by an admin."""
        sql = "SELECT 1 FROM articles WHERE id = ? AND withdrawn_at IS NOT NULL"
        return next(self.db.query(sql, [article_id]), None) is not None

    # carrying out

    def due(self, limit: int) -> list[Correction]:
        """Pending corrections that may run now: the channels' first, then oldest first."""
        sql = (
            "SELECT corrections.* FROM corrections JOIN posts ON posts.id = corrections.post_id "
            "WHERE corrections.state = 'pending' AND (corrections.not_before IS NULL "
            "OR corrections.not_before <= ?) ORDER BY posts.kind = 'subscriber', corrections.id "
            "LIMIT ?"
        )
        return [_correction(row) for row in self.db.query(sql, [now_iso(), limit])]

    def get(self, correction_id: int) -> Correction | None:
        """One correction by id."""
        row = next(self.db.query("SELECT * FROM corrections WHERE id = ?", [correction_id]), None)
        return _correction(row) if row else None

    def of_ids(self, ids: Sequence[int]) -> list[Correction]:
        """The corrections with these ids, in id order."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT * FROM corrections WHERE id IN ({marks}) ORDER BY id"
        return [_correction(row) for row in self.db.query(sql, list(ids))]

    def claim(self, correction_id: int) -> bool:
        """Mark a pending correction ``sending``; ``False`` if someone else has it."""
        return sending.claim(self.db, "corrections", correction_id)

    def done(self, correction_id: int, result: str, message_id: int | None = None) -> None:
        """A correction reached its chat: record it and what the post's message now is.

        ``result``: ``edited``, ``deleted``, ``withdrawn``, ``sent``, ``unchanged`` (the
        message already read so) or ``gone`` (the message no longer exists).
        """
        with self.db.atomic():
            correction = self.get(correction_id)
            if correction is None:
                return
            now = now_iso()
            self.db.execute(
                "UPDATE corrections SET state = 'done', result = ?, updated_at = ? WHERE id = ?",
                [result, now, correction_id],
            )
            if correction.action == "send" and message_id is not None:
                sent = SentPart(message_id, correction.digest, correction.kind, now)
                append_sent_part(self.db, correction.post_id, sent)
            else:
                self._mark_part(correction, result)

    def _mark_part(self, correction: Correction, result: str) -> None:
        """Record what an edit or a removal made of its message: the new digest, or removed."""
        sql = "SELECT message_ids, sent_parts FROM posts WHERE id = ?"
        row = next(self.db.query(sql, [correction.post_id]))
        ids = json.loads(row["message_ids"] or "[]")
        records = list(json.loads(row["sent_parts"] or "[]"))
        records += [{} for _ in range(len(ids) - len(records))]
        if correction.part >= len(records):
            return
        record = dict(records[correction.part])
        if correction.action == "remove" or result == "gone":
            record["removed"] = True
        else:
            record["digest"] = correction.digest
        records[correction.part] = record
        self.db.execute(
            "UPDATE posts SET sent_parts = ? WHERE id = ?",
            [json.dumps(records), correction.post_id],
        )

    def finish(self, correction_id: int, state: str, reason: str | None = None) -> None:
        """Set a correction's state (``failed``, ``uncertain``) with the reason."""
        self._update(
            "UPDATE corrections SET state = ?, reason = ?, updated_at = ? WHERE id = ?",
            [state, reason, now_iso(), correction_id],
        )

    def note(self, correction_id: int, reason: str) -> None:
        """Keep a reason on a correction without changing its state."""
        self._update(
            "UPDATE corrections SET reason = ?, updated_at = ? WHERE id = ?",
            [reason, now_iso(), correction_id],
        )

    def retry_later(self, correction_id: int, reason: str, not_before: str) -> None:
        """Put a correction back to ``pending`` until ``not_before`` (nothing reached Telegram)."""
        sending.retry_later(self.db, "corrections", correction_id, reason, not_before)

    def recover(self) -> int:
        """At start: corrections left ``sending`` by a process that died become ``uncertain``."""
        return sending.recover(self.db, "corrections", "the process stopped while correcting")

    def uncertain(self, limit: int | None = None) -> list[Correction]:
        """Uncertain corrections, oldest first (all of them, or the first ``limit``)."""
        return [_correction(row) for row in sending.uncertain(self.db, "corrections", limit)]

    def requeue(self, correction_id: int) -> bool:
        """An admin asks to make an uncertain correction again."""
        return sending.requeue(self.db, "corrections", correction_id)

    def mark_done(self, correction_id: int) -> bool:
        """An admin says an uncertain correction did reach the chat.

        One transaction: a process that dies half-way leaves the correction uncertain,
        still offered to the admins, not ``sending``.
        """
        with self.db.atomic():
            correction = self.get(correction_id)
            if correction is None or correction.state != "uncertain":
                return False
            claimed = self._update(
                "UPDATE corrections SET state = 'sending', updated_at = ? "
                "WHERE id = ? AND state = 'uncertain'",
                [now_iso(), correction_id],
            )
            if claimed != 1:
                return False
            result = {"edit": "edited", "remove": "removed", "send": "sent"}[correction.action]
            self.done(correction_id, f"{result} (marked by an admin)")
        return True

    def counts(self) -> dict[str, int]:
        """How many corrections are in each state."""
        sql = "SELECT state, count(*) AS n FROM corrections GROUP BY state"
        return {row["state"]: row["n"] for row in self.db.query(sql)}
