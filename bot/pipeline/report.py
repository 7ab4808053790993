"""What ingesting did to each file, as data: JSON lines for programs, lines for people.

``newsbot ingest`` prints one :class:`FileReport` per file, as a human line or, with
``--jsonl``, as one JSON object; the ingest worker reads the JSON back into the same
dataclass, so the bot never parses human text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.pipeline.ingest import FileResult
from bot.storage.articles import file_name_of

FileStatus = Literal["new", "updated", "unchanged", "duplicate", "failed"]
STATUSES: tuple[str, ...] = get_args(FileStatus)
#: The keys of one JSON line, in the order they are written: ``photo`` names the article's
#: photo, ``photo_error`` says why the image beside the file was refused.
JSON_KEYS = (
    "path", "status", "article_id", "title", "sections", "reason", "original", "photo",
    "photo_error",
)  # fmt: skip
#: Keys a line may leave out: their value is then null.
OPTIONAL_KEYS = frozenset({"original", "photo", "photo_error"})


@dataclass(frozen=True, slots=True)
class FileReport:
    """One file's outcome: stored (id, title, section count) or failed (the one-line reason).

    A ``duplicate`` names the article already stored with the same text (``article_id``)
    and the source it came from (``original``); the file itself stored nothing.
    """

    path: str
    status: FileStatus
    article_id: int | None = None
    title: str | None = None
    sections: int | None = None
    reason: str | None = None
    original: str | None = None
    photo: str | None = None
    photo_error: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the file was refused."""
        return self.status == "failed"

    @classmethod
    def of(cls, result: FileResult) -> FileReport:
        """The report of one :func:`~bot.pipeline.ingest.ingest_paths` result."""
        path = str(result.path)
        if result.error is not None or result.article is None or result.status is None:
            return cls(path, "failed", reason=result.error or f"{path}: was not stored")
        article = result.article
        original = result.original if result.status == "duplicate" else None
        return cls(
            path, result.status, result.article_id, article.title, len(article.sections),
            original=original, photo=result.photo, photo_error=result.photo_error,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON object (every key of :data:`JSON_KEYS`, nulls included)."""
        return {key: getattr(self, key) for key in JSON_KEYS}

    @classmethod
    def from_json(cls, data: object) -> FileReport:
        """Read back :meth:`to_json`; ``ValueError`` says what is wrong with ``data``.

        >>> FileReport.from_json({"path": "a.txt", "status": "failed", "article_id": None,
        ...     "title": None, "sections": None, "reason": "a.txt: is empty"}).reason
        'a.txt: is empty'
        """
        if not isinstance(data, dict):
            raise ValueError(f"a file report is a JSON object, not {type(data).__name__}")
        missing = [key for key in JSON_KEYS if key not in data and key not in OPTIONAL_KEYS]
        if missing:
            raise ValueError(f"a file report needs the keys {', '.join(missing)}")
        path, status, reason = data["path"], data["status"], data["reason"]
        article_id, title, sections = data["article_id"], data["title"], data["sections"]
        original = data.get("original")
        if not isinstance(path, str) or not path:
            raise ValueError("a file report's path is a non-empty string")
        if status not in STATUSES:
            raise ValueError(f"a file report's status is one of {', '.join(STATUSES)}: {status!r}")
        if status == "failed":
            if not isinstance(reason, str) or not reason:
                raise ValueError("a failed file's report gives its reason as a string")
            if (article_id, title, sections, original) != (None, None, None, None):
                raise ValueError(
                    "a failed file's report has no article id, title, sections or original"
                )
            return cls(path, "failed", reason=reason)
        if reason is not None:
            raise ValueError(f"a {status} file's report has no reason")
        photo, photo_error = data.get("photo"), data.get("photo_error")
        if not all(value is None or isinstance(value, str) for value in (photo, photo_error)):
            raise ValueError("a file report's photo and photo error are strings or null")
        if status == "duplicate" and (not isinstance(original, str) or not original):
            raise ValueError("a duplicate file's report names the original's source")
        if status != "duplicate" and original is not None:
            raise ValueError(f"a {status} file's report has no original")
        if not _is_int(article_id) or not isinstance(title, str) or not _is_int(sections):
            raise ValueError(
                f"a {status} file's report gives an integer article id, a title and an "
                "integer section count"
            )
        if article_id < 1 or sections < 0:
            raise ValueError(
                "a file report's article id is positive and its section count not negative"
            )
        return cls(path, status, article_id, title, sections, None, original, photo, photo_error)

    def line(self) -> str:
        """The human line of ``newsbot ingest``: a stored file's status, or the reason it failed."""
        if self.failed:
            return self.reason or self.path
        sections = self.sections or 0
        photo = f", photo {self.photo}" if self.photo else ""
        line = (
            f"{self.status:<9} #{self.article_id} {self.title}"
            f" ({sections} section{'s' if sections != 1 else ''}{photo}) ← {self.path}"
        )
        if self.status == "duplicate" and self.original:
            line += f" (same text as {file_name_of(self.original)}: nothing new stored)"
        return line


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def summary_line(reports: Iterable[FileReport]) -> str:
    """The closing line of ``newsbot ingest``: how many files, and what happened to them.

    Duplicates are counted only when there are some.

    >>> summary_line([FileReport("a.txt", "new", 1, "A", 2)])
    '1 file: 1 new, 0 updated, 0 unchanged, 0 failed'
    """
    counts = dict.fromkeys(STATUSES, 0)
    for report in reports:
        counts[report.status] += 1
    total = sum(counts.values())
    duplicates = f", {counts['duplicate']} duplicate" if counts["duplicate"] else ""
    return (
        f"{total} file{'s' if total != 1 else ''}: {counts['new']} new, {counts['updated']} "
        f"updated, {counts['unchanged']} unchanged{duplicates}, {counts['failed']} failed"
    )


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did: a report per file, and why the run broke off, if it did."""

    files: tuple[FileReport, ...] = ()
    #: One line saying why the worker failed (died, printed something else, could not start).
    error: str | None = None

    @property
    def stored(self) -> tuple[FileReport, ...]:
        """The files that are in the database (new, updated or unchanged)."""
        return tuple(report for report in self.files if not report.failed)

    @property
    def failed(self) -> tuple[FileReport, ...]:
        """The files that were refused."""
        return tuple(report for report in self.files if report.failed)

    @property
    def photo_errors(self) -> tuple[str, ...]:
        """One line for each image beside a stored file that was refused as its photo."""
        return tuple(report.photo_error for report in self.files if report.photo_error)
