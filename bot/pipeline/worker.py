"""Ingest in a child process, so the serving bot never loads hazm's language data.

The child is ``newsbot ingest --jsonl``: it parses, stores, prints one JSON object per
file, and exits, giving its memory back (and taking a crash in the language tools
with it). The bot reads the reports back as :class:`~bot.pipeline.report.FileReport`
and the articles from the same SQLite database.

The child exits 0 when every file was stored and 1 when some failed. Anything else
(another status, a signal, a line that is not a report, an exit 1 with no failed file,
fewer reports than files) is a broken run: the reports read so far are kept, and
:attr:`IngestReport.error` says in one line what went wrong.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.config import Settings
from bot.pipeline.load import article_paths
from bot.pipeline.report import FileReport, IngestReport

WORKER = "the ingest worker"
#: How much of an unexpected line or of the child's last words an error quotes.
QUOTE_CHARS = 200


async def ingest_in_worker(
    settings: Settings, paths: Sequence[Path], *, source: str | None = None
) -> IngestReport:
    """Run ``newsbot ingest --jsonl`` on ``paths`` and read its reports back."""
    if not paths:
        return IngestReport()
    command = [sys.executable, "-m", "bot", "ingest", "--jsonl", *map(str, paths)]
    command += ["--database", str(settings.database_path)]
    if source:
        command += ["--source", source]
    env = dict(os.environ, MAX_ARTICLE_BYTES=str(settings.max_article_bytes), LOG_LEVEL="WARNING")
    expected = sum(1 for _ in article_paths(paths))
    return await run_worker(command, env, expected)


async def run_worker(
    command: Sequence[str], env: Mapping[str, str] | None = None, expected: int | None = None
) -> IngestReport:
    """Run a child that prints file reports as JSON lines; never raises for its failures."""
    try:
        child = await asyncio.create_subprocess_exec(
            *command,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            stdin=asyncio.subprocess.DEVNULL,
            env=None if env is None else dict(env),
        )
    except OSError as error:
        return IngestReport(error=f"{WORKER} could not start ({error.strerror or error})")
    out, err = await child.communicate()
    return read_reports(out, err, await child.wait(), expected)


def read_reports(
    out: bytes, err: bytes, returncode: int, expected: int | None = None
) -> IngestReport:
    """The reports in a child's standard output, and what is wrong with the run, if anything.

    ``expected`` is how many files the child was given; fewer reports means it stopped
    early. Blank lines are ignored; the first line that is not a report is quoted.

    >>> read_reports(b"", b"Killed", -9).error
    'the ingest worker was killed by signal SIGKILL (Killed)'
    """
    files: list[FileReport] = []
    problems: list[str] = []
    for line in out.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        try:
            files.append(FileReport.from_json(json.loads(line)))
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            if not problems:
                problems.append(
                    f"printed a line that is not a file report ({error}): {_quote(line)}"
                )
    if returncode < 0:
        problems.append(f"was killed by signal {_signal_name(-returncode)}")
    elif returncode not in (0, 1):
        problems.append(f"exited with status {returncode}")
    elif returncode == 1 and not any(report.failed for report in files):
        problems.append("exited with status 1 but reported no failed file")
    if expected is not None and len(files) < expected:
        problems.append(f"reported {len(files)} of {expected} files")
    if not problems:
        return IngestReport(tuple(files))
    words = _last_words(err)
    message = f"{WORKER} " + "; ".join(problems) + (f" ({words})" if words else "")
    return IngestReport(tuple(files), message)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…")


def _last_words(err: bytes) -> str:
    """The last line the child wrote on standard error (a traceback's exception), shortened."""
    lines = [line.strip() for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    return last if len(last) <= QUOTE_CHARS else last[: QUOTE_CHARS - 1] + "…"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
