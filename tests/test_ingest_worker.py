"""The ingest worker: file reports as JSON lines, and a child that misbehaves."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.pipeline.ingest import FileResult
from bot.pipeline.report import FileReport, IngestReport, summary_line
from bot.pipeline.worker import ingest_in_worker, read_reports, run_worker
from bot.storage.articles import Store

from .conftest import SAMPLE

NEW = FileReport("/c/a.txt", "new", 1, "خبر <یک> & دو", 6)
UNCHANGED = FileReport("/c/b.txt", "unchanged", 2, "B", 1)
FAILED = FileReport("/c/bad.txt", "failed", reason="/c/bad.txt: is empty")
PHOTO = FileReport("/c/c.txt", "updated", 3, "C", 2, photo="c.jpg")
REFUSED_PHOTO = FileReport("/c/d.txt", "new", 4, "D", 1, photo_error="d.jpg: is empty")


def jsonl(*reports: FileReport) -> bytes:
    return "".join(json.dumps(report.to_json()) + "\n" for report in reports).encode()


@pytest.mark.parametrize(
    "report", [NEW, UNCHANGED, FAILED, PHOTO, REFUSED_PHOTO, FileReport("", "new", 1, "", 0)]
)
def test_json_round_trip(report: FileReport) -> None:
    data = report.to_json()
    assert list(data) == [
        "path", "status", "article_id", "title", "sections", "reason", "original", "photo",
        "photo_error",
    ]  # fmt: skip
    if report.path:
        assert FileReport.from_json(json.loads(json.dumps(data))) == report
    else:
        with pytest.raises(ValueError, match="path"):
            FileReport.from_json(data)


GOOD = NEW.to_json()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "JSON object, not str"),
        ([GOOD], "JSON object, not list"),
        (None, "JSON object, not NoneType"),
        ({}, "needs the keys path, status, article_id, title, sections, reason"),
        ({k: v for k, v in GOOD.items() if k != "reason"}, "needs the keys reason"),
        ({**GOOD, "path": 3}, "path"),
        ({**GOOD, "status": "deleted"}, "one of new, updated, unchanged, duplicate, failed"),
        ({**GOOD, "status": ""}, "status"),
        ({**GOOD, "article_id": "1"}, "integer article id"),
        ({**GOOD, "article_id": True}, "integer article id"),
        ({**GOOD, "article_id": None}, "integer article id"),
        ({**GOOD, "article_id": 0}, "positive"),
        ({**GOOD, "sections": 1.5}, "integer section count"),
        ({**GOOD, "sections": -1}, "not negative"),
        ({**GOOD, "title": None}, "a title"),
        ({**GOOD, "reason": "oops"}, "has no reason"),
        ({**FAILED.to_json(), "reason": None}, "gives its reason"),
        ({**FAILED.to_json(), "reason": ""}, "gives its reason"),
        ({**FAILED.to_json(), "article_id": 4}, "no article id"),
    ],
)
def test_from_json_refuses_what_is_not_a_report(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FileReport.from_json(data)


def test_from_json_allows_extra_keys() -> None:
    assert FileReport.from_json({**GOOD, "later": "field"}) == NEW


def test_from_json_reads_left_out_optional_keys_as_null() -> None:
    line = {k: v for k, v in PHOTO.to_json().items() if k not in ("original", "photo")}
    assert FileReport.from_json(line) == FileReport("/c/c.txt", "updated", 3, "C", 2)
    assert FileReport.from_json({**line, "photo_error": "c.jpg: is empty"}).photo_error == (
        "c.jpg: is empty"
    )


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (NEW, "new       #1 خبر <یک> & دو (6 sections) ← /c/a.txt"),
        (UNCHANGED, "unchanged #2 B (1 section) ← /c/b.txt"),
        (FileReport("x", "updated", 9, "T", 0), "updated   #9 T (0 sections) ← x"),
        (FAILED, "/c/bad.txt: is empty"),
    ],
)
def test_human_line(report: FileReport, line: str) -> None:
    assert report.line() == line


@pytest.mark.parametrize(
    ("reports", "line"),
    [
        ([], "0 files: 0 new, 0 updated, 0 unchanged, 0 failed"),
        ([FAILED], "1 file: 0 new, 0 updated, 0 unchanged, 1 failed"),
        ([NEW, UNCHANGED, FAILED, NEW], "4 files: 2 new, 0 updated, 1 unchanged, 1 failed"),
    ],
)
def test_summary_line(reports: list[FileReport], line: str) -> None:
    assert summary_line(reports) == line


def test_report_of_a_refused_result() -> None:
    result = FileResult(Path("/c/bad.txt"), error="/c/bad.txt: is empty")
    assert FileReport.of(result) == FAILED


@pytest.mark.parametrize(
    ("out", "err", "code", "expected", "files", "error"),
    [
        (b"", b"", 0, None, 0, None),
        (b"", b"", 0, 0, 0, None),
        (jsonl(NEW, UNCHANGED), b"", 0, 2, 2, None),
        (jsonl(NEW, FAILED), b"", 1, 2, 2, None),
        (jsonl(NEW) + b"\n\n", b"", 0, 1, 1, None),
        # The child died: by a signal, by an uncaught error, or before reporting every file.
        (jsonl(NEW), b"Killed\n", -9, 2, 1,
         r"^the ingest worker was killed by signal SIGKILL; reported 1 of 2 files \(Killed\)$"),
        (b"", b"", -11, None, 0, r"^the ingest worker was killed by signal SIGSEGV$"),
        (b"", b"Traceback...\nMemoryError\n", 1, 1, 0,
         r"status 1 but reported no failed file; reported 0 of 1 files \(MemoryError\)$"),
        (jsonl(FAILED), b"sqlite3.OperationalError: database is locked", 1, 3, 1,
         r"reported 1 of 3 files \(sqlite3.OperationalError: database is locked\)"),
        (jsonl(NEW), b"", 0, 2, 1, "reported 1 of 2 files"),
        (b"", b"newsbot: configuration: TIMEZONE: unknown\n", 2, 1, 0,
         r"status 2; reported 0 of 1 files \(newsbot: configuration: TIMEZONE: unknown\)$"),
        (b"", b"", 255, None, 0, "status 255"),
        # It printed something other than reports.
        (b"new #1 title\n" + jsonl(NEW), b"", 0, 1, 1, "not a file report .*'new #1 title'"),
        (jsonl(NEW) + b"{}\n[]\n", b"", 0, 1, 1, "needs the keys"),
        (b"\xff\xfe\x00garbage\n", b"", 0, None, 0, "not a file report"),
        (b"{" * 1000 + b"\n", b"", 0, None, 0, "not a file report"),
        (b'{"path": "a", "status": "new"}\n', b"", 0, 1, 0, "needs the keys"),
    ],
)  # fmt: skip
def test_read_reports(
    out: bytes, err: bytes, code: int, expected: int | None, files: int, error: str | None
) -> None:
    report = read_reports(out, err, code, expected)
    assert len(report.files) == files
    if error is None:
        assert report.error is None
    else:
        assert report.error is not None and "\n" not in report.error
        assert len(report.error) < 600
        assert re.search(error, report.error), report.error


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


@pytest.mark.parametrize(
    ("command", "error"),
    [
        (python("import os, signal; os.kill(os.getpid(), signal.SIGKILL)"), "signal SIGKILL"),
        (python("print('Traceback (most recent call last):'); print('oops')"),
         "not a file report"),
        (python("import sys; sys.stderr.write('MemoryError\\n'); sys.exit(1)"),
         r"status 1 but reported no failed file; reported 0 of 1 files \(MemoryError\)$"),
        (python("raise SystemExit(3)"), "exited with status 3"),
        (python("pass"), "reported 0 of 1 files"),
        (["/no/such/newsbot-binary"], "could not start"),
    ],
)  # fmt: skip
async def test_a_misbehaving_child_is_a_clear_error(command: list[str], error: str) -> None:
    report = await run_worker(command, expected=1)
    assert report.files == ()
    assert report.error is not None
    assert re.search(error, report.error), report.error


async def test_a_child_that_dies_after_one_report_keeps_that_report() -> None:
    line = json.dumps(NEW.to_json())
    code = f"import os, signal; print({line!r}, flush=True); os.kill(os.getpid(), signal.SIGKILL)"
    report = await run_worker(python(code), expected=2)
    assert report.files == (NEW,)
    assert report.error is not None and "SIGKILL" in report.error


async def test_ingest_in_worker_stores_and_reports(tmp_path: Path) -> None:
    settings = load_settings(None, database_path=tmp_path / "n.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert await ingest_in_worker(settings, []) == IngestReport()
    report = await ingest_in_worker(settings, [SAMPLE, bad])
    assert report.error is None
    [stored] = report.stored
    assert (stored.path, stored.status, stored.sections) == (str(SAMPLE), "new", 6)
    # The sample's photo beside it travels back from the worker with its report.
    assert (stored.photo, stored.photo_error) == (SAMPLE.with_suffix(".jpg").name, None)
    assert [(f.path, f.reason) for f in report.failed] == [(str(bad), f"{bad}: is empty")]
    store = Store.open(settings.database_path)
    try:
        article = store.get(stored.article_id or 0)
        assert article is not None and article.article.title == stored.title
    finally:
        store.close()
    again = await ingest_in_worker(settings, [SAMPLE])
    assert again == IngestReport((FileReport(str(SAMPLE), "unchanged", stored.article_id,
                                             stored.title, 6, photo=stored.photo),))  # fmt: skip
