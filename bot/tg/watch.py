"""While the bot runs, is its database still the file at DATABASE_PATH?

A database deleted (or replaced) under the running bot would leave it writing to a
file no one can see, while the ingest worker creates a new one at the path, and the
next start would find an empty post log and post everything again. So the bot checks
every :data:`WATCH_SECONDS`, and before each content re-scan; when the file is gone it
logs one error, tells the admins, and stops cleanly; ``newsbot run`` then exits 1 with
the same line.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from telegram.ext import Application, ContextTypes

from bot.storage.health import FileIdentity

log = logging.getLogger(__name__)

#: ``bot_data`` keys: the open database's file, and why the bot stopped (if it did).
IDENTITY = "database_file"
STOPPED = "stopped_because"
WATCH_SECONDS = 5.0

Notify = Callable[[Application, str], Awaitable[None]]


def remember_database(application: Application, path: Path) -> None:
    """Note which file ``path`` names now, just after the database was opened."""
    if str(path) != ":memory:" and path.is_file():
        application.bot_data[IDENTITY] = FileIdentity.of(path)


def database_problem(application: Application) -> str | None:
    """Why the open database is no longer the file at its path, or ``None``."""
    identity = application.bot_data.get(IDENTITY)
    return identity.problem() if isinstance(identity, FileIdentity) else None


async def stop_if_gone(application: Application, notify: Notify) -> str | None:
    """If the database file is gone: log, tell the admins, stop the bot; the problem."""
    problem = database_problem(application)
    if problem is None or application.bot_data.get(STOPPED):
        return problem
    application.bot_data[STOPPED] = problem
    log.error("%s", problem)
    await notify(application, html.escape(problem))
    application.stop_running()
    return problem


def watch_database(application: Application, notify: Notify) -> None:
    """Check the database file every :data:`WATCH_SECONDS` while the bot runs."""
    if application.job_queue is None or IDENTITY not in application.bot_data:
        return

    async def check(context: ContextTypes.DEFAULT_TYPE) -> None:
        await stop_if_gone(context.application, notify)

    application.job_queue.run_repeating(
        check, WATCH_SECONDS, first=WATCH_SECONDS, name="database file",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )  # fmt: skip
