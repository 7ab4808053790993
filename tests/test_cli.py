"""The command line: ingest, show, normalize, and clear one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main

from .conftest import ROOT, SAMPLE


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)

    return invoke


def test_show_json_is_the_design_schema(run) -> None:
    result = run("show", str(SAMPLE), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["key"] for s in data["sections"]] == [
        "why_it_matters", "latest", "background", "state_of_play", "what_theyre_saying",
        "whats_next",
    ]  # fmt: skip
    assert data["caption"] and data["lede"] and len(data["quotes"]) >= 5
    assert data["photo"] == "us-ukraine-miami-peace-talks.jpg", "the image beside the sample"
    assert not Path("data").exists(), "show must store nothing"


def test_show_json_photo_is_null_without_an_image_beside(run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("خبر\nلید.", encoding="utf-8")
    (tmp_path / "story.gif").write_bytes(b"GIF89a")  # not a photo suffix
    (tmp_path / "other.jpg").write_bytes(b"\xff\xd8")  # another article's photo
    assert json.loads(run("show", str(path), "--json").stdout)["photo"] is None
    (tmp_path / "story.JPEG").write_bytes(b"\xff\xd8")
    assert json.loads(run("show", str(path), "--json").stdout)["photo"] == "story.JPEG"


def test_show_readable(run) -> None:
    result = run("show", str(SAMPLE))
    assert result.exit_code == 0
    assert "why_it_matters" in result.stdout and "quotes (5)" in result.stdout


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "blank": folder / "blank.txt",
        "binary": folder / "binary.txt",
        "big": folder / "big.txt",
        "latin1": folder / "latin1.txt",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b"  \r\n\t\n")
    files["binary"].write_bytes(b"\x89PNG\x00\x00\x01\x02")
    files["big"].write_bytes(("خبر " * 400_000).encode())
    files["latin1"].write_bytes(b"caf\xe9 cr\xe8me")
    return files


def test_ingest_reports_each_file_and_keeps_going(run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    bad = _bad_files(folder)
    (folder / "good.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "win.txt").write_bytes("خبر ويندوز\r\nچرا مهم است: متن.\r\n".encode("cp1256"))
    (folder / "utf16.txt").write_bytes("خبر یونی‌کد\nآخرین اخبار: متن.".encode("utf-16"))
    result = run("ingest", str(folder), "--database", str(tmp_path / "n.db"))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == len(bad)
    for path in bad.values():
        assert any(str(path) in line for line in errors), path
    assert "Traceback" not in result.stderr
    out = result.stdout.splitlines()
    assert sum(line.startswith("new") for line in out) == 3
    assert "(6 sections)" in result.stdout
    assert out[-1] == "8 files: 3 new, 0 updated, 0 unchanged, 5 failed"
    again = run("ingest", str(folder / "good.txt"), "--database", str(tmp_path / "n.db"))
    assert again.exit_code == 0
    assert again.stdout.startswith("unchanged")


def test_ingest_jsonl_is_one_object_per_file(run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    bad = _bad_files(folder)
    (folder / "good.txt").write_bytes(SAMPLE.read_bytes())
    database = str(tmp_path / "n.db")
    result = run("ingest", str(folder), "--database", database, "--jsonl")
    assert result.exit_code == 1
    assert result.stderr == ""
    reports = {Path(r["path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert len(reports) == len(bad) + 1, "one object per file, and no summary line"
    good = reports.pop("good.txt")
    assert good["status"] == "new" and good["sections"] == 6 and good["reason"] is None
    assert isinstance(good["article_id"], int) and good["title"]
    for name, report in reports.items():
        assert list(report) == [
            "path", "status", "article_id", "title", "sections", "reason", "original",
            "photo", "photo_error",
        ]  # fmt: skip
        assert report["status"] == "failed", name
        assert report["path"] in report["reason"] and "\n" not in report["reason"]
        assert (report["article_id"], report["title"], report["sections"]) == (None, None, None)
    again = run("ingest", str(folder / "good.txt"), "--database", database, "--jsonl")
    assert again.exit_code == 0
    assert json.loads(again.stdout) == {**good, "status": "unchanged"}


def test_ingest_help_describes_every_option(run) -> None:
    result = run("ingest", "--help")
    assert result.exit_code == 0
    for option in ("--database", "--source", "--jsonl"):
        line = next(line for line in result.stdout.splitlines() if option in line)
        assert len(line.split()) > 2, f"{option} has no help text"


@pytest.mark.parametrize("kind", ["empty", "blank", "binary", "big", "latin1"])
def test_show_refuses_bad_files_in_one_line(run, tmp_path: Path, kind: str) -> None:
    path = _bad_files(tmp_path / "in")[kind]
    result = run("show", str(path), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr


def test_max_article_bytes_is_configurable(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MAX_ARTICLE_BYTES", "50")
    result = run("show", str(SAMPLE))
    assert result.exit_code == 1 and "50-byte limit" in result.stderr


def test_bad_setting_is_one_line(run, monkeypatch) -> None:
    monkeypatch.setenv("TIMEZONE", "Mars/Olympus")
    result = run("show", str(SAMPLE))
    assert result.exit_code == 2
    assert "TIMEZONE" in result.stderr and result.stderr.count("\n") == 1


def test_normalize_is_a_line_filter(run) -> None:
    text = "میکنند ۳.۴\n\nكتاب\r\n<b>a < b</b>\nlast"
    result = run("normalize", stdin=text)
    assert result.exit_code == 0
    assert result.stdout.split("\n") == ["می‌کنند ۳.۴", "", "کتاب", "<b>a < b</b>", "last", ""]


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "show", str(SAMPLE), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["lang"] == "fa"


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("DIGEST_CHATS", "@news_fa,news", "'news' is not a chat"),
        ("DIGEST_SCHEDULE", "every 30s; 99 * * * *", "'99 * * * *'"),
        ("DIGEST_SCHEDULE", ";", "no schedule given"),
    ],
)
def test_bad_digest_setting_is_one_line(run, monkeypatch, name: str, value: str, named: str):
    monkeypatch.setenv(name, value)
    result = run("run")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newsbot: configuration: {name}: ")
    assert named in result.stderr and result.stderr.count("\n") == 1


def _doctor_database(path: Path) -> Path:
    from bot.storage.articles import Store
    from bot.storage.postlog import PostLog

    store = Store.open(path)
    PostLog(store.db)
    store.close()
    return path


def test_doctor_on_a_sound_database(run, tmp_path: Path) -> None:
    path = _doctor_database(tmp_path / "news.db")
    result = run("doctor", "--database", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["ok   integrity", "ok   search index",
                                                      "ok   post log"]  # fmt: skip


def test_doctor_repair_rebuilds_a_stale_index(tmp_path: Path) -> None:
    import sqlite3

    path = _doctor_database(tmp_path / "news.db")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles (source, content_hash, lang, title, ingested_at, "
                 "updated_at) VALUES ('a', 'h', 'en', 't', 'x', 'x')")  # fmt: skip
    conn.execute("INSERT INTO search (article_id, title, body) VALUES (1, 'one', 'two')")
    conn.execute("DROP TRIGGER search_au")
    conn.execute("UPDATE search SET body = 'three'")
    conn.commit()
    conn.close()
    runner = CliRunner()
    checked = runner.invoke(main, ["doctor", "--database", str(path)])
    assert checked.exit_code == 1 and "FAIL search index" in checked.stdout
    assert "--repair" in checked.stdout
    repaired = runner.invoke(main, ["doctor", "--database", str(path), "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert repaired.stdout.startswith("ok   rebuild")


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "there is no database at"), (b"hello\n" * 100, "FAIL integrity")],
)
def test_doctor_on_no_or_a_foreign_file(
    tmp_path: Path, content: bytes | None, words: str
) -> None:
    path = tmp_path / "news.db"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["doctor", "--database", str(path)])
    assert result.exit_code == 1 and words in result.output
    assert "Traceback" not in result.output


def test_doctor_repair_is_refused_while_a_bot_serves_the_database(tmp_path: Path) -> None:
    path = _doctor_database(tmp_path / "news.db")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from bot.storage.lock import hold; "
         "hold(sys.argv[1]); print('held', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(main, ["doctor", "--database", str(path), "--repair"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert f"process {holder.pid}" in result.output and result.output.count("\n") == 1


def test_show_gives_the_source_line(run, tmp_path: Path) -> None:
    path = tmp_path / "sourced.txt"
    path.write_text("عنوان\nلید.\nچرا مهم است: چون.\nمنبع: ایرنا https://www.irna.ir/news/1\n",
                    encoding="utf-8")  # fmt: skip
    data = json.loads(run("show", str(path), "--json").stdout)
    assert data["source"] == "https://www.irna.ir/news/1"
    assert [section["key"] for section in data["sections"]] == ["why_it_matters"]
    assert "source:   https://www.irna.ir/news/1" in run("show", str(path)).stdout
    assert json.loads(run("show", str(SAMPLE), "--json").stdout)["source"] is None
