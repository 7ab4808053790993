"""Sending one post: a post that cannot be rendered fails clearly and never stays "sending"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from telegram import LinkPreviewOptions
from telegram.error import BadRequest, RetryAfter
from tgsandbox import parse_html, text_length

from bot.article import Article, parse_article
from bot.digest.channels import ChannelPoster
from bot.digest.compose import Look
from bot.digest.plan import render_item
from bot.digest.sending import MAX_RETRY_AFTER, Sender, waiting_out_floods
from bot.digest.subscribers import SubscriberFanOut
from bot.render import MESSAGE_LIMIT, TITLE_CHARS, shorten
from bot.schedule import Target
from bot.storage.articles import Store
from bot.storage.postlog import PostLog


class FakeBot:
    """Records what would be sent; every send succeeds."""

    def __init__(self) -> None:
        self.sent: list[tuple[int | str, str]] = []
        self.previews: list[LinkPreviewOptions | None] = []

    async def send_message(
        self,
        chat: int | str,
        text: str,
        message_thread_id: int | None = None,
        link_preview_options: LinkPreviewOptions | None = None,
    ) -> SimpleNamespace:
        self.sent.append((chat, text))
        self.previews.append(link_preview_options)
        return SimpleNamespace(message_id=len(self.sent))


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store.open(None)
    text = "خبر\nآخرین اخبار: متن.\nگام بعدی: فردا."
    store.ingest(parse_article(text), "s1", text)
    yield store
    store.close()


def broken(article: Article, item: str, day: date | None = None, **look: Any) -> list[str]:
    if item == "latest":
        raise ValueError("the header alone does not fit in a message")
    return render_item(article, item, day, **look)


async def test_a_post_that_cannot_render_fails_and_the_next_one_goes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.digest.compose.render_item", broken)
    notes: list[str] = []

    async def notify(text: str | Callable[[str], str]) -> None:
        notes.append(text("en") if callable(text) else text)

    posts = PostLog(store.db)
    poster = ChannelPoster(store, posts, [Target("@a")], UTC, notify)
    bot = FakeBot()
    outcomes = [await poster.tick(bot) for _ in range(4)]  # type: ignore[arg-type]
    states = [[(o.state, o.detail) for o in outcome] for outcome in outcomes]
    reason = "could not be rendered: ValueError: the header alone does not fit in a message"
    assert states == [[("sent", "")], [("failed", reason)], [("sent", "")], []]
    assert posts.counts() == {"sent": 2, "failed": 1}
    [failed] = posts.with_state("failed")
    assert (failed.item, failed.reason) == ("latest", reason)
    assert len(bot.sent) == 2
    assert notes == [f"⚠️ Post #{failed.id} to @a was not sent: {reason}"]


async def test_a_subscriber_post_that_cannot_render_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_broken(article: Article, item: str, day: date | None = None, **_: Any) -> list[str]:
        raise KeyError("<b>")

    monkeypatch.setattr("bot.digest.compose.render_item", always_broken)
    posts = PostLog(store.db)
    posts.plan("8001", 1, ["summary"], "subscriber")
    [post] = posts.pending_of_kind("subscriber", 10)
    assert posts.claim(post.id)
    claimed = posts.get(post.id)
    assert claimed is not None
    outcome = await Sender(store, posts, UTC).send(FakeBot(), 8001, None, claimed)  # type: ignore[arg-type]
    assert (outcome.state, outcome.detail) == ("failed", "could not be rendered: KeyError: '<b>'")
    assert posts.counts() == {"failed": 1}


async def test_a_4800_character_title_is_sent_in_every_item(store: Store) -> None:
    title = "عنوان بسیار بلند " * 280
    text = f"{title}\nلید خبر.\nچرا مهم است: چون.\nآخرین اخبار: «نه» وزیر گفت.\nگام بعدی: فردا."
    store.ingest(parse_article(text), "long", text)
    posts = PostLog(store.db)
    poster = ChannelPoster(store, posts, [Target("@a")], UTC, pytest.fail)  # type: ignore[arg-type]
    bot = FakeBot()
    for _ in range(8):
        await poster.tick(bot)  # type: ignore[arg-type]
    assert posts.counts() == {"sent": 3 + 4}  # the first article's items, then the long one's
    for _, message in bot.sent:
        assert text_length(parse_html(message)[0]) <= MESSAGE_LIMIT
    assert bot.sent[3][1].startswith(f"<b>{shorten(title, TITLE_CHARS)}</b>\n")


@pytest.mark.parametrize(
    ("look", "signed", "disabled"),
    [
        (Look(), False, True),
        (Look("@my_channel"), True, True),
        (Look("@my_channel", previews=True), True, False),
    ],
)
async def test_channel_posts_carry_the_look(
    store: Store, look: Look, signed: bool, disabled: bool
) -> None:
    text = "خبر\nلید با www.irna.ir.\nچرا مهم است: چون.\nآخرین اخبار: " + "جمله‌ای بلند. " * 400
    store.ingest(parse_article(text), "look", text)
    posts = PostLog(store.db)
    poster = ChannelPoster(store, posts, [Target("@a")], UTC, pytest.fail, look)  # type: ignore[arg-type]
    bot = FakeBot()
    for _ in range(6):
        await poster.tick(bot)  # type: ignore[arg-type]
    assert posts.counts() == {"sent": 3 + 2}  # the first article's items, then this one's
    assert len(bot.sent) > 5  # the long section went out in more than one message
    for (_, message), options in zip(bot.sent, bot.previews, strict=True):
        assert message.endswith("\n\n@my_channel") is signed
        assert text_length(parse_html(message)[0]) <= MESSAGE_LIMIT
        assert options == LinkPreviewOptions(is_disabled=disabled)


async def test_a_subscriber_post_has_no_signature_and_no_preview(store: Store) -> None:
    text = "خبر\nلید با www.irna.ir.\nچرا مهم است: چون."
    stored = store.ingest(parse_article(text), "plain", text)
    posts = PostLog(store.db)
    posts.plan("8001", stored.id, ["summary"], "subscriber")
    [post] = posts.pending_of_kind("subscriber", 10)
    assert posts.claim(post.id)
    claimed = posts.get(post.id)
    assert claimed is not None
    bot = FakeBot()
    outcome = await Sender(store, posts, UTC).send(bot, 8001, None, claimed)  # type: ignore[arg-type]
    assert outcome.state == "sent"
    assert "@" not in bot.sent[0][1]
    assert '<a href="http://www.irna.ir">www.irna.ir</a>' in bot.sent[0][1]
    assert bot.previews == [LinkPreviewOptions(is_disabled=True)]


@pytest.mark.parametrize(
    ("lang", "calendar"),
    [
        ("en", r"\d{2} [A-Z][a-z]+ \d{4}"),
        ("fa", "[۰-۹]+ [آ-ی]+ [۰-۹]{4}"),
        (None, "[۰-۹]+ [آ-ی]+ [۰-۹]{4}"),  # never subscribed: the article's calendar
    ],
)
async def test_a_subscriber_digest_is_dated_in_the_subscribers_calendar(
    store: Store, lang: str | None, calendar: str
) -> None:
    posts = PostLog(store.db)
    if lang is not None:
        posts.subscribe(8100, lang)
    posts.plan("8100", 1, ["summary"], "subscriber")
    bot = FakeBot()
    outcomes = await SubscriberFanOut(store, posts, UTC).deliver(bot)  # type: ignore[arg-type]
    assert [outcome.state for outcome in outcomes] == ["sent"]
    date_line = bot.sent[0][1].split("\n")[1]
    assert re.fullmatch(f"<i>{calendar}</i>", date_line), date_line
    assert posts.subscriber_lang(8100) == lang


async def test_a_429_is_waited_out_and_the_request_made_again() -> None:
    waits: list[float] = []
    answers: list[object] = [RetryAfter(0), RetryAfter(timedelta(0)), "sent"]

    async def request() -> object:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert await waiting_out_floods(request, waits.append) == "sent"
    assert waits == [0.0, 0.0]


async def test_a_request_refused_with_429_every_time_gives_up_with_none() -> None:
    calls: list[int] = []

    async def request() -> str:
        calls.append(1)
        raise RetryAfter(0)

    assert await waiting_out_floods(request) is None
    assert len(calls) == MAX_RETRY_AFTER + 1


async def test_other_errors_are_raised_at_once() -> None:
    calls: list[int] = []

    async def request() -> str:
        calls.append(1)
        raise BadRequest("Chat not found")

    with pytest.raises(BadRequest):
        await waiting_out_floods(request)
    assert calls == [1]
