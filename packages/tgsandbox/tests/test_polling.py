"""The update queue and long polling: offsets, waking, conflicts and the server's throttle."""

from __future__ import annotations

import asyncio
import time

import pytest
from tgsandbox import updates as updates_module
from tgsandbox.errors import ApiError
from tgsandbox.markdown import MarkdownParseError, parse_markdown, parse_markdown_v2
from tgsandbox.updates import DEFAULT_ALLOWED, LongPoller, UpdateQueue


def filled(count: int) -> UpdateQueue:
    queue = UpdateQueue(first_id=1000)
    for number in range(count):
        queue.push("message", {"n": number}, 60)
    return queue


def test_ids_start_large_and_count_up() -> None:
    queue = UpdateQueue()
    first = queue.push("message", {}, 60)
    assert first is not None and first > 2_000_000
    assert queue.push("message", {}, 60) == first + 1


def test_offset_confirms_earlier_updates() -> None:
    queue = filled(3)
    assert [u.update_id for u in queue.fetch(0, 100)] == [1000, 1001, 1002]
    assert [u.update_id for u in queue.fetch(1002, 100)] == [1002]
    assert queue.pending_count() == 1


def test_negative_offset_keeps_the_last_updates() -> None:
    queue = filled(5)
    assert [u.payload["n"] for u in queue.fetch(-2, 100)] == [3, 4]


def test_offset_far_in_the_future_reads_from_the_head() -> None:
    queue = filled(2)
    assert [u.update_id for u in queue.fetch(5000, 100)] == [1000, 1001]


def test_expired_and_unallowed_updates_are_dropped() -> None:
    queue = UpdateQueue(first_id=1)
    queue.push("message", {}, -1)
    assert queue.push("chat_member", {}, 60) is None
    assert "chat_member" not in DEFAULT_ALLOWED
    assert queue.fetch(0, 100) == []


def test_repeated_offsets_are_throttled_like_the_real_server() -> None:
    poller = LongPoller(UpdateQueue(), strict=True)
    assert poller.throttle(5, 100, 0) == (100, 0)
    assert poller.throttle(5, 100, 0) == (1, 3)
    assert poller.throttle(6, 100, 0) == (100, 0)
    lenient = LongPoller(UpdateQueue(), strict=False)
    lenient.throttle(5, 100, 0)
    assert lenient.throttle(5, 100, 0) == (100, 0)


async def test_long_poll_wakes_on_a_new_update() -> None:
    queue = UpdateQueue(first_id=1)
    poller = LongPoller(queue)
    started = time.monotonic()
    waiting = asyncio.create_task(poller.get_updates(0, 100, 10))
    await asyncio.sleep(0.05)
    queue.push("message", {"text": "x"}, 60)
    result = await waiting
    assert [u.payload for u in result] == [{"text": "x"}]
    assert time.monotonic() - started < 1


async def test_long_poll_times_out_empty() -> None:
    poller = LongPoller(UpdateQueue())
    assert await poller.get_updates(0, 100, 1) == []


async def test_second_conflict_within_three_seconds_is_answered_late(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(updates_module, "CONFLICT_DELAY", 0.3)
    poller = LongPoller(UpdateQueue())
    first = asyncio.create_task(poller.get_updates(0, 100, 10))
    await asyncio.sleep(0.02)
    second = asyncio.create_task(poller.get_updates(0, 100, 10))
    with pytest.raises(ApiError) as caught:
        await first
    assert caught.value.code == 409
    started = time.monotonic()
    third = asyncio.create_task(poller.get_updates(0, 100, 10))
    with pytest.raises(ApiError):
        await second
    assert time.monotonic() - started >= 0.25
    poller.close()
    assert await third == []


MARKDOWN_V2 = [
    ("", "", []),
    (
        "*bold* _italic_ __underline__ ~strike~ ||spoiler||",
        "bold italic underline strike spoiler",
        ["bold", "italic", "underline", "strikethrough", "spoiler"],
    ),
    ("`code` ```python\nprint()\n```", "code print()\n", ["code", "pre_code"]),
    ("[خبر](https://example.com)", "خبر", ["text_link"]),
    (">نقل قول", "نقل قول", ["blockquote"]),
    ("\\*not bold\\*", "*not bold*", []),
]


@pytest.mark.parametrize(("source", "text", "types"), MARKDOWN_V2)
def test_markdown_v2(source: str, text: str, types: list[str]) -> None:
    plain, entities = parse_markdown_v2(source)
    assert plain == text
    assert [entity.type for entity in entities] == types


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("1.5", "Character '.' is reserved and must be escaped with the preceding '\\'"),
        ("*x", "Can't find end of Bold entity at byte offset 0"),
        ("[a](b", "Can't find end of a URL at byte offset 4"),
        (">*a\nb*", "Can't find end of Bold entity at byte offset 1"),
    ],
)
def test_markdown_v2_errors(source: str, message: str) -> None:
    with pytest.raises(MarkdownParseError) as caught:
        parse_markdown_v2(source)
    assert str(caught.value) == message


def test_legacy_markdown() -> None:
    assert parse_markdown("*bold* _it_")[0] == "bold it"
    assert parse_markdown_v2("*a\nb*")[0] == "a\nb"
    with pytest.raises(
        MarkdownParseError, match="Can't find end of the entity starting at byte offset 0"
    ):
        parse_markdown("*x")
