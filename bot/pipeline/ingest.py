"""Ingest article files: load → normalise → parse → store, one result per file."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.article import Article, parse_article
from bot.pipeline.load import DEFAULT_MAX_BYTES, LoadError, article_paths, read_article
from bot.storage.articles import IngestStatus, Store
from bot.text import TextNormalizer

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file: stored (with its status) or refused (with why)."""

    path: Path
    status: IngestStatus | None = None
    article_id: int | None = None
    article: Article | None = None
    error: str | None = None
    #: For a ``duplicate``: the source of the article it repeats (``article_id``).
    original: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was stored (or already was)."""
        return self.error is None


def source_name(path: Path) -> str:
    """The stable source key of a file: its resolved path."""
    return str(path.resolve())


def parse_file(
    path: Path, *, normalizer: TextNormalizer | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str, Article]:
    """Read and parse one file; raises :class:`LoadError` naming it when it is refused."""
    text = read_article(path, max_bytes)
    article = parse_article(text, normalizer=normalizer)
    if not article.title:
        raise LoadError(path, "has no title line")
    return text, article


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    normalizer: TextNormalizer | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    source: str | None = None,
) -> Iterator[FileResult]:
    """Ingest files and folders; a bad file yields an error and the rest go on.

    A file whose text is unchanged since it was stored is not parsed again. ``source``
    stores a single file under another name than its path (a document from Telegram).
    """
    for path in article_paths(paths):
        key = source or source_name(path)
        try:
            text = read_article(path, max_bytes)
            stored = store.unchanged(key, text)
            if stored is not None:
                yield FileResult(path, "unchanged", stored.id, stored.article)
                continue
            repeated = store.duplicate_of(key, text)
            if repeated is not None:
                yield FileResult(path, "duplicate", repeated.id, repeated.article,
                                 original=repeated.source)  # fmt: skip
                continue
            article = parse_article(text, normalizer=normalizer)
            if not article.title:
                raise LoadError(path, "has no title line")
        except LoadError as error:
            yield FileResult(path, error=str(error))
            continue
        except Exception as error:  # one broken article must not stop the others
            log.exception("parsing %s failed", path)
            yield FileResult(path, error=f"{path}: could not be parsed ({error!r})")
            continue
        result = store.ingest(article, key, text)
        yield FileResult(path, result.status, result.id, article, original=result.original)


def changed_files(
    store: Store, folder: Path, seen: dict[Path, tuple[int, int]], max_bytes: int
) -> list[Path]:
    """Files of ``folder`` that are new or edited since stored (or unreadable).

    A file already found to repeat another article, and unchanged since, is not.

    ``seen`` remembers each file's modification time and size between calls, so an
    untouched file is not read again.
    """
    changed = []
    for path in article_paths([folder]):
        try:
            stat = path.stat()
        except OSError:
            continue
        signature = (stat.st_mtime_ns, stat.st_size)
        if seen.get(path) == signature:
            continue
        seen[path] = signature
        try:
            text = read_article(path, max_bytes)
        except LoadError:
            changed.append(path)
            continue
        key = source_name(path)
        if store.unchanged(key, text) is None and store.duplicate_of(key, text) is None:
            changed.append(path)
    return changed
