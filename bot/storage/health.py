"""Is the database file usable? Checked at start, and while running whether it is still there.

Each problem is one :class:`DatabaseProblem` line naming the path and what to do: a
read-only file or folder, a file that is not a SQLite database, damaged pages
(``PRAGMA quick_check``), or, while running, a database file deleted or replaced under
the open connection (:class:`FileIdentity`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The first bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: How many problems ``quick_check`` reports before it stops.
QUICK_CHECK_ROWS = 5
RESTORE = "restore it from a backup, or move it aside to start with an empty database"


class DatabaseProblem(ValueError):
    """The database cannot be used as it is; the message names the path and what to do."""


def connect_file(path: Path, *, write: bool = False) -> sqlite3.Connection:
    """A plain connection to the existing database file at ``path`` (read-only unless
    ``write``), for the checks: it never creates a file, and waits up to 30 s for a lock."""
    mode = "rw" if write else "ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)


def _quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check``'s complaints (none when the file is sound), read-only."""
    conn = connect_file(path)
    try:
        rows = conn.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()
    finally:
        conn.close()
    return complaint_lines(str(row[0]) for row in rows)


def complaint_lines(rows: Iterable[str]) -> list[str]:
    r"""The lines of SQLite's check results that say something is wrong.

    >>> complaint_lines(["ok"])
    []
    >>> complaint_lines(["*** in database main ***\nPage 29: bad\nPage 30: bad"])
    ['Page 29: bad', 'Page 30: bad']
    """
    return [
        line.strip()
        for row in rows
        for line in row.splitlines()
        if line.strip() and line.strip() != "ok" and not line.startswith("***")
    ]


def check_database(path: Path | str) -> None:
    """Raise :class:`DatabaseProblem` if newsbot cannot open, write or trust ``path``.

    A missing file is fine (it is created), as long as the nearest existing folder
    above it can be written.
    """
    path = Path(path)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise DatabaseProblem(f"the database folder {folder} is not a folder: set DATABASE_PATH "
                              "to a file in a folder")  # fmt: skip
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseProblem(
            f"the folder {folder} of the database {path} is read-only: newsbot writes the "
            "database and its -wal and -shm files there; make the folder writable, or set "
            "DATABASE_PATH to a writable place"
        )
    if not path.exists():
        return
    if not path.is_file():
        raise DatabaseProblem(f"the database {path} is not a file: set DATABASE_PATH to a file")
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseProblem(
            f"the database {path} is read-only: make it writable (chmod u+rw), "
            "or set DATABASE_PATH to a writable copy"
        )
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseProblem(
            f"{path} is not a SQLite database: set DATABASE_PATH to newsbot's database, "
            "or move that file aside to start with an empty one"
        )
    try:
        complaints = _quick_check(path)
    except sqlite3.DatabaseError as error:
        complaints = [str(error)]
    if complaints:
        raise DatabaseProblem(
            f"the database {path} is damaged ({complaints[0]}): {RESTORE} "
            "(newsbot doctor describes the damage)"
        )


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """Which file a path named when the database was opened (device and inode)."""

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path | str) -> FileIdentity:
        """The file ``path`` names now."""
        path = Path(path)
        stat = path.stat()
        return cls(path, stat.st_dev, stat.st_ino)

    def problem(self) -> str | None:
        """Why the open database is no longer the file at its path, or ``None`` if it is."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return (
                f"the database {self.path} was deleted while newsbot was running; newsbot "
                f"stops so that nothing is posted twice: {RESTORE}, then start it again"
            )
        except OSError as error:
            return f"the database {self.path} cannot be read ({error.strerror or error})"
        if (stat.st_dev, stat.st_ino) != (self.device, self.inode):
            return (
                f"the database {self.path} was replaced by another file while newsbot was "
                "running; newsbot stops so that nothing is posted twice: start it again to "
                "use the new file"
            )
        return None
