"""Damaged, read-only, foreign, deleted and doubly served databases: found, named, refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.article import Article, Section
from bot.storage.articles import Store
from bot.storage.doctor import diagnose, repair
from bot.storage.health import DatabaseProblem, FileIdentity, check_database
from bot.storage.lock import DatabaseBusy, hold, lock_path
from bot.storage.postlog import PostLog

ROOT_USER = os.geteuid() == 0


def make_database(path: Path, articles: int = 3) -> Path:
    """A database with articles, their index and the post log."""
    store = Store.open(path)
    PostLog(store.db)
    for n in range(articles):
        article = Article(title=f"title {n} " + "word " * 200, lang="en",
                          sections=(Section("latest", "Latest", ()),))  # fmt: skip
        store.ingest(article, f"a{n}.txt", f"text {n}")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def damage_pages(path: Path) -> None:
    """Overwrite bytes in the middle of the file: pages past the first are garbage."""
    size = path.stat().st_size
    assert size >= 4 * 4096, "needs a multi-page database"
    with path.open("r+b") as file:
        file.seek(size // 2 - 2048)
        file.write(b"\xa5" * 4096)


# start-up checks


def test_a_sound_database_and_a_missing_one_pass(tmp_path: Path) -> None:
    check_database(make_database(tmp_path / "news.db"))
    check_database(tmp_path / "new" / "folder" / "news.db")
    check_database(tmp_path / "empty.db")
    (tmp_path / "zero.db").write_bytes(b"")
    check_database(tmp_path / "zero.db")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        ("text", "is not a SQLite database"),
        ("html", "is not a SQLite database"),
        ("binary", "is not a SQLite database"),
        ("pages", "is damaged"),
        ("truncated", "is damaged"),
        ("folder", "is not a file"),
    ],
)
def test_damage_is_one_line_naming_the_path(tmp_path: Path, damage: str, words: str) -> None:
    path = tmp_path / "news.db"
    if damage == "folder":
        path.mkdir()
    elif damage == "text":
        path.write_text("hello, this is a note\n" * 100)
    elif damage == "html":
        path.write_text("<html><body>404</body></html>")
    elif damage == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    else:
        make_database(path, articles=40)
        if damage == "pages":
            damage_pages(path)
        else:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseProblem) as caught:
        check_database(path)
    message = str(caught.value)
    assert words in message and str(path) in message and "\n" not in message


@pytest.mark.skipif(ROOT_USER, reason="root may write read-only files and folders")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = make_database(folder / "news.db")
    target = path if what == "file" else folder
    target.chmod(0o555 if what == "folder" else 0o444)
    try:
        with pytest.raises(DatabaseProblem, match=f"{what if what == 'folder' else ''}.*read-only"):
            check_database(path)
    finally:
        target.chmod(0o755 if what == "folder" else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_as_access_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    """The check asks the system (also for root, where chmod alone does not bite)."""
    path = make_database(tmp_path / "news.db")
    refused = path if what == "file" else tmp_path

    def access(target: object, mode: int) -> bool:
        return not (Path(str(target)) == refused and mode & os.W_OK)

    monkeypatch.setattr("bot.storage.health.os.access", access)
    with pytest.raises(DatabaseProblem, match="read-only") as caught:
        check_database(path)
    assert str(path) in str(caught.value)


def test_file_identity_notices_deletion_and_replacement(tmp_path: Path) -> None:
    path = make_database(tmp_path / "news.db")
    identity = FileIdentity.of(path)
    assert identity.problem() is None
    path.rename(tmp_path / "moved.db")
    assert "was deleted" in (identity.problem() or "")
    make_database(path)
    assert "was replaced" in (identity.problem() or "")


# the lock


def test_the_lock_refuses_another_process_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    lock = hold(path)
    try:
        assert hold(path) is lock, "the same process takes it again"
        assert lock_path(path).read_text().strip() == str(os.getpid())
        probe = (
            "import sys; from bot.storage.lock import hold, DatabaseBusy\n"
            "try: hold(sys.argv[1])\n"
            "except DatabaseBusy as e: print(e); sys.exit(3)\n"
        )
        other = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                               text=True, timeout=30, check=False)  # fmt: skip
        assert other.returncode == 3
        assert f"process {os.getpid()}" in other.stdout and str(path) in other.stdout
    finally:
        lock.release()
    again = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                           text=True, timeout=30, check=False)  # fmt: skip
    assert again.returncode == 0, again.stdout


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from bot.storage.lock import hold; hold(sys.argv[1]); "
         "print('held', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseBusy, match=f"process {holder.pid}"):
            hold(path)
    finally:
        holder.kill()
        holder.wait()
    hold(path).release()


def test_a_lock_in_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(DatabaseBusy, match="cannot create the lock file"):
        hold(tmp_path / "file" / "news.db")


# doctor


def test_doctor_on_a_sound_database(tmp_path: Path) -> None:
    findings = diagnose(make_database(tmp_path / "news.db"))
    assert [f.check for f in findings] == ["integrity", "search index", "post log"]
    assert all(f.ok for f in findings), [f.line() for f in findings]


def _break_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER search_au")
    conn.execute("UPDATE search SET title = 'something else entirely' WHERE article_id = 1")
    conn.commit()
    conn.close()


def test_doctor_finds_a_stale_index_and_repair_rebuilds_it(tmp_path: Path) -> None:
    path = make_database(tmp_path / "news.db")
    _break_index(path)
    index = diagnose(path)[1]
    assert not index.ok and "--repair" in index.detail
    assert repair(path).ok
    assert all(f.ok for f in diagnose(path))


def test_doctor_finds_posts_in_impossible_states_and_orphans(tmp_path: Path) -> None:
    path = make_database(tmp_path / "news.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    row = "INSERT INTO posts (chat, article_id, item, position, kind, state, created_at) "
    conn.execute(row + "VALUES ('@c', 1, 'latest', 0, 'channel', 'flying', 'now')")
    conn.execute(row + "VALUES ('@c', 999, 'latest', 0, 'channel', 'pending', 'now')")
    conn.execute(row + "VALUES ('@c', 2, 'latest', 0, 'channel', 'sent', 'now')")
    conn.commit()
    conn.close()
    posts = diagnose(path)[2]
    assert not posts.ok
    assert "1 posts in the unknown state 'flying'" in posts.detail
    assert "1 posts of articles that are gone" in posts.detail
    assert "1 posts marked sent with no time sent" in posts.detail


@pytest.mark.parametrize("damage", ["pages", "not a database"])
def test_doctor_on_a_damaged_file(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "news.db"
    if damage == "pages":
        make_database(path, articles=40)
        damage_pages(path)
    else:
        path.write_text("not a database at all\n" * 50)
    findings = diagnose(path)
    assert not findings[0].ok and "backup" in findings[0].detail


def test_doctor_without_a_database(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="there is no database at"):
        diagnose(tmp_path / "none.db")
    with pytest.raises(ValueError, match="there is no database at"):
        repair(tmp_path / "none.db")
