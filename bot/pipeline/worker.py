"""Ingest in a child process, so the serving bot never loads hazm's language data.

The child is ``newsbot ingest``: it parses, stores, prints one line per file, and
exits, giving its memory back. The bot reads from the same SQLite database.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.config import Settings


async def ingest_in_worker(
    settings: Settings, paths: list[Path], *, source: str | None = None
) -> list[str]:
    """Run ``newsbot ingest`` on ``paths``; its output and errors, one line each."""
    if not paths:
        return []
    command = [sys.executable, "-m", "bot", "ingest", *map(str, paths)]
    command += ["--database", str(settings.database_path)]
    if source:
        command += ["--source", source]
    env = dict(os.environ, MAX_ARTICLE_BYTES=str(settings.max_article_bytes), LOG_LEVEL="WARNING")
    child = await asyncio.create_subprocess_exec(
        *command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
        env=env,
    )
    out, err = await child.communicate()
    lines = out.decode("utf-8", "replace").splitlines()
    lines += err.decode("utf-8", "replace").splitlines()
    return [line.removeprefix("newsbot: ") for line in lines if line.strip()]
