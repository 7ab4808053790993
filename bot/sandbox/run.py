"""``newsbot sandbox``: the emulator, the real bot against it, and a console chat."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr

from bot.config import Settings
from bot.sandbox.console import ConsoleChat
from bot.sandbox.emulator import BotApiEmulator

#: The scripted tour of ``--demo``: every reader command and one button press.
DEMO_SCRIPT = (
    "/start", "/help", "/summary", "/why", "/latest", "/background", "/next", "/quotes",
    "/sections", "1", "/articles", "/search اوکراین", "/summary میامی", "/nosuchcommand",
)  # fmt: skip
READER_ID = 1001


def sandbox_settings(settings: Settings, emulator: BotApiEmulator, folder: Path) -> Settings:
    """The settings pointed at the emulator, with a fresh database in ``folder``."""
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(emulator.token),
            "telegram_api_url": emulator.base_url,
            "telegram_proxy_url": None,
            "database_path": folder / "sandbox.db",
            "admin_ids": [READER_ID],
        }
    )


async def run_sandbox(
    settings: Settings,
    *,
    demo: bool = False,
    lang: str = "fa",
    out: TextIO | None = None,
    stdin: TextIO | None = None,
    color: bool | None = None,
) -> int:
    """Run the sandbox; with ``demo`` play the scripted tour. Returns the exit status."""
    from bot.tg.app import build_application, running

    out = out or sys.stdout
    color = out.isatty() if color is None else color
    async with BotApiEmulator(strict_polling=False) as emulator:
        emulator.add_user(READER_ID, "خواننده", language_code=lang)
        with tempfile.TemporaryDirectory(prefix="newsbot-sandbox-") as folder:
            local = sandbox_settings(settings, emulator, Path(folder))
            application = build_application(local)
            console = ConsoleChat(emulator, READER_ID, out=out, color=color)
            out.write(
                f"newsbot sandbox: Bot API emulator at {emulator.url}, "
                f"bot @{emulator.username}, articles from {local.content_dir}/\n\n"
            )
            try:
                async with running(application, poll_timeout=1):
                    if demo:
                        return await _demo(console)
                    await console.interact(stdin or sys.stdin)
            finally:
                console.close()
    return 0


async def _demo(console: ConsoleChat) -> int:
    unanswered = []
    for line in DEMO_SCRIPT:
        console.say(line)
        if not await console.settle():
            unanswered.append(line)
    if unanswered:
        console.out.write(f"no answer to: {', '.join(unanswered)}\n")
        return 1
    console.out.write(f"demo done: {len(DEMO_SCRIPT)} steps, every one answered.\n")
    return 0
