"""A withdrawn article: marked by the retraction, never planned again, its queue cancelled."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC
from types import SimpleNamespace

import pytest

from bot.article import parse_article
from bot.digest.channels import ChannelPoster
from bot.digest.corrections import Corrector
from bot.schedule import Target
from bot.storage.articles import Store
from bot.storage.corrections import CorrectionLog
from bot.storage.postlog import CHANNEL, SUBSCRIBER, PostLog

SUBSCRIBER_ID = 4242


@pytest.fixture
def world() -> Iterator[SimpleNamespace]:
    """A subscriber who joined before two articles were stored; one channel."""
    store = Store.open(None)
    posts = PostLog(store.db)
    assert posts.subscribe(SUBSCRIBER_ID, "fa")
    time.sleep(0.01)
    for n in (1, 2):
        text = f"خبر {n}\nآخرین اخبار: متن {n}."
        assert store.ingest(parse_article(text), f"s{n}", text).id == n

    async def notify(text: str | Callable[[str], str]) -> None:
        pass

    targets = [Target("@a")]
    poster = ChannelPoster(store, posts, targets, UTC, notify)
    corrector = Corrector(store, posts, CorrectionLog(store.db), targets, UTC, notify)
    yield SimpleNamespace(store=store, posts=posts, poster=poster, corrector=corrector)
    store.close()


def planned(posts: PostLog) -> set[tuple[str, int, str]]:
    """``(kind, article, state)`` of every post."""
    rows = posts.db.execute("SELECT kind, article_id, state FROM posts").fetchall()
    return {(kind, article_id, state) for kind, article_id, state in rows}


def test_the_retraction_marks_the_article_and_cancels_every_queued_post(world) -> None:
    assert world.poster.plan() == 4  # summary and latest of each
    assert world.posts.plan_subscribers("summary") == 2
    cancelled, _ = world.corrector.retract(1)
    assert cancelled == 3, "two channel posts and the subscriber's digest"
    withdrawn = world.store.get(1)
    assert withdrawn is not None and withdrawn.withdrawn
    assert world.corrector.log.retracted(1)
    assert planned(world.posts) == {
        (CHANNEL, 1, "retracted"), (SUBSCRIBER, 1, "retracted"),
        (CHANNEL, 2, "pending"), (SUBSCRIBER, 2, "pending"),
    }  # fmt: skip
    assert [post.article_id for post in world.posts.pending_of_kind(SUBSCRIBER, 10)] == [2]


def test_a_withdrawn_article_is_not_planned_for_channels_or_subscribers(world) -> None:
    world.corrector.retract(1)
    assert world.poster.plan() == 2, "only the second article's summary and latest"
    assert world.posts.plan_subscribers("summary") == 1
    assert {article_id for _, article_id, _ in planned(world.posts)} == {2}
    later = ChannelPoster(world.store, world.posts, [Target("@a"), Target("@b")], UTC,
                          world.poster.notify)  # fmt: skip
    assert later.plan() == 2, "a chat added later gets only the second article"
    assert world.posts.chats_planned(1) == []


def test_the_mark_and_the_retraction_are_one_transaction(world, monkeypatch) -> None:
    def broken(article_id: int) -> int:
        raise RuntimeError("the post log is unwritable")

    monkeypatch.setattr(world.corrector.log, "retract", broken)
    with pytest.raises(RuntimeError, match="unwritable"):
        world.corrector.retract(1)
    stored = world.store.get(1)
    assert stored is not None and not stored.withdrawn
    assert [article_id for article_id, _ in world.store.recent()] == [2, 1]
