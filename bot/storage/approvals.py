"""Approval before posting (DIGEST_APPROVAL): which version of each article may go out.

The posts of an article may go out (:data:`RELEASED`) unless an admin discarded this
version of it, and, while approval is on, only if an admin published this very version
(its content hash) or the article was last stored before approval was switched on. So
a new article, and a changed one (a new content hash), waits by itself, from the moment
it is stored, whoever stored it; switching approval on holds back nothing stored before.

One row per article reviewed: the version it is about, its state (``awaiting``,
``held``, ``approved`` or ``rejected``), who decided and when, and the messages with
its buttons that the admins were sent (to update them once someone decides). The
table belongs to the post log's migration set; this module reads and writes it and
the ``approval_since`` flag.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from bot.storage.migrations import POST_LOG, migrate
from bot.storage.sending import now_iso, update

ApprovalState = Literal["awaiting", "held", "approved", "rejected"]
#: States in which an article waits for a decision, and may still be published.
UNDECIDED: tuple[ApprovalState, ...] = ("awaiting", "held")
#: The flag holding when approval was switched on (UTC, ISO); absent while it is off.
SINCE_FLAG = "approval_since"

_SINCE = f"(SELECT value FROM flags WHERE key = '{SINCE_FLAG}')"
_THIS_VERSION = (
    "SELECT 1 FROM approvals WHERE approvals.article_id = articles.id "
    "AND approvals.content_hash = articles.content_hash AND approvals.state = "
)
#: SQL condition on a row of ``articles``: whether its posts may go out now.
RELEASED = (
    f"(NOT EXISTS ({_THIS_VERSION}'rejected') AND ({_SINCE} IS NULL "
    f"OR articles.updated_at < {_SINCE} OR EXISTS ({_THIS_VERSION}'approved')))"
)


@dataclass(frozen=True, slots=True)
class Prompt:
    """A message with the decision buttons, sent to an admin in their language."""

    chat_id: int
    message_id: int
    lang: str


@dataclass(frozen=True, slots=True)
class Review:
    """An article's approval: the version it is about and what was decided."""

    article_id: int
    content_hash: str
    state: ApprovalState
    #: The article's text now; a review of another version is out of date.
    current_hash: str
    #: Whether the article was stored again since it first came (a new version).
    changed: bool
    title: str
    decided_by: int | None = None
    decided_by_name: str | None = None
    decided_at: str | None = None
    offered: bool = False
    prompts: tuple[Prompt, ...] = ()

    @property
    def current(self) -> bool:
        """Whether the review is about the article as it is stored now."""
        return self.content_hash == self.current_hash

    @property
    def version(self) -> str:
        """A short mark of the version, for buttons."""
        return self.content_hash[:8]


def _prompts(stored: str | None) -> tuple[Prompt, ...]:
    return tuple(Prompt(*prompt) for prompt in json.loads(stored or "[]"))


def _review(row: dict[str, Any]) -> Review:
    return Review(
        article_id=row["article_id"],
        content_hash=row["content_hash"],
        state=row["state"],
        current_hash=row["current_hash"],
        changed=row["updated_at_article"] != row["ingested_at"],
        title=row["title"],
        decided_by=row["decided_by"],
        decided_by_name=row["decided_by_name"],
        decided_at=row["decided_at"],
        offered=row["offered_hash"] == row["content_hash"],
        prompts=_prompts(row["prompts"]),
    )


_SELECT = (
    "SELECT approvals.*, articles.content_hash AS current_hash, articles.title, "
    "articles.ingested_at, articles.updated_at AS updated_at_article "
    "FROM approvals JOIN articles ON articles.id = approvals.article_id"
)


class Approvals:
    """The approval of every article stored while DIGEST_APPROVAL is on."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db, POST_LOG)

    def _update(self, sql: str, params: list[Any]) -> int:
        return update(self.db, sql, params)

    # switching

    @property
    def since(self) -> str | None:
        """When approval was switched on; ``None`` while it is off."""
        row = next(self.db.query("SELECT value FROM flags WHERE key = ?", [SINCE_FLAG]), None)
        return row["value"] if row else None

    def switch(self, on: bool) -> None:
        """Follow DIGEST_APPROVAL at start: on from now (or from when it was switched on), or off.

        Switched off, every article not discarded may go out; switched on again, what was
        stored meanwhile stays out of review.
        """
        with self.db.atomic():
            if not on:
                self.db.execute("DELETE FROM flags WHERE key = ?", [SINCE_FLAG])
            else:
                self.db.execute(
                    "INSERT INTO flags (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                    [SINCE_FLAG, now_iso()],
                )

    # reviews

    def discover(self) -> list[tuple[int, tuple[Prompt, ...]]]:
        """Make an ``awaiting`` review of every article held back that has none for its text.

        A new article gets one; a changed one gets one for its new text (what was decided
        about the old text no longer counts). Returns each article's id with the button
        messages of the undecided version it replaces (their buttons decide nothing now).
        """
        since = self.since
        if since is None:
            return []
        now = now_iso()
        with self.db.atomic():
            rows = self.db.execute(
                "SELECT articles.id, articles.content_hash, CASE WHEN approvals.state IN "
                "('awaiting', 'held') THEN approvals.prompts END FROM articles "
                "LEFT JOIN approvals ON approvals.article_id = articles.id "
                "WHERE articles.updated_at >= ? AND (approvals.content_hash IS NULL OR "
                "approvals.content_hash != articles.content_hash)",
                [since],
            ).fetchall()
            self.db.conn.executemany(
                "INSERT INTO approvals (article_id, content_hash, state, prompts, created_at, "
                "updated_at) VALUES (?, ?, 'awaiting', '[]', ?, ?) ON CONFLICT(article_id) DO "
                "UPDATE SET content_hash = excluded.content_hash, state = 'awaiting', "
                "offered_hash = NULL, decided_by = NULL, decided_by_name = NULL, "
                "decided_at = NULL, prompts = '[]', updated_at = excluded.updated_at",
                [(article_id, digest, now, now) for article_id, digest, _ in rows],
            )
        return [(article_id, _prompts(old)) for article_id, _, old in rows]

    def get(self, article_id: int) -> Review | None:
        """The review of an article, if it has one."""
        row = next(self.db.query(f"{_SELECT} WHERE approvals.article_id = ?", [article_id]), None)
        return _review(row) if row else None

    def to_offer(self) -> list[Review]:
        """Awaiting reviews of the current text whose preview the admins have not been sent."""
        sql = (
            f"{_SELECT} WHERE approvals.state = 'awaiting' AND approvals.content_hash = "
            "articles.content_hash AND approvals.offered_hash IS NOT approvals.content_hash "
            "ORDER BY articles.ingested_at, articles.id"
        )
        return [_review(row) for row in self.db.query(sql)]

    def waiting(self) -> list[Review]:
        """Reviews of the current text still undecided (awaiting or held), oldest first."""
        if self.since is None:
            return []
        sql = (
            f"{_SELECT} WHERE approvals.state IN ('awaiting', 'held') AND "
            "approvals.content_hash = articles.content_hash ORDER BY articles.ingested_at, "
            "articles.id"
        )
        return [_review(row) for row in self.db.query(sql)]

    def offered(self, article_id: int, content_hash: str, prompts: list[Prompt]) -> None:
        """The admins were sent the preview of this version, with these button messages."""
        self._add_prompts(article_id, content_hash, prompts, "offered_hash = content_hash, ")

    def add_prompt(self, article_id: int, content_hash: str, prompt: Prompt) -> None:
        """An admin was sent the buttons again (``/preview``)."""
        self._add_prompts(article_id, content_hash, [prompt], "")

    def _add_prompts(
        self, article_id: int, content_hash: str, prompts: list[Prompt], also: str
    ) -> None:
        with self.db.atomic():
            row = next(
                self.db.query(
                    "SELECT prompts FROM approvals WHERE article_id = ? AND content_hash = ?",
                    [article_id, content_hash],
                ),
                None,
            )
            if row is None:
                return
            kept = json.loads(row["prompts"] or "[]")
            kept += [[p.chat_id, p.message_id, p.lang] for p in prompts]
            self.db.execute(
                f"UPDATE approvals SET {also}prompts = ?, updated_at = ? "
                "WHERE article_id = ? AND content_hash = ?",
                [json.dumps(kept), now_iso(), article_id, content_hash],
            )

    def decide(
        self, article_id: int, content_hash: str, state: ApprovalState, user_id: int, name: str
    ) -> bool:
        """Record an admin's decision on this version; ``False`` if it is no longer open.

        Publishing and discarding close the review; holding keeps it open (it can still be
        published or discarded), and an article already held cannot be held again. The
        update is conditional, so of two admins pressing at once one decides.
        """
        allowed = UNDECIDED if state in ("approved", "rejected") else ("awaiting",)
        marks = ", ".join("?" for _ in allowed)
        return (
            self._update(
                "UPDATE approvals SET state = ?, decided_by = ?, decided_by_name = ?, "
                "decided_at = ?, updated_at = ? WHERE article_id = ? AND content_hash = ? "
                f"AND state IN ({marks}) AND content_hash = "
                "(SELECT content_hash FROM articles WHERE id = approvals.article_id)",
                [state, user_id, name, now_iso(), now_iso(), article_id, content_hash, *allowed],
            )
            == 1
        )

    def released(self, article_id: int) -> bool:
        """Whether the article's posts may go out now (see :data:`RELEASED`)."""
        sql = f"SELECT {RELEASED} AS released FROM articles WHERE id = ?"
        row = next(self.db.query(sql, [article_id]), None)
        return bool(row and row["released"])
