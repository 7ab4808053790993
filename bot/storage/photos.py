"""The photo store: each article's photo, its bytes and the Telegram file_id once uploaded.

An article has at most one photo, from the image beside its file (``origin`` "file") or
sent by an admin (``origin`` "admin"). The bytes are kept so that the photo can be
uploaded again whenever Telegram no longer knows its ``file_id``; the ``file_id`` of
the first successful upload is reused for every later chat and subscriber. A photo
goes with its article (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlite_utils import Database

from bot.storage.migrations import PHOTOS, migrate
from bot.storage.sending import now_iso

Origin = Literal["file", "admin"]
ORIGINS: tuple[str, ...] = ("file", "admin")


@dataclass(frozen=True, slots=True)
class PhotoData:
    """A checked image: its bytes, format (``JPEG``, ``PNG``, ``WEBP``) and size in pixels.

    ``sha256`` is the hex SHA-256 of the bytes: computed once here unless the caller,
    having hashed them already, gives it.
    """

    data: bytes
    format: str
    width: int
    height: int
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True, slots=True)
class PhotoRef:
    """Which photo a message carries: the article's, with these bytes (by hash)."""

    article_id: int
    sha256: str


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    """An article's photo as stored (the bytes are read only by :meth:`Photos.get`)."""

    article_id: int
    format: str
    width: int
    height: int
    sha256: str
    file_id: str | None
    origin: str
    name: str | None
    added_at: datetime
    data: bytes = b""

    @property
    def ref(self) -> PhotoRef:
        """The reference a message carries."""
        return PhotoRef(self.article_id, self.sha256)

    @property
    def filename(self) -> str:
        """A file name for an upload: the article id and the format's usual suffix."""
        suffix = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}.get(self.format, "jpg")
        return f"article-{self.article_id}.{suffix}"


_COLUMNS = "article_id, format, width, height, sha256, file_id, origin, name, added_at"


def _photo(row: dict[str, Any]) -> StoredPhoto:
    return StoredPhoto(
        article_id=row["article_id"],
        format=row["format"],
        width=row["width"],
        height=row["height"],
        sha256=row["sha256"],
        file_id=row["file_id"],
        origin=row["origin"],
        name=row["name"],
        added_at=datetime.fromisoformat(row["added_at"]),
        data=row.get("data") or b"",
    )


class Photos:
    """Articles' photos in the store's database; the table is migrated when constructed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        migrate(db, PHOTOS)

    def put(
        self,
        article_id: int,
        photo: PhotoData,
        origin: Origin,
        name: str | None = None,
        file_id: str | None = None,
    ) -> bool:
        """Give an article this photo; ``False`` when it already had exactly these bytes.

        A photo with other bytes replaces the old one and forgets its ``file_id`` (unless
        ``file_id`` is given: a photo Telegram already has, such as one an admin sent).
        The same bytes again only update where they came from.
        """
        if origin not in ORIGINS:
            raise ValueError(f"a photo comes from one of {', '.join(ORIGINS)}, not {origin!r}")
        current = self.get(article_id, with_data=False)
        now = now_iso()
        with self.db.atomic():
            if current is not None and current.sha256 == photo.sha256:
                self.db.execute(
                    "UPDATE photos SET origin = ?, name = ?, file_id = coalesce(file_id, ?) "
                    "WHERE article_id = ?",
                    [origin, name, file_id, article_id],
                )
                return False
            values = [article_id, photo.format, photo.width, photo.height, photo.sha256,
                      file_id, origin, name, now, photo.data]  # fmt: skip
            self.db.execute(
                f"INSERT OR REPLACE INTO photos ({_COLUMNS}, data) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        return True

    def get(self, article_id: int, *, with_data: bool = True) -> StoredPhoto | None:
        """An article's photo (with its bytes, unless ``with_data`` is false)."""
        columns = f"{_COLUMNS}, data" if with_data else _COLUMNS
        sql = f"SELECT {columns} FROM photos WHERE article_id = ?"
        row = next(self.db.query(sql, [article_id]), None)
        return _photo(row) if row else None

    def ref(self, article_id: int) -> PhotoRef | None:
        """The reference to an article's photo, if it has one (its bytes are not read)."""
        row = next(
            self.db.query("SELECT sha256 FROM photos WHERE article_id = ?", [article_id]), None
        )
        return PhotoRef(article_id, row["sha256"]) if row else None

    def file_id(self, ref: PhotoRef) -> str | None:
        """The Telegram file_id of exactly this photo, once uploaded."""
        row = next(
            self.db.query(
                "SELECT file_id FROM photos WHERE article_id = ? AND sha256 = ?",
                [ref.article_id, ref.sha256],
            ),
            None,
        )
        return row["file_id"] if row else None

    def remember_file_id(self, ref: PhotoRef, file_id: str) -> bool:
        """Keep the file_id of an upload of this photo; ``False`` if the photo changed since."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE photos SET file_id = ? WHERE article_id = ? AND sha256 = ?",
                [file_id, ref.article_id, ref.sha256],
            )
        return cursor.rowcount == 1

    def forget_file_id(self, ref: PhotoRef, file_id: str) -> None:
        """Telegram refused ``file_id``: the next send uploads the bytes again."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE photos SET file_id = NULL WHERE article_id = ? AND sha256 = ? "
                "AND file_id = ?",
                [ref.article_id, ref.sha256, file_id],
            )

    def forget(self, article_id: int) -> bool:
        """An article no longer has a photo; ``False`` if it had none."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM photos WHERE article_id = ?", [article_id])
        return cursor.rowcount > 0
