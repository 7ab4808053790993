"""newsbot run and newsbot sandbox as a user starts them: real processes, clear sentences."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from tgsandbox import BotApiEmulator

from .conftest import ROOT

WRONG_TOKEN = "654321:not-the-emulators-token-either"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(HF_HUB_OFFLINE="1", **extra)
    return env


def _newsbot(*args: str, cwd: Path, env: dict[str, str], timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_run_without_a_token_explains(tmp_path: Path) -> None:
    result = _newsbot("run", cwd=tmp_path, env=_env())
    assert result.returncode == 1
    assert "@BotFather" in result.stderr and "newsbot sandbox" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


async def test_run_with_a_refused_token_explains(tmp_path: Path) -> None:
    async with BotApiEmulator() as emulator:
        env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, TELEGRAM_API_URL=emulator.base_url)
        result = await asyncio.to_thread(_newsbot, "run", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "refused the bot token" in result.stderr
    assert "Traceback" not in result.stderr
    assert WRONG_TOKEN not in result.stderr + result.stdout


def test_sandbox_demo_answers_every_command() -> None:
    result = _newsbot("sandbox", "--demo", cwd=ROOT, env=_env(), timeout=180)
    assert result.returncode == 0, result.stderr
    assert "every one answered" in result.stdout
    for expected in ["#اوکراین", "— ترامپ، رئیس‌جمهور", "گام‌های آینده", "/help"]:
        assert expected in result.stdout
    assert "Traceback" not in result.stderr
    assert "sandbox-token" not in result.stdout + result.stderr


def test_run_with_a_bad_schedule_names_it(tmp_path: Path) -> None:
    env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, DIGEST_SCHEDULE="every 30s; 99 * * * *")
    result = _newsbot("run", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "DIGEST_SCHEDULE" in result.stderr and "'99 * * * *'" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_sandbox_console_reads_commands_and_button_numbers() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox"],
        input="/why\n1\n/post\n/quit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout
    assert "── you: /why" in out and "چرا اهمیت دارد" in out
    assert "── you pressed [1] خلاصه" in out and "── bot (edited) ──" in out
    assert "── channel @newsbot_sandbox ──" in out and "@newsbot_sandbox: sent" in out
