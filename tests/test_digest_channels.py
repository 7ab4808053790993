"""Channel plans: each article gets its posts once per chat; a restart reads only new ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC

import pytest

from bot.article import parse_article
from bot.digest.channels import ChannelPoster
from bot.schedule import Target
from bot.storage.articles import ArticleOutline, Store
from bot.storage.postlog import PostLog


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


def add_articles(store: Store, numbers: range) -> None:
    for n in numbers:
        text = f"خبر {n}\nآخرین اخبار: متن {n}"
        store.ingest(parse_article(text), f"s{n}", text)


def poster(store: Store, *chats: str) -> ChannelPoster:
    notes: list[str] = []

    async def notify(text: str | Callable[[str], str]) -> None:
        notes.append(text("en") if callable(text) else text)

    return ChannelPoster(store, PostLog(store.db), [Target(chat) for chat in chats], UTC, notify)


def test_a_restart_plans_from_the_newest_plan_not_the_whole_archive(store, monkeypatch) -> None:
    add_articles(store, range(3))
    assert poster(store, "@a").plan() == 3 * 2  # summary and latest of each
    add_articles(store, range(3, 4))
    restarted = poster(store, "@a", "@b")
    since: list[int] = []
    read = store.outlines

    def outlines(since_id: int = 0) -> list[ArticleOutline]:
        since.append(since_id)
        return read(since_id)

    monkeypatch.setattr(store, "outlines", outlines)
    assert restarted.plan() == 2 + 4 * 2  # the new article for @a; everything for the new @b
    assert since == [3, 0]
    assert restarted.plan() == 0
    assert since[2:] == [4, 4]
    posts = PostLog(store.db)
    assert [posts.newest_planned(chat) for chat in ("@a", "@b", "@c")] == [4, 4, 0]
