"""Approval before posting, in storage: which version may go out, reviews and decisions."""

from __future__ import annotations

import time

import pytest

from bot.article import Article, Block, Section
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.postlog import SUBSCRIBER, PostLog


def article(title: str, lede: str = "لید.") -> Article:
    return Article(title, lede=lede, sections=(Section("latest", "آخرین اخبار",
                                                       (Block("paragraph", "متن"),)),))  # fmt: skip


@pytest.fixture
def store():
    store = Store.open(None)
    yield store
    store.close()


@pytest.fixture
def posts(store: Store) -> PostLog:
    return PostLog(store.db)


@pytest.fixture
def approvals(store: Store) -> Approvals:
    return Approvals(store.db)


def stored(store: Store, name: str, text: str = "v1") -> int:
    """Store article ``name`` with raw text ``text`` (another text is a new version).

    Times are kept to the millisecond: one passes after each, so what is stored and when
    approval is switched on never share one.
    """
    article_id = store.ingest(article(name, lede=f"لید {text}."), name, f"{name}:{text}").id
    time.sleep(0.002)
    return article_id


def items(posts: PostLog, chat: str = "@c") -> list[tuple[int, str]]:
    return [(post.article_id, post.item) for post in posts.upcoming(chat, 50)]


def test_off_by_default_everything_goes_out(store: Store, posts: PostLog,
                                            approvals: Approvals) -> None:  # fmt: skip
    first = stored(store, "a")
    posts.plan("@c", first, ["summary", "latest"])
    assert approvals.since is None and approvals.released(first)
    assert approvals.discover() == [] and approvals.waiting() == []
    assert items(posts) == [(first, "summary"), (first, "latest")]
    assert posts.next_pending("@c") is not None


def test_on_holds_back_new_articles_but_not_those_stored_before(
    store: Store, posts: PostLog, approvals: Approvals
) -> None:
    before = stored(store, "before")
    approvals.switch(True)
    since = approvals.since
    time.sleep(0.002)
    approvals.switch(True)
    assert approvals.since == since, "switching on again keeps when it was switched on"
    after = stored(store, "after")
    for article_id in (before, after):
        posts.plan("@c", article_id, ["summary"])
    assert approvals.released(before) and not approvals.released(after)
    assert items(posts) == [(before, "summary")]
    assert approvals.discover() == [(after, ())] and approvals.discover() == []
    [review] = approvals.waiting()
    assert (review.article_id, review.state, review.current, review.changed) == (
        after, "awaiting", True, False
    )
    [offer] = approvals.to_offer()
    approvals.offered(after, offer.content_hash, [])
    assert approvals.to_offer() == [], "each version is offered once"


def test_publish_releases_and_decides_once(store: Store, posts: PostLog,
                                           approvals: Approvals) -> None:  # fmt: skip
    approvals.switch(True)
    first, second = stored(store, "a"), stored(store, "b")
    for article_id in (first, second):
        posts.plan("@c", article_id, ["summary"])
    approvals.discover()
    review = approvals.get(second)
    assert review is not None and posts.next_pending("@c") is None, "nothing may go out"
    assert approvals.decide(second, review.content_hash, "approved", 7, "Chief")
    assert not approvals.decide(second, review.content_hash, "rejected", 8, "Other")
    assert items(posts) == [(second, "summary")], "the other one still waits"
    decided = approvals.get(second)
    assert decided is not None
    assert (decided.state, decided.decided_by, decided.decided_by_name) == ("approved", 7,
                                                                            "Chief")  # fmt: skip
    assert decided.decided_at is not None
    assert [r.article_id for r in approvals.waiting()] == [first]


def test_hold_keeps_it_open_and_discard_closes_it(store: Store, posts: PostLog,
                                                  approvals: Approvals) -> None:  # fmt: skip
    approvals.switch(True)
    first = stored(store, "a")
    posts.plan("@c", first, ["summary"])
    approvals.discover()
    version = approvals.get(first).content_hash  # type: ignore[union-attr]
    assert approvals.decide(first, version, "held", 7, "Chief")
    assert not approvals.decide(first, version, "held", 8, "Other"), "held once"
    assert approvals.waiting()[0].state == "held" and items(posts) == []
    assert approvals.decide(first, version, "rejected", 8, "Other")
    assert not approvals.decide(first, version, "approved", 7, "Chief"), "discarded is final"
    assert approvals.waiting() == [] and items(posts) == []
    approvals.switch(False)
    assert items(posts) == [], "a discarded version stays out when approval is switched off"
    assert not approvals.released(first)


def test_a_changed_article_waits_again_and_old_buttons_decide_nothing(
    store: Store, posts: PostLog, approvals: Approvals
) -> None:
    approvals.switch(True)
    first = stored(store, "a")
    posts.plan("@c", first, ["summary", "latest"])
    approvals.discover()
    old = approvals.get(first).content_hash  # type: ignore[union-attr]
    assert approvals.decide(first, old, "approved", 7, "Chief")
    post = posts.next_pending("@c")
    assert post is not None and posts.claim(post.id)
    posts.finish(post.id, "sent")
    assert stored(store, "a", "v2") == first
    assert not approvals.released(first) and items(posts) == [], "the rest waits again"
    assert not approvals.decide(first, old, "approved", 7, "Chief"), "not for the new text"
    assert approvals.discover() == [(first, ())]
    review = approvals.get(first)
    assert review is not None
    assert (review.state, review.changed, review.decided_by, review.prompts) == (
        "awaiting", True, None, ()
    )
    assert approvals.decide(first, review.content_hash, "approved", 8, "Other")
    assert items(posts) == [(first, "latest")]


def test_switched_off_then_on_again_holds_back_nothing_stored_meanwhile(
    store: Store, posts: PostLog, approvals: Approvals
) -> None:
    approvals.switch(True)
    time.sleep(0.002)
    waiting = stored(store, "a")
    approvals.discover()
    approvals.switch(False)
    assert approvals.released(waiting) and approvals.waiting() == []
    meanwhile = stored(store, "b")
    approvals.switch(True)
    assert approvals.released(waiting) and approvals.released(meanwhile)
    assert approvals.discover() == []


def test_subscribers_get_only_released_articles(store: Store, posts: PostLog,
                                                approvals: Approvals) -> None:  # fmt: skip
    posts.subscribe(42, "fa")
    approvals.switch(True)
    first = stored(store, "a")
    posts.plan_subscribers("summary")
    assert posts.pending_of_kind(SUBSCRIBER, 10) == []
    approvals.discover()
    version = approvals.get(first).content_hash  # type: ignore[union-attr]
    approvals.decide(first, version, "approved", 7, "Chief")
    assert [p.article_id for p in posts.pending_of_kind(SUBSCRIBER, 10)] == [first]


def test_prompts_are_kept_per_version(store: Store, approvals: Approvals) -> None:
    from bot.storage.approvals import Prompt

    approvals.switch(True)
    first = stored(store, "a")
    approvals.discover()
    version = approvals.get(first).content_hash  # type: ignore[union-attr]
    approvals.offered(first, version, [Prompt(1, 10, "fa"), Prompt(2, 20, "en")])
    approvals.add_prompt(first, version, Prompt(2, 30, "en"))
    approvals.add_prompt(first, "another version", Prompt(3, 40, "fa"))
    review = approvals.get(first)
    assert review is not None and review.offered
    assert review.prompts == (Prompt(1, 10, "fa"), Prompt(2, 20, "en"), Prompt(2, 30, "en"))
    store.ingest(article("a", lede="لید تازه."), "a", "a:v2")
    assert approvals.discover() == [(first, review.prompts)], "the old buttons, to take away"
    assert approvals.get(first).prompts == ()  # type: ignore[union-attr]


def test_forgetting_an_article_drops_its_review(store: Store, posts: PostLog,
                                                approvals: Approvals) -> None:  # fmt: skip
    approvals.switch(True)
    first = stored(store, "a")
    approvals.discover()
    posts.forget_article(first)
    assert approvals.get(first) is None
    assert store.delete(first)
