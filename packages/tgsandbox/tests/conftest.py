"""Hypothesis without per-example deadlines: timing belongs to the benchmarks, and the
tests share two cores with another worker."""

from collections.abc import AsyncIterator

import httpx
import pytest
from hypothesis import settings
from tgsandbox import BotApiEmulator

settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    """An emulator on a free loopback port, lenient about polling (tests poll by hand)."""
    async with BotApiEmulator(strict_polling=False) as running:
        yield running


@pytest.fixture
async def client(emulator: BotApiEmulator) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose base URL is the emulator's bot URL."""
    async with httpx.AsyncClient(base_url=f"{emulator.base_url}{emulator.token}/") as http:
        yield http
