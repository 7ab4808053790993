"""The SQLite store: migrations, idempotent ingest, updates in place, search."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.article import parse_article
from bot.storage import articles
from bot.storage.articles import Store, fts_query, open_database
from bot.storage.migrations import ARTICLES, migrate
from bot.text import ZWNJ

from .conftest import SAMPLE


@pytest.fixture
def store():
    store = Store.open(None)
    yield store
    store.close()


@pytest.fixture(scope="module")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_migrations_run_once(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a" / "news.db")
    assert migrate(db, ARTICLES) == [
        "0001_articles", "0002_search", "0003_published", "0004_ingested_at",
        "0005_quote_roles",
        "0006_fold_hamza",
        "0007_source_url",
        "0008_fingerprint_and_duplicates",
        "0009_withdrawn",
        "0010_source_credit",
    ]  # fmt: skip
    assert migrate(db, ARTICLES) == []
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_store_makes_only_its_own_tables(store) -> None:
    assert set(store.db.table_names()) - {"_sqlite_migrations"} == {
        "articles", "sections", "quotes", "search", "duplicates",
        "search_fts", "search_fts_data", "search_fts_idx", "search_fts_docsize",
        "search_fts_config",
    }  # fmt: skip


def test_ingest_is_idempotent_and_updates_in_place(store, sample_text) -> None:
    article = parse_article(sample_text)
    first = store.ingest(article, "content/a.txt", sample_text)
    again = store.ingest(article, "content/a.txt", sample_text)
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.id == first.id
    edited = sample_text.replace("میامی", "فلوریدا")
    updated = store.ingest(parse_article(edited), "content/a.txt", edited)
    assert (updated.status, updated.id) == ("updated", first.id)
    assert store.count() == 1
    stored = store.get(first.id)
    assert stored is not None and "فلوریدا" in stored.article.title
    assert len(stored.article.sections) == 6


def test_round_trip(store, sample_text) -> None:
    article = parse_article(sample_text)
    result = store.ingest(article, "s", sample_text)
    stored = store.get(result.id)
    assert stored is not None
    assert stored.article == article
    assert store.by_source("s") == stored
    assert store.latest() == stored
    assert store.get(999) is None


def test_quote_roles_and_kinds_round_trip(store) -> None:
    text = (
        "عنوان\nمدیرعامل سازمان بنادر، کاوه نادری، گفت: «ظرفیت کافی نیست».\n"
        "سهم «آب بدون درآمد» بالاست."
    )
    article = parse_article(text)
    assert [(q.speaker, q.role, q.kind) for q in article.quotes] == [
        ("کاوه نادری", "مدیرعامل سازمان بنادر", "quote"),
        (None, None, "term"),
    ]
    stored = store.get(store.ingest(article, "q", text).id)
    assert stored is not None and stored.article.quotes == article.quotes


@pytest.mark.parametrize(
    ("body", "has_quotes"),
    [
        ("وزیر گفت: «نه».", True),
        ("سهم «آب بدون درآمد» بالاست.", False),
        ("بدون نقل قول.", False),
    ],
)
def test_outlines_count_only_quotations(store, body: str, has_quotes: bool) -> None:
    store.ingest(parse_article(f"عنوان\n{body}"), "o", body)
    [outline] = store.outlines()
    assert outline.has_quotes is has_quotes


def test_recent_and_delete(store) -> None:
    for n in range(3):
        store.ingest(parse_article(f"عنوان {n}"), f"s{n}", f"عنوان {n}")
    assert [title for _, title in store.recent(2)] == ["عنوان 2", "عنوان 1"]
    article_id = store.recent(1)[0][0]
    assert store.delete(article_id)
    assert not store.delete(article_id)
    assert store.count() == 2
    assert store.search("عنوان") and all(i != article_id for i, _ in store.search("عنوان"))


@pytest.mark.parametrize(
    "query",
    [
        "رئیسجمهور",
        f"رئیس{ZWNJ}جمهور",
        "رئیس جمهور",
        "رئيس‌جمهور",
        "قتلها",
        "میامی",
        "اوکرا",
        "  میامی  ",
    ],
)
def test_search_is_half_space_and_letter_form_insensitive(store, sample_text, query) -> None:
    result = store.ingest(parse_article(sample_text), "s", sample_text)
    store.ingest(parse_article("خبر دیگری درباره بودجه"), "t", "خبر دیگری درباره بودجه")
    assert [article_id for article_id, _ in store.search(query)] == [result.id]


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("مسأله", "مسئله"),
        ("مسئله", "مسأله"),
        ("مسأله", "مساله"),
        ("تأکید", "تاکید"),
        ("تاکید", "تأکید"),
        ("مؤسسه", "موسسه"),
        ("مسئول", "مسؤول"),
        ("رئیس", "رییس"),
        ("مدرسة", "مدرسه"),
        ("إسلام", "اسلام"),
        ("جزء", "جز"),
        ("کتابــها", "کتابها"),
        ("اساساً", "اساسا"),
    ],
)
def test_search_folds_every_spelling(store, written: str, query: str) -> None:
    text = f"خبر درباره {written}\nآخرین اخبار: متن."
    found = store.ingest(parse_article(text), "s", text).id
    store.ingest(parse_article("خبر دیگری درباره بودجه"), "t", "خبر دیگری درباره بودجه")
    assert [article_id for article_id, _ in store.search(query)] == [found]


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "*", "AND OR NOT", "<b>", "«»", "(", "x" * 500, "ء", "أ OR ؤ"]
)
def test_hostile_queries_do_not_fail(store, sample_text, query) -> None:
    store.ingest(parse_article(sample_text), "s", sample_text)
    assert isinstance(store.search(query), list)


def test_title_ranks_higher(store) -> None:
    store.ingest(parse_article("خبر\nبودجه در متن است."), "a", "a")
    store.ingest(parse_article("بودجه در عنوان"), "b", "b")
    assert store.search("بودجه")[0][1] == "بودجه در عنوان"


@pytest.mark.parametrize(
    ("exact", "query", "widened"),
    [
        (3, "ایران", False),  # the word as typed fills the window: no prefix
        (2, "ایران", True),  # it does not: ایران also begins ایرانی
        (3, "ایرا", True),  # a partial word matches nothing as typed
        (3, "سال ایران", False),
        (2, "سال ایران", True),
    ],
)
def test_search_reads_the_last_word_as_a_prefix_unless_the_window_is_full(
    store, monkeypatch, exact: int, query: str, widened: bool
) -> None:
    monkeypatch.setattr(articles, "SEARCH_WINDOW", 3)
    typed = [store.ingest(parse_article(f"ایران سال {n}"), f"{n}", f"{n}").id for n in range(exact)]
    longer = store.ingest(parse_article("ایرانی سال"), "p", "p").id
    found = {article_id for article_id, _ in store.search(query)}
    expected = set(typed[-2:]) | {longer} if widened else set(typed)
    assert found == expected


@pytest.mark.parametrize(
    ("query", "prefix", "expected"),
    [
        ("", True, None),
        ("", False, None),
        ("a b", True, '"a" AND "b"*'),
        ("a b", False, '"a" AND "b"'),
        ('"x"', True, '"x"*'),
        ('"x"', False, '"x"'),
        ("مسئله", True, '("مسیله"* OR "مسءله"*)'),
        ("تأکید بر", False, '("تاکید" OR "تءکید") AND "بر"'),
        ("ــ", True, None),
    ],
)
def test_fts_query(query: str, prefix: bool, expected: str | None) -> None:
    assert fts_query(query, prefix=prefix) == expected


def test_the_source_url_is_stored(store: Store) -> None:
    text = "خبر با منبع\nلید.\nمنبع: ایرنا https://www.irna.ir/news/1"
    result = store.ingest(parse_article(text), "with-source.txt", text)
    stored = store.get(result.id)
    assert stored is not None and stored.article.source_url == "https://www.irna.ir/news/1"
    assert stored.article.source_credit == "ایرنا"
    assert stored.source == "with-source.txt"  # the file, not the source line
    edited = text.replace("منبع: ایرنا https://www.irna.ir/news/1", "منبع: خبرگزاری تسنیم")
    store.ingest(parse_article(edited), "with-source.txt", edited)
    again = store.get(result.id)
    assert again is not None and again.article.source_url is None
    assert again.article.source_credit == "خبرگزاری تسنیم"


def _three_budget_articles(store: Store) -> list[int]:
    """Three articles (oldest first) that each match the word بودجه."""
    ids = []
    for n in range(3):
        text = f"بودجه {n}\nآخرین اخبار: متن {n}."
        ids.append(store.ingest(parse_article(text), f"b{n}", text).id)
    return ids


def _reader_queries(store: Store) -> dict[str, list[int]]:
    latest = store.latest()
    return {
        "latest": [latest.id] if latest else [],
        "recent": [article_id for article_id, _ in store.recent(10)],
        "search": sorted(article_id for article_id, _ in store.search("بودجه")),
        "first hit": [article_id for article_id, _ in store.search("بودجه", limit=1)],
        "outlines": [outline.id for outline in store.outlines()],
    }


@pytest.mark.parametrize(
    ("withdrawn", "expected"),
    [
        ((), {"latest": [3], "recent": [3, 2, 1], "search": [1, 2, 3], "first hit": [3],
              "outlines": [1, 2, 3]}),
        ((3,), {"latest": [2], "recent": [2, 1], "search": [1, 2], "first hit": [2],
                "outlines": [1, 2]}),
        ((1,), {"latest": [3], "recent": [3, 2], "search": [2, 3], "first hit": [3],
                "outlines": [2, 3]}),
        ((1, 2, 3), {"latest": [], "recent": [], "search": [], "first hit": [],
                     "outlines": []}),
    ],
)  # fmt: skip
def test_reader_queries_leave_withdrawn_articles_out(
    store: Store, withdrawn: tuple[int, ...], expected: dict[str, list[int]]
) -> None:
    assert _three_budget_articles(store) == [1, 2, 3]
    for article_id in withdrawn:
        assert store.withdraw(article_id)
    assert _reader_queries(store) == expected
    assert store.count() == 3, "nothing is lost"
    for article_id in (1, 2, 3):
        stored = store.get(article_id)
        assert stored is not None and stored.withdrawn is (article_id in withdrawn)


def test_outlines_after_an_id_leave_withdrawn_articles_out(store: Store) -> None:
    _three_budget_articles(store)
    store.withdraw(2)
    assert [outline.id for outline in store.outlines(since_id=1)] == [3]


def test_search_fills_its_results_past_withdrawn_articles(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(articles, "SEARCH_WINDOW", 2)
    ids = _three_budget_articles(store)
    store.withdraw(ids[2])
    # The newest match is withdrawn: the window is filled from the older ones.
    assert sorted(article_id for article_id, _ in store.search("بودجه")) == ids[:2]


def test_withdrawing_is_kept_once_and_survives_a_new_version(store: Store) -> None:
    text = "خبر پس گرفته\nآخرین اخبار: متن."
    article_id = store.ingest(parse_article(text), "w", text).id
    assert store.get(article_id).withdrawn_at is None
    assert store.withdraw(article_id, "2026-01-02T03:04:05.000+00:00")
    assert not store.withdraw(article_id), "withdrawn already: the first time stays"
    assert not store.withdraw(999), "no such article"
    edited = text.replace("متن", "متن تازه")
    assert store.ingest(parse_article(edited), "w", edited).status == "updated"
    stored = store.get(article_id)
    assert stored is not None and "تازه" in stored.article.sections[0].body[0].text
    assert stored.withdrawn_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert store.latest() is None and store.search("تازه") == []


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("story.txt", "content/story.txt"),
        ("STORY", "content/story.txt"),
        ("  story  ", "content/story.txt"),
        ("long-story", "content/long-story.txt"),
        ("notes.md", "telegram:0123456789ab-Notes.md"),
        ("notes", "telegram:0123456789ab-Notes.md"),
        ("a.b", "content/a.b.txt"),
        ("", None),
        ("tory", None),
        ("story.tx", None),
        ("content", None),
        ("%", None),
        ("_tory", None),
        ("'; DROP TABLE articles; --", None),
    ],
)
def test_by_file_name_finds_a_whole_name_with_or_without_suffix(
    store, name: str, source: str | None
) -> None:
    sources = [
        "content/story.txt",
        "content/long-story.txt",
        "telegram:0123456789ab-Notes.md",
        "content/a.b.txt",
    ]
    ids = {}
    for number, key in enumerate(sources):
        text = f"Title {number}\n\nThe body of article number {number}.\n"
        ids[key] = store.ingest(parse_article(text), key, text).id
    found = store.by_file_name(name)
    assert (found.id if found else None) == (ids[source] if source else None)


def test_by_title_finds_the_newest_article_with_exactly_that_title(store: Store) -> None:
    for number, key in enumerate(["first", "second", "other"]):
        title = "عنوان دیگر" if key == "other" else "عنوان یکسان"
        text = f"{title}\nآخرین اخبار: متن شماره {number}."
        store.ingest(parse_article(text), key, text)
    found = store.by_title("عنوان یکسان")
    assert found is not None and found.source == "second"
    assert "شماره 1" in found.article.sections[0].body[0].text
    assert store.by_title("عنوان") is None
