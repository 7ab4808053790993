"""The real `newsbot run` killed with SIGKILL while correcting posts, then started again.

Every changed post is edited exactly once: the edit cut off by the kill is uncertain
and offered to the admin (never repeated on its own), the others are made after the
restart, and the unchanged posts are left alone.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tgsandbox import BotApiEmulator
from tgsandbox.console import buttons_of

from .conftest import SAMPLE
from .test_digest_restart import ADMIN, POSTS_IN_SAMPLE, _env, _posts, _start

#: Three sections of the sample, each changed by one word.
CHANGES = (
    ("صادر شد، گفت:", "صادر شد، اعلام کرد:"),
    ("پس از جلسهای پنج ساعته", "پس از جلسهای شش ساعته"),
    ("در شب پنجشنبه برای دو ساعت", "در شب پنجشنبه برای سه ساعت"),
)


async def _until(check, timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_sigkill_while_correcting_neither_skips_nor_repeats(tmp_path: Path) -> None:
    async with BotApiEmulator(strict_polling=False) as emulator:
        channel = emulator.add_channel("@chan_a")
        emulator.add_user(ADMIN, "سردبیر")
        env = _env(emulator, tmp_path)

        first = await _start(env, tmp_path)
        await _posts(emulator, channel, POSTS_IN_SAMPLE)
        before = {m.message_id: m.text for m in emulator.messages(channel)}

        path = tmp_path / "content" / SAMPLE.name
        text = path.read_text(encoding="utf-8")
        for old, new in CHANGES:
            assert text.count(old) == 1
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
        # The first edit reaches the channel, but its answer never reaches the bot.
        emulator.delay_next("editMessageText", 60)
        emulator.send_text(ADMIN, "/reload", user_id=ADMIN)
        await _until(lambda: any(m.edits for m in emulator.messages(channel)))
        first.send_signal(signal.SIGKILL)
        await first.wait()
        assert sum(len(m.edits) for m in emulator.messages(channel)) == 1

        second = await _start(env, tmp_path)
        offers = lambda: [m for m in emulator.messages(ADMIN) if "اصلاح #" in m.text]  # noqa: E731
        await _until(lambda: offers() and sum(bool(m.edits) for m in emulator.messages(channel))
                     >= len(CHANGES))  # fmt: skip
        await asyncio.sleep(3)  # time for anything repeated to show
        second.terminate()
        await second.wait()

        messages = emulator.messages(channel)
        assert len(messages) == POSTS_IN_SAMPLE, "no post sent again"
        edited = [m for m in messages if m.edits]
        assert len(edited) == len(CHANGES), [m.text[:40] for m in edited]
        assert all(len(m.edits) == 1 for m in edited), "one edit per changed post"
        assert all("ویرایش شد" in m.text for m in edited)
        for (_, new), message in zip(CHANGES, edited, strict=True):
            assert new.split()[-2] in message.text
        for message in messages:
            if not message.edits:
                assert message.text == before[message.message_id]
        [offer] = offers()
        assert "@chan_a" in offer.text
        assert [text for text, _ in buttons_of(offer)] == ["انجام دوباره", "انجام شده بود"]
