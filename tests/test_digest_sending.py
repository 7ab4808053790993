"""Sending one post: a post that cannot be rendered fails clearly and never stays "sending"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date
from types import SimpleNamespace

import pytest
from tgsandbox import parse_html, text_length

from bot.article import Article, parse_article
from bot.digest.channels import ChannelPoster
from bot.digest.plan import render_item
from bot.digest.sending import Sender
from bot.render import MESSAGE_LIMIT, TITLE_CHARS, shorten
from bot.schedule import Target
from bot.storage.articles import Store
from bot.storage.postlog import PostLog


class FakeBot:
    """Records what would be sent; every send succeeds."""

    def __init__(self) -> None:
        self.sent: list[tuple[int | str, str]] = []

    async def send_message(
        self, chat: int | str, text: str, message_thread_id: int | None = None
    ) -> SimpleNamespace:
        self.sent.append((chat, text))
        return SimpleNamespace(message_id=len(self.sent))


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store.open(None)
    text = "خبر\nآخرین اخبار: متن.\nگام بعدی: فردا."
    store.ingest(parse_article(text), "s1", text)
    yield store
    store.close()


def broken(article: Article, item: str, day: date | None = None) -> list[str]:
    if item == "latest":
        raise ValueError("the header alone does not fit in a message")
    return render_item(article, item, day)


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
    def always_broken(article: Article, item: str, day: date | None = None) -> list[str]:
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
