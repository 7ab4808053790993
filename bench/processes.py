"""Bots as separate processes against an in-process emulator, as in production."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from common import ROOT
from tgsandbox import BotApiEmulator


def bot_env(
    emulator: BotApiEmulator, folder: Path, database: Path | None, **extra: str
) -> dict[str, str]:
    """Environment for a bot process pointed at the emulator, with a copy of ``database``."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DIGEST_"))}
    env.update(
        HF_HUB_OFFLINE="1",
        TELEGRAM_BOT_TOKEN=emulator.token,
        TELEGRAM_API_URL=emulator.base_url,
        CONTENT_DIR=str(content),
        LOG_LEVEL="WARNING",
        **extra,
    )
    if database is not None:
        copy = folder / "bench.sqlite"
        for stale in folder.glob(f"{copy.name}-*"):  # a journal left by another database
            stale.unlink()
        shutil.copy(database, copy)
        env["DATABASE_PATH"] = str(copy)
    return env


def first_poll(emulator: BotApiEmulator, since: float) -> float | None:
    """When the first getUpdates that arrived after ``since`` (time.time()) arrived."""
    arrivals = emulator.core.requests.arrivals
    times = [when for when, method in arrivals if method == "getupdates" and when >= since]
    return min(times) if times else None


async def wait_for_poll(emulator: BotApiEmulator, since: float, timeout: float = 60) -> float:
    """Wait until a bot polls after ``since``; when its first getUpdates arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        polled = first_poll(emulator, since)
        if polled is not None:
            return polled
        await asyncio.sleep(0.01)
    raise TimeoutError("the bot never polled")


@asynccontextmanager
async def bot_process(
    emulator: BotApiEmulator, env: dict[str, str], *command: str
) -> AsyncIterator[asyncio.subprocess.Process]:
    """A bot process (``newsbot run`` by default), polling when the block starts."""
    since = time.time()
    argv = command or ("-m", "bot", "run")
    process = await asyncio.create_subprocess_exec(
        sys.executable, *argv, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await wait_for_poll(emulator, since)
        yield process
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()
