"""One article, one plan: the same text under another file name is recognised, not stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.article import parse_article
from bot.pipeline.ingest import changed_files, ingest_paths, source_name
from bot.pipeline.report import FileReport, summary_line
from bot.storage.articles import Store, file_name_of
from bot.storage.fingerprint import fingerprint
from bot.storage.migrations import ARTICLES
from bot.storage.postlog import PostLog

TEXT = "رئیس‌جمهور به تهران آمد\nآخرین اخبار: سفر دو روزه است.\nگام بعدی: دیدار فردا.\n"
#: The same text with Arabic letter forms, no half-space, other spacing and line ends.
SAME = "رئيس جمهور  به تهران آمد\r\nآخرین اخبار:  سفر دو روزه است.\r\nگام بعدی: دیدار فردا.\r\n"


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("", None, None, None, []), ("", "", "", "", []), True),
        (("رئیس‌جمهور", None, "متن", None, []), ("رئيس جمهور", "", " متن ", None, []), True),
        (("A", None, None, None, [("x", ["1"])]), ("a", None, None, None, [("X", ["1"])]), True),
        (("خبر", None, None, "2026-01-01", []), ("خبر", None, None, "2026-01-02", []), False),
        (("خبر", None, None, None, [("x", ["1"])]), ("خبر", None, None, None, [("x", ["2"])]),
         False),
        (("<b>&amp;</b>", None, None, None, []), ("<b>&</b>", None, None, None, []), False),
    ],
)  # fmt: skip
def test_fingerprint(a: tuple, b: tuple, same: bool) -> None:
    assert (fingerprint(*a) == fingerprint(*b)) is same


def test_the_same_text_under_another_name_is_a_duplicate(store: Store) -> None:
    first = store.ingest(parse_article(TEXT), "a.txt", TEXT)
    again = store.ingest(parse_article(SAME), "b.txt", SAME)
    assert (first.status, again.status) == ("new", "duplicate")
    assert (again.id, again.original) == (first.id, "a.txt")
    assert store.count() == 1
    assert store.duplicate_of("b.txt", SAME).id == first.id
    assert store.duplicate_of("b.txt", SAME + "x") is None
    assert store.duplicate_of("a.txt", TEXT) is None


def test_editing_the_original_leaves_the_copy_a_duplicate(store: Store) -> None:
    store.ingest(parse_article(TEXT), "a.txt", TEXT)
    store.ingest(parse_article(SAME), "b.txt", SAME)
    edited = TEXT.replace("دو روزه", "سه روزه")
    assert store.ingest(parse_article(edited), "a.txt", edited).status == "updated"
    assert store.duplicate_of("b.txt", SAME) is not None, "the copy is still that article's"
    # The copy edited in turn is an article of its own, unless it repeats another.
    other = SAME.replace("دیدار فردا", "دیدار پس‌فردا")
    result = store.ingest(parse_article(other), "b.txt", other)
    assert result.status == "new" and store.count() == 2
    assert store.duplicate_of("b.txt", SAME) is None


def test_a_deleted_original_frees_its_copy(store: Store) -> None:
    first = store.ingest(parse_article(TEXT), "a.txt", TEXT)
    store.ingest(parse_article(SAME), "b.txt", SAME)
    PostLog(store.db).forget_article(first.id)
    assert store.delete(first.id)
    assert store.duplicate_of("b.txt", SAME) is None
    assert store.ingest(parse_article(SAME), "b.txt", SAME).status == "new"


def test_an_edit_of_a_file_into_another_article_stores_nothing(store: Store) -> None:
    store.ingest(parse_article(TEXT), "a.txt", TEXT)
    other = TEXT.replace("تهران", "تبریز")
    second = store.ingest(parse_article(other), "b.txt", other)
    result = store.ingest(parse_article(SAME), "b.txt", SAME)
    assert (result.status, result.original) == ("duplicate", "a.txt")
    assert "تبریز" in store.get(second.id).article.title, "the second article is as it was"


def test_ingest_reports_and_rescans_skip_a_known_duplicate(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(SAME, encoding="utf-8")
    reports = [FileReport.of(result) for result in ingest_paths(store, [folder])]
    assert [report.status for report in reports] == ["new", "duplicate"]
    duplicate = reports[1]
    assert duplicate.article_id == reports[0].article_id
    assert duplicate.original == source_name(folder / "a.txt")
    assert "same text as a.txt" in duplicate.line()
    assert FileReport.from_json(duplicate.to_json()) == duplicate
    assert summary_line(reports) == "2 files: 1 new, 0 updated, 0 unchanged, 1 duplicate, 0 failed"
    again = [FileReport.of(result) for result in ingest_paths(store, [folder])]
    assert [report.status for report in again] == ["unchanged", "duplicate"]
    assert changed_files(store, folder, {}, 1_000_000) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"original": None}, "names the original"),
        ({"original": ""}, "names the original"),
        ({"status": "new"}, "new file's report has no original"),
    ],
)
def test_a_duplicate_report_names_its_original(change: dict, message: str) -> None:
    good = FileReport("b.txt", "duplicate", 1, "T", 2, original="/c/a.txt").to_json()
    with pytest.raises(ValueError, match=message):
        FileReport.from_json({**good, **change})


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("", ""),
        ("/c/a.txt", "a.txt"),
        ("C:\\c\\خبر.txt", "خبر.txt"),
        ("telegram:11f6ad8ec52a-a-b.txt", "a-b.txt"),
        ("telegram:", "telegram:"),
        ("<b>.txt", "<b>.txt"),
    ],
)
def test_file_name_of(source: str, label: str) -> None:
    assert file_name_of(source) == label


def test_old_databases_get_fingerprints(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    store = Store.open(path)
    first = store.ingest(parse_article(TEXT), "a.txt", TEXT)
    store.db.execute("UPDATE articles SET fingerprint = NULL")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?",
                     ["0008_fingerprint_and_duplicates"])  # fmt: skip
    store.db.execute("DROP TABLE duplicates")
    store.db.execute("DROP INDEX IF EXISTS idx_articles_fingerprint")
    store.db.execute("ALTER TABLE articles DROP COLUMN fingerprint")
    store.db.conn.commit()
    store.close()
    store = Store.open(path)
    assert [m.name for m in ARTICLES.applied(store.db)][-1] == "0008_fingerprint_and_duplicates"
    again = store.ingest(parse_article(SAME), "b.txt", SAME)
    assert (again.status, again.id) == ("duplicate", first.id)
    store.close()
