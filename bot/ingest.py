"""Ingest article files: load → normalise → parse → store, one result per file."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.article import Article, parse_article
from bot.config import Settings
from bot.load import DEFAULT_MAX_BYTES, LoadError, article_paths, read_article
from bot.store import IngestStatus, Store
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


def ingest_text(
    store: Store, text: str, source: str, *, normalizer: TextNormalizer | None = None
) -> FileResult:
    """Parse already-decoded text (a document sent to the bot) and store it."""
    article = parse_article(text, normalizer=normalizer)
    if not article.title:
        return FileResult(Path(source), error=f"{source}: has no title line")
    result = store.ingest(article, source, text)
    return FileResult(Path(source), result.status, result.id, article)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    normalizer: TextNormalizer | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[FileResult]:
    """Ingest files and folders; a bad file yields an error and the rest go on."""
    for path in article_paths(paths):
        try:
            text, article = parse_file(path, normalizer=normalizer, max_bytes=max_bytes)
        except LoadError as error:
            yield FileResult(path, error=str(error))
            continue
        except Exception as error:  # one broken article must not stop the others
            log.exception("parsing %s failed", path)
            yield FileResult(path, error=f"{path}: could not be parsed ({error!r})")
            continue
        result = store.ingest(article, source_name(path), text)
        yield FileResult(path, result.status, result.id, article)


def ingest_folder(settings: Settings) -> list[str]:
    """Ingest the content folder with a connection of its own; return one line per file."""
    if not settings.content_dir.exists():
        return [f"content folder {settings.content_dir} does not exist"]
    store = Store.open(settings.database_path)
    lines = []
    try:
        for result in ingest_paths(
            store, [settings.content_dir], max_bytes=settings.max_article_bytes
        ):
            if result.error:
                lines.append(result.error)
            elif result.status != "unchanged" and result.article is not None:
                lines.append(f"{result.status}: {result.article.title} ← {result.path}")
    finally:
        store.close()
    return lines
