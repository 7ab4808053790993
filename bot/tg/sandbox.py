"""``newsbot sandbox``: the emulator, the real bot against it, and a console chat."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr
from tgsandbox.console import ConsoleChat
from tgsandbox.emulator import BotApiEmulator

from bot.config import Settings, replace_settings
from bot.schedule import Target

#: The scripted tour of ``--demo``: every reader command and one button press.
DEMO_SCRIPT = (
    "/start", "/help", "/summary", "/why", "/latest", "/background", "/next", "/quotes",
    "/sections", "1", "/articles", "/search اوکراین", "/summary میامی", "/nosuchcommand",
)  # fmt: skip
READER_ID = 1001
SANDBOX_CHANNEL = "@newsbot_sandbox"
#: Channel posts in the sandbox come this often, so a visitor sees them arrive.
SANDBOX_SCHEDULE = "every 20s"
DEMO_SCHEDULE = "every 2s"
#: The demo waits for this many channel posts before it ends.
DEMO_CHANNEL_POSTS = 2


def sandbox_settings(
    settings: Settings, emulator: BotApiEmulator, folder: Path, *, demo: bool = False
) -> Settings:
    """The settings pointed at the emulator, a fresh database in ``folder``, a channel."""
    changes: dict[str, object] = {
        "telegram_bot_token": SecretStr(emulator.token),
        "telegram_api_url": emulator.base_url,
        "telegram_proxy_url": None,
        "database_path": folder / "sandbox.db",
        "admin_ids": [READER_ID],
    }
    if not settings.digest_chats:
        changes["digest_chats"] = [SANDBOX_CHANNEL]
    if demo or not settings.digest_chats:
        changes["digest_schedule"] = DEMO_SCHEDULE if demo else SANDBOX_SCHEDULE
    return replace_settings(settings, **changes)


def add_chats(emulator: BotApiEmulator, targets: list[Target]) -> dict[int, str]:
    """Create the digest chats in the emulator; ``{chat id: name}`` for the console."""
    names: dict[int, str] = {}
    for target in targets:
        if isinstance(target.chat, str):
            names[emulator.add_channel(target.chat, title="newsbot sandbox")] = target.chat
        elif target.chat < 0:
            chat_id = emulator.add_supergroup("newsbot sandbox", chat_id=target.chat,
                                              is_forum=target.thread_id is not None)  # fmt: skip
            names[chat_id] = str(target.chat)
    return names


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
            local = sandbox_settings(settings, emulator, Path(folder), demo=demo)
            application = build_application(local)
            channels = add_chats(emulator, local.digest_chats)
            console = ConsoleChat(emulator, READER_ID, out=out, color=color,
                                  channel_names=channels)  # fmt: skip
            out.write(
                f"newsbot sandbox: Bot API emulator at {emulator.url}, "
                f"bot @{emulator.username}, articles from {local.content_dir}/\n"
                f"channel posts to {', '.join(target.key for target in local.digest_chats)} on "
                f"'{'; '.join(tick.text for tick in local.digest_schedule)}'"
                " (you are its editor: /help lists the editor commands too)\n\n"
            )
            try:
                async with running(application, poll_timeout=1):
                    if demo:
                        return await _demo(console, emulator)
                    await console.interact(stdin or sys.stdin)
            finally:
                console.close()
    return 0


async def _demo(console: ConsoleChat, emulator: BotApiEmulator) -> int:
    unanswered = []
    for line in DEMO_SCRIPT:
        console.say(line)
        if not await console.settle():
            unanswered.append(line)
    if unanswered:
        console.out.write(f"no answer to: {', '.join(unanswered)}\n")
        return 1
    posts = 0
    for chat_id in console.channel_names:
        while posts < DEMO_CHANNEL_POSTS:
            try:
                await emulator.wait_for_message(chat_id, timeout=15)
            except TimeoutError:
                console.out.write("no channel post arrived\n")
                return 1
            posts += 1
    await console.settle(timeout=0.5)
    console.out.write(
        f"demo done: {len(DEMO_SCRIPT)} steps, every one answered; "
        f"{posts} channel posts arrived on schedule.\n"
    )
    return 0
