"""One serving process per database: an exclusive lock held for the process's life.

The lock is ``flock`` on a file beside the database (``<database>.lock``), which holds
the owner's process id. The operating system drops it when the process ends, however
it ends, so a SIGKILL never leaves a stale lock. Only the serving bot takes it: the
ingest worker it starts writes to the same database without it.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from pathlib import Path


class DatabaseBusy(ValueError):
    """Another process holds the database's lock; the message names the file and its id."""


def lock_path(database: Path) -> Path:
    """The lock file of ``database``: beside it, with ``.lock`` added.

    >>> lock_path(Path("data/newsbot.db"))
    PosixPath('data/newsbot.db.lock')
    """
    return database.with_name(database.name + ".lock")


@dataclass
class DatabaseLock:
    """A held lock; :meth:`release` gives it back (the process's end does too)."""

    database: Path
    fd: int

    def release(self) -> None:
        """Unlock and close the lock file (the file stays, naming no one)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
            _held.pop(_key(self.database), None)


#: The locks this process holds, by the database's resolved path.
_held: dict[Path, DatabaseLock] = {}


def _key(database: Path) -> Path:
    return database.expanduser().resolve()


def _owner(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 32).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


def hold(database: Path | str) -> DatabaseLock:
    """Take ``database``'s lock for this process, or raise :class:`DatabaseBusy` at once.

    Taking a lock this process already holds returns it again.
    """
    database = Path(database)
    key = _key(database)
    if key in _held:
        return _held[key]
    path = lock_path(database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise DatabaseBusy(
            f"cannot create the lock file {path} ({error.strerror or error}): make its "
            "folder writable, or set DATABASE_PATH to a writable place"
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        owner = _owner(fd)
        os.close(fd)
        raise DatabaseBusy(
            f"the database {database} is in use by another newsbot (process {owner}); "
            "stop that one first, or give this one its own DATABASE_PATH"
        ) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    lock = DatabaseLock(database, fd)
    _held[key] = lock
    return lock
