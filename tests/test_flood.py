"""Flood control: every reply arrives under Telegram's limits, and a flooding reader is slowed.

The pure parts (the reader guard, the chat keys) are table tests; the rate limiter is
tested with callbacks that answer 429 as told; the rest runs the real bot against the
emulator with its flood control on.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from telegram.error import RetryAfter
from tgsandbox import BotApiEmulator

from bot.config import Settings
from bot.messages import say
from bot.tg.flood import Admission, ChatRateLimiter, FloodGuard, chat_key, is_group_like

from .e2e import Harness, bot_running

A, N, I = Admission.ANSWER, Admission.NOTICE, Admission.IGNORE  # noqa: E741


@pytest.mark.parametrize(
    ("burst", "per_second", "times", "expected"),
    [
        (3, 1.0, [], []),
        (3, 1.0, [0, 0, 0], [A, A, A]),
        (3, 1.0, [0] * 6, [A, A, A, N, I, I]),
        # One token back a second: answered again, but the burst is not over.
        (3, 1.0, [0, 0, 0, 0, 1.0, 1.0, 1.0], [A, A, A, N, A, I, I]),
        # Quiet long enough to refill completely: a new burst, a new notice.
        (2, 1.0, [0, 0, 0, 5, 5, 5, 5], [A, A, N, A, A, N, I]),
        # Refilled completely at 2: the burst is over, the next refusal is told again.
        (1, 0.5, [0, 1, 2, 3], [A, N, A, N]),
        # A clock that goes back refills nothing.
        (2, 1.0, [10, 10, 0, 0], [A, A, N, I]),
    ],
)
def test_flood_guard_admits_a_burst_then_one_notice(
    burst: int, per_second: float, times: list[float], expected: list[Admission]
) -> None:
    guard = FloodGuard(burst, per_second)
    assert [guard.check(1, now) for now in times] == expected


def test_flood_guard_counts_each_reader_apart() -> None:
    guard = FloodGuard(1, 1.0)
    assert [guard.check(reader, 0) for reader in (1, 2, 1, 2, 3)] == [A, A, N, N, A]


@pytest.mark.parametrize(("burst", "per_second"), [(0, 1.0), (-1, 1.0), (1, 0.0), (1, -2.0)])
def test_flood_guard_refuses_bad_limits(burst: int, per_second: float) -> None:
    with pytest.raises(ValueError, match="burst"):
        FloodGuard(burst, per_second)


@pytest.mark.parametrize(
    ("chat_id", "key", "group"),
    [
        (5, 5, False),
        ("5", 5, False),
        (-1001234, -1001234, True),
        ("-1001234", -1001234, True),
        ("@news", "@news", True),
        ("", "", True),
        ("<b>x</b>", "<b>x</b>", True),
        (None, None, None),
    ],
)
def test_chat_key(chat_id: object, key: int | str | None, group: bool | None) -> None:
    assert chat_key(chat_id) == key
    if key is not None:
        assert is_group_like(key) is group


@pytest.mark.parametrize(
    "limits",
    [
        {"overall_per_second": 0},
        {"overall_burst": 0},
        {"chat_per_second": -1},
        {"chat_burst": 0},
        {"max_retries": -1},
    ],
)
def test_rate_limiter_refuses_bad_limits(limits: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must"):
        ChatRateLimiter(**limits)


class FakeServer:
    """Answers calls as the rate limiter makes them: the first ``refuse`` with a 429."""

    def __init__(self, refuse: int, retry_after: int = 1) -> None:
        self.refuse = refuse
        self.retry_after = retry_after
        self.calls: list[tuple[float, str]] = []
        self.refusals: list[float] = []

    def callback(self, name: str) -> Callable[[], Any]:
        async def call() -> bool:
            now = asyncio.get_running_loop().time()
            self.calls.append((now, name))
            if self.refuse:
                self.refuse -= 1
                self.refusals.append(now)
                raise RetryAfter(self.retry_after)
            return True

        return call


async def send(limiter: ChatRateLimiter, server: FakeServer, name: str, chat: int) -> object:
    return await limiter.process_request(
        server.callback(name), (), {}, "sendMessage", {"chat_id": chat}, None
    )


async def test_a_429_pauses_every_chat_and_the_request_is_sent_again() -> None:
    limiter = ChatRateLimiter()
    server = FakeServer(refuse=1)
    first = asyncio.create_task(send(limiter, server, "first", 1))
    await asyncio.sleep(0.05)
    # Sent while the first waits out its retry_after: to another chat, and succeeding.
    others = [asyncio.create_task(send(limiter, server, f"other{n}", 2 + n)) for n in range(3)]
    assert await first is True and all(await asyncio.gather(*others))
    [refused] = server.refusals
    assert server.calls[0][1] == "first"
    assert len(server.calls) == 5
    assert all(when >= refused + 1.0 for when, _ in server.calls[1:]), server.calls
    assert limiter.refusals == 1


async def test_a_429_after_the_last_retry_is_raised() -> None:
    limiter = ChatRateLimiter(max_retries=1)
    server = FakeServer(refuse=5)
    with pytest.raises(RetryAfter):
        await send(limiter, server, "x", 1)
    assert len(server.calls) == 2


async def test_each_chat_waits_in_its_own_queue() -> None:
    limiter = ChatRateLimiter(chat_per_second=4.0, chat_burst=1)
    server = FakeServer(refuse=0)
    loop = asyncio.get_running_loop()
    start = loop.time()
    flood = [asyncio.create_task(send(limiter, server, "flood", 1)) for _ in range(5)]
    await asyncio.sleep(0.01)
    await send(limiter, server, "other", 2)
    assert loop.time() - start < 0.2, "another chat does not wait behind the flood"
    await asyncio.gather(*flood)
    times = [when for when, name in server.calls if name == "flood"]
    assert times[-1] - times[0] >= 0.9, "four messages a second to the flooded chat"


# End to end, the real bot against the emulator with flood control on.

RETRY_AFTER = re.compile(r"retry after (\d+)")
#: A request can arrive this long after a 429 was answered and still have been sent
#: before the bot read that answer (the bot and the emulator share one event loop, and
#: on a busy machine that loop runs late); the windows themselves last a second or more.
IN_FLIGHT = 0.25


def readers(first: int, count: int) -> Callable[[BotApiEmulator, Settings], None]:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        for user in range(first, first + count):
            emulator.add_user(user, "خواننده", language_code="fa")

    return setup


async def until(check: Callable[[], bool], timeout: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


def inside_retry_after(harness: Harness) -> list[str]:
    """Requests (but the long poll) that arrived inside a window a 429 asked the bot to wait."""
    records = harness.emulator.requests[harness.first_request :]
    windows = [
        (record.answered, record.answered + int(match.group(1)))
        for record in records
        if record.status == 429 and (match := RETRY_AFTER.search(record.description))
    ]
    return [
        f"{record.method} {record.time - start:.3f} s after a 429"
        for record in records
        if record.method != "getupdates"
        for start, end in windows
        if start + IN_FLIGHT < record.time < end
    ]


def count_429(harness: Harness) -> int:
    return sum(status == 429 for _, status, _ in harness.errors())


async def test_twenty_commands_from_ten_readers_under_five_a_second(tmp_path: Path) -> None:
    first, count = 9000, 10

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        readers(first, count)(emulator, settings)
        emulator.set_rate_limits(enabled=True, global_per_second=5)

    async with bot_running(tmp_path, store_first=True, setup=setup) as harness:
        for command in ("/help", "/articles"):
            for reader in range(first, first + count):
                harness.emulator.send_text(reader, command)
        everyone = range(first, first + count)
        await until(
            lambda: all(len(harness.emulator.messages(r)) >= 2 for r in everyone),
            30, "every reader gets both replies",
        )  # fmt: skip
        await harness.settled()
        await asyncio.sleep(1.5)
        assert all(len(harness.emulator.messages(r)) == 2 for r in everyone)
        refused = count_429(harness)
        print(f"20 commands, 20 replies, {refused} answers 429")
        assert refused > 0, "the server's limit was met"
        assert inside_retry_after(harness) == []
        assert {status for _, status, _ in harness.errors()} == {429}


async def test_a_flooding_reader_does_not_hold_up_another(tmp_path: Path) -> None:
    flooder, other = 9100, 9101

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        readers(flooder, 2)(emulator, settings)
        emulator.set_rate_limits(enabled=True)

    notice = say("slow_down", "fa")
    async with bot_running(tmp_path, store_first=True, setup=setup) as harness:
        guard = harness.application.bot_data["flood_guard"]
        delays = []
        for burst in range(2):
            for n in range(200):
                harness.emulator.send_text(flooder, "/help")
                if n in (50, 150):
                    await asyncio.sleep(0.01)
            loop = asyncio.get_running_loop()
            asked = loop.time()
            before = len(harness.emulator.messages(other))
            harness.emulator.send_text(other, "/help")
            await harness.emulator.wait_for_message(other, timeout=10)
            delays.append(loop.time() - asked)
            assert len(harness.emulator.messages(other)) == before + 1
            await harness.settled()
            if burst == 0:
                # The flooder's allowance refills: the next flood is a new burst.
                await asyncio.sleep(guard.burst / guard.per_second + 0.5)
        texts = [message.text for message in harness.emulator.messages(flooder)]
        notices = [text for text in texts if text == notice]
        print(f"flooder: {len(texts) - len(notices)} replies and {len(notices)} notices "
              f"for 400 commands; other reader answered within {max(delays):.2f} s; "
              f"{count_429(harness)} answers 429")  # fmt: skip
        assert len(notices) == 2, "one notice a burst"
        assert len(texts) == 2 * (guard.burst + 1)
        assert max(delays) < 3.0
        assert inside_retry_after(harness) == []
        assert {status for _, status, _ in harness.errors()} <= {429}


#: The issue asks for 1,000 in 3 s; at Telegram's 30 a second their confirmations take
#: over 33 s, so the test sends 300 in 3 s: still over three times the overall limit.
SUBSCRIBERS = 300


async def test_subscribe_from_hundreds_of_readers_in_three_seconds(tmp_path: Path) -> None:
    first = 20_000

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        readers(first, SUBSCRIBERS)(emulator, settings)
        emulator.set_rate_limits(enabled=True)

    confirmed = say("subscribed", "fa")
    async with bot_running(tmp_path, store_first=True, setup=setup) as harness:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n, reader in enumerate(range(first, first + SUBSCRIBERS)):
            harness.emulator.send_text(reader, "/subscribe")
            if n % 50 == 49:
                await asyncio.sleep(max(0.0, start + 3.0 * (n + 1) / SUBSCRIBERS - loop.time()))
        sent = loop.time() - start
        await until(
            lambda: len(harness.emulator.messages()) >= SUBSCRIBERS,
            SUBSCRIBERS / 30 + 20, "every subscriber is confirmed",
        )  # fmt: skip
        took = loop.time() - start
        await harness.settled()
        replies = harness.emulator.messages()
        print(f"{SUBSCRIBERS} /subscribe sent in {sent:.1f} s, {len(replies)} confirmations "
              f"in {took:.1f} s, {count_429(harness)} answers 429")  # fmt: skip
        assert sent < 3.5
        assert sorted(m.chat_id for m in replies) == list(range(first, first + SUBSCRIBERS))
        assert all(m.text == confirmed for m in replies)
        assert inside_retry_after(harness) == []


async def test_button_presses_over_the_allowance_are_answered_with_the_notice(
    tmp_path: Path,
) -> None:
    reader = 9200
    notice = say("slow_down", "fa")
    async with bot_running(tmp_path, store_first=True, setup=readers(reader, 1)) as harness:
        guard = harness.application.bot_data["flood_guard"]
        [welcome] = await harness.ask(reader, "/start")
        presses = [harness.emulator.press_button(reader, welcome.message_id) for _ in range(12)]
        await until(
            lambda: all(harness.emulator.callback_answer(q) is not None for q in presses),
            10, "every press is answered",
        )  # fmt: skip
        await harness.settled()
        texts = [(harness.emulator.callback_answer(q) or {}).get("text") for q in presses]
        assert texts.count(notice) == len(presses) - (guard.burst - 1)
        assert texts[: guard.burst - 1].count(notice) == 0
        assert harness.emulator.messages(reader) == [welcome], "nothing posted to the chat"
        # The admitted presses open the same view again: the bot ignores "not modified".
        assert all("not modified" in description for _, _, description in harness.errors())
