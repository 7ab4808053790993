"""Ingest article files: load → normalise → parse → store, one result per file."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from bot.article import Article, parse_article
from bot.pipeline.images import ImageError, check_image, read_image_bytes
from bot.pipeline.load import (
    DEFAULT_MAX_BYTES,
    LoadError,
    article_paths,
    photo_beside,
    read_article,
)
from bot.storage.articles import IngestStatus, Store
from bot.storage.photos import Photos, StoredPhoto
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
    #: The name of the article's photo after this run, if it has one.
    photo: str | None = None
    #: Why the image beside the file was refused, in one line naming it.
    photo_error: str | None = None
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
    The image beside each file becomes (or stops being) its photo (:func:`sync_photo`).
    """
    photos = Photos(store.db)
    listings: dict[Path, dict[str, Path]] = {}
    for path in article_paths(paths):
        key = source or source_name(path)
        try:
            text = read_article(path, max_bytes)
            stored = store.unchanged(key, text)
            if stored is not None:
                photo, problem = sync_photo(photos, stored.id, path, listings)
                yield FileResult(path, "unchanged", stored.id, stored.article, None, photo, problem)
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
        photo, problem = sync_photo(photos, result.id, path, listings)
        yield FileResult(path, result.status, result.id, article, None, photo, problem,
                         original=result.original)  # fmt: skip


PhotoAction = Literal["keep", "take", "drop"]


def photo_action(
    current: StoredPhoto | None,
    image: str | None,
    sha256: str | None = None,
    modified: datetime | None = None,
) -> PhotoAction:
    """What the image beside a file does to its article's photo.

    ``image`` is the image's name (``None``: there is none), ``sha256`` its hash and
    ``modified`` when it was last changed. The image beside mirrors a photo that came
    from a file: taken when new or changed, dropped when gone. A photo an admin sent is
    replaced only by an image changed after the admin sent it, and stays when the
    image beside is removed.
    """
    if image is None:
        return "drop" if current is not None and current.origin == "file" else "keep"
    if current is not None and current.sha256 == sha256:
        return "keep"
    if current is not None and current.origin == "admin":
        return "take" if modified is not None and modified > current.added_at else "keep"
    return "take"


def _image_facts(image: Path, shot: os.stat_result | None = None) -> tuple[bytes, str, datetime]:
    """The bytes, hash and modification time of an image (``shot``: its stat, if the
    caller has it); :class:`ImageError` if unreadable."""
    try:
        if shot is None:
            shot = image.stat()
    except OSError as error:
        raise ImageError(image.name, f"cannot be read ({error.strerror})") from None
    data = read_image_bytes(image, shot.st_size)
    return data, hashlib.sha256(data).hexdigest(), datetime.fromtimestamp(shot.st_mtime, UTC)


def sync_photo(
    photos: Photos,
    article_id: int,
    path: Path,
    listings: dict[Path, dict[str, Path]] | None = None,
) -> tuple[str | None, str | None]:
    """Make the image beside ``path`` its article's photo (see :func:`photo_action`).

    Returns the name of the article's photo afterwards (or ``None``) and, when the image
    beside was refused, one line that names it, says why and what the article gets.
    """
    image = photo_beside(path, listings)
    current = photos.get(article_id, with_data=False)
    problem = None
    if image is None:
        action = photo_action(current, None)
    else:
        try:
            data, sha, modified = _image_facts(image)
            action = photo_action(current, image.name, sha, modified)
            if action == "take":
                photos.put(article_id, check_image(data, image.name, sha), "file", image.name)
                return image.name, None
        except ImageError as error:
            problem = str(error)
            action = photo_action(current, None)
    if action == "drop":
        photos.forget(article_id)
        current = None
    name = (current.name or "photo") if current is not None else None
    if problem is not None:
        keeps = "keeps the photo an admin sent" if current else "goes out without a photo"
        problem = f"photo refused: {problem}; the article {keeps}"
    return name, problem


def changed_files(
    store: Store, folder: Path, seen: dict[Path, tuple[object, ...]], max_bytes: int
) -> list[Path]:
    """Files of ``folder`` that are new or edited since stored (or unreadable), or whose
    image beside would change their photo.

    A file already found to repeat another article, and unchanged since, is not.

    ``seen`` remembers each file's (and its image's) modification time and size between
    calls, so an untouched file is not read again.
    """
    changed = []
    photos = Photos(store.db)
    listings: dict[Path, dict[str, Path]] = {}
    for path in article_paths([folder]):
        image = photo_beside(path, listings)
        try:
            stat = path.stat()
            shot = image.stat() if image is not None else None
        except OSError:
            continue
        signature: tuple[object, ...] = (stat.st_mtime_ns, stat.st_size)
        if image is not None and shot is not None:
            signature += (image.name, shot.st_mtime_ns, shot.st_size)
        if seen.get(path) == signature:
            continue
        seen[path] = signature
        try:
            text = read_article(path, max_bytes)
        except LoadError:
            changed.append(path)
            continue
        key = source_name(path)
        stored = store.unchanged(key, text)
        if stored is None:
            if store.duplicate_of(key, text) is None:
                changed.append(path)
        elif _photo_changes(photos, stored.id, image, shot):
            changed.append(path)
    return changed


def _photo_changes(
    photos: Photos, article_id: int, image: Path | None, shot: os.stat_result | None
) -> bool:
    current = photos.get(article_id, with_data=False)
    if image is None:
        return photo_action(current, None) != "keep"
    try:
        _, sha, modified = _image_facts(image, shot)
    except ImageError:
        return True
    return photo_action(current, image.name, sha, modified) != "keep"
