"""The post log's state machine: plans, claims, recovery, chats, subscribers, flags."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.article import parse_article
from bot.storage.articles import Store
from bot.storage.migrations import POST_LOG, migrate
from bot.storage.postlog import SUBSCRIBER, PostLog


@pytest.fixture
def store():
    store = Store.open(None)
    for n in range(2):
        text = f"خبر {n}\nآخرین اخبار: متن {n}"
        store.ingest(parse_article(text), f"s{n}", text)
    yield store
    store.close()


@pytest.fixture
def posts(store) -> PostLog:
    return PostLog(store.db)


def test_plan_is_idempotent_and_ordered(posts: PostLog) -> None:
    assert posts.plan("@c", 2, ["summary", "latest"]) == 2
    assert posts.plan("@c", 1, ["summary", "latest"]) == 2
    assert posts.plan("@c", 1, ["summary", "latest"]) == 0
    order = [(p.article_id, p.item) for p in posts.upcoming("@c", 10)]
    assert order == [(1, "summary"), (1, "latest"), (2, "summary"), (2, "latest")]
    assert posts.newest_planned("@c") == 2
    assert posts.newest_planned("@other") == 0


def test_claim_is_exclusive(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary"])
    post = posts.next_pending("@c")
    assert post is not None
    assert posts.claim(post.id)
    assert not posts.claim(post.id)
    assert posts.next_pending("@c") is None


def test_parts_and_sent(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary"])
    post = posts.next_pending("@c")
    assert post and posts.claim(post.id)
    posts.part_sent(post.id, 11)
    posts.part_sent(post.id, 12)
    posts.finish(post.id, "sent")
    done = posts.get(post.id)
    assert done and done.state == "sent" and done.message_ids == (11, 12) and done.parts_done == 2


def test_recover_makes_sending_uncertain_and_requeue(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary", "latest"])
    post = posts.next_pending("@c")
    assert post and posts.claim(post.id)
    [stuck] = posts.recover()
    assert stuck.id == post.id
    assert posts.get(post.id).state == "uncertain"
    assert posts.recover() == []
    next_post = posts.next_pending("@c")
    assert next_post and next_post.item == "latest", "an uncertain post is not re-sent"
    assert posts.requeue(post.id)
    assert not posts.requeue(post.id)
    assert posts.next_pending("@c").id == post.id


def test_mark_arrived_only_changes_an_uncertain_post(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary", "latest", "background"])
    first, second, third = posts.upcoming("@c", 3)
    assert not posts.mark_arrived(first.id), "a pending post is not marked sent"
    assert posts.get(first.id).state == "pending"
    assert not posts.mark_arrived(10_000), "an unknown post"
    assert posts.claim(second.id)
    assert not posts.mark_arrived(second.id), "a post being sent"
    posts.finish(second.id, "uncertain", "TimedOut: Timed out")
    assert posts.mark_arrived(second.id)
    assert posts.get(second.id).state == "sent"
    assert not posts.mark_arrived(second.id), "twice changes it once"
    assert not posts.requeue(second.id), "a post that arrived is not posted again"
    assert posts.claim(third.id)
    posts.finish(third.id, "sent")
    assert not posts.mark_arrived(third.id) and not posts.requeue(third.id)


def test_uncertain_lists_every_uncertain_post_oldest_first(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary", "latest", "background"])
    ids = [post.id for post in posts.upcoming("@c", 3)]
    assert posts.uncertain() == []
    for post_id in reversed(ids[1:]):
        assert posts.claim(post_id)
    posts.finish(ids[2], "uncertain", "TimedOut: Timed out")
    posts.recover()
    assert [post.id for post in posts.uncertain()] == ids[1:]
    assert [post.id for post in posts.uncertain(1)] == ids[1:2]
    assert posts.uncertain()[1].reason == "TimedOut: Timed out"


def test_retry_later_respects_not_before(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary"])
    post = posts.next_pending("@c")
    assert post and posts.claim(post.id)
    posts.retry_later(post.id, "Bad Gateway", "9999-01-01T00:00:00.000+00:00")
    assert posts.next_pending("@c") is None
    assert posts.upcoming("@c", 5)[0].id == post.id
    posts.retry_later(post.id, "Bad Gateway", "2000-01-01T00:00:00.000+00:00")
    assert posts.next_pending("@c").id == post.id


def test_chat_failing_is_told_once(posts: PostLog) -> None:
    assert posts.chat_failing("@c", "Forbidden: bot was kicked")
    assert not posts.chat_failing("@c", "Forbidden: bot was kicked")
    assert posts.failing_chats() == {"@c": "Forbidden: bot was kicked"}
    assert posts.chat_failing("@c", "Bad Request: chat not found")
    posts.retry_failing_chats()
    assert posts.failing_chats() == {}
    assert not posts.chat_failing("@c", "Bad Request: chat not found")
    posts.chat_ok("@c")
    assert posts.chat_failing("@c", "Bad Request: chat not found")


def test_subscribers_get_only_newer_articles(store: Store, posts: PostLog) -> None:
    time.sleep(0.01)
    assert posts.subscribe(42, "fa")
    assert not posts.subscribe(42, "fa")
    assert posts.plan_subscribers("summary") == 0
    text = "خبر تازه\nلید."
    time.sleep(0.01)
    new = store.ingest(parse_article(text), "s3", text)
    assert posts.plan_subscribers("summary") == 1
    assert posts.plan_subscribers("summary") == 0
    [post] = posts.pending_of_kind(SUBSCRIBER, 10)
    assert (post.chat, post.article_id) == ("42", new.id)
    assert posts.unsubscribe(42, "blocked")
    assert not posts.unsubscribe(42)
    assert posts.pending_of_kind(SUBSCRIBER, 10) == []
    assert posts.subscribers() == []


def test_flags(posts: PostLog) -> None:
    assert posts.flag("paused") is None
    posts.set_flag("paused", "1")
    assert posts.flag("paused") == "1"
    posts.set_flag("paused", None)
    assert posts.flag("paused") is None


def test_counts(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary", "latest"])
    post = posts.next_pending("@c")
    posts.claim(post.id)
    posts.finish(post.id, "failed", "Bad Request: message is too long")
    assert posts.counts() == {"failed": 1, "pending": 1}
    assert posts.with_state("failed")[0].reason.endswith("too long")


def test_post_log_makes_its_own_tables_once(store: Store) -> None:
    before = set(store.db.table_names())
    PostLog(store.db)
    assert set(store.db.table_names()) - before == {
        "posts", "chats", "subscribers", "flags", "corrections", "checked", "retracted",
        "approvals"
    }
    PostLog(store.db)
    assert migrate(store.db, POST_LOG) == []


def test_forget_article_drops_only_its_posts(posts: PostLog) -> None:
    posts.plan("@c", 1, ["summary", "latest"])
    posts.plan("@d", 1, ["summary"])
    posts.plan("@c", 2, ["summary"])
    assert posts.forget_article(1) == 3
    assert posts.forget_article(1) == 0
    assert [(p.article_id, p.item) for p in posts.upcoming("@c", 10)] == [(2, "summary")]
    assert posts.newest_planned("@d") == 0


def test_deleting_an_article_takes_forgetting_its_posts_first(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "news.db")
    text = "خبر\nآخرین اخبار: متن"
    article_id = store.ingest(parse_article(text), "s", text).id
    posts = PostLog(store.db)
    posts.plan("@c", article_id, ["summary"])
    with pytest.raises(ValueError, match=f"article {article_id} is still referred to"):
        store.delete(article_id)
    assert store.get(article_id) is not None, "a refused delete keeps the whole article"
    assert store.search("خبر") == [(article_id, "خبر")]
    assert posts.forget_article(article_id) == 1
    assert store.delete(article_id)
    assert store.get(article_id) is None and posts.upcoming("@c", 5) == []
    store.close()
