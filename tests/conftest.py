"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")

# No per-example deadlines: timing belongs to the benchmarks, and the tests share two
# cores with another worker.
settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "us-ukraine-miami-peace-talks.txt"
FAKE_TOKEN = "123456:sandbox-token-not-a-real-one"


def clean_environment(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """No real token or setting of the developer's in the environment; ``folder`` as cwd."""
    for name in list(os.environ):
        if name.startswith("TELEGRAM_") or name in {
            "DATABASE_PATH", "CONTENT_DIR", "DIGEST_CHATS", "DIGEST_SCHEDULE", "ADMIN_IDS",
            "CHANNEL_SIGNATURE", "LINK_PREVIEWS",
        }:  # fmt: skip
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(folder)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never see a real token or the developer's .env."""
    clean_environment(monkeypatch, tmp_path)


@pytest.fixture(scope="session")
def normalizer():
    """One text normaliser for the whole run (hazm's data loads once)."""
    from bot.text import default_normalizer

    return default_normalizer()
