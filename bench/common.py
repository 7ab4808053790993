"""Shared pieces of the benchmarks: generated articles, timing, memory, target lines."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
import statistics
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
#: Databases up to this size are built by the whole pipeline; larger ones from its articles.
PARSED = 10_000
#: The archive size of the scale point: search, serving memory and start-up.
SCALE = 100_000
#: The serving bot's digest channel, and a schedule that never ticks during a run.
CHANNEL = "@bench_digest"
SERVING_ENV = {"DIGEST_CHATS": CHANNEL, "DIGEST_SCHEDULE": "0 0 1 1 *"}
ZWNJ = "\u200c"
_SOURCES = [
    ROOT / "content" / "us-ukraine-miami-peace-talks.txt",
    *sorted((ROOT / "tests" / "corpus").glob("*.txt")),
]
_PLACES = ["تهران", "مشهد", "تبریز", "شیراز", "اصفهان", "کرمان", "رشت", "یزد", "اهواز", "قم"]
_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

if TYPE_CHECKING:
    from bot.storage.articles import Store


def source_texts() -> list[str]:
    """The sample and the test corpus, the material generated articles are made of."""
    texts = [path.read_text(encoding="utf-8-sig", errors="replace") for path in _SOURCES]
    return [text for text in texts if len(text.splitlines()) > 3]


def generate(count: int, seed: int = 1) -> Iterator[str]:
    """``count`` distinct articles varied from the sources: places, numbers, order, damage."""
    rng = random.Random(seed)
    sources = source_texts()
    for number in range(count):
        text = sources[number % len(sources)]
        lines = text.splitlines()
        head, body = lines[:2], lines[2:]
        rng.shuffle(body) if number % 3 == 0 else None
        place = _PLACES[rng.randrange(len(_PLACES))]
        title = f"{head[0]} — {place} {str(number).translate(_DIGITS)}"
        article = "\n".join([title, *head[1:], *body])
        article = re.sub(r"\d+", lambda m: str(rng.randrange(1, 999)), article)
        if number % 2:
            article = article.replace(ZWNJ, "")
        yield article


def write_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` generated articles into ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(generate(count, seed)):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile, nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values) if values else float("nan")


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def target(name: str, measured: float, goal: str, met: bool) -> str:
    """One machine-readable line: ``TARGET <name> measured=<v> goal=<v> met=yes|no``."""
    line = f"TARGET {name} measured={measured:.3f} goal={goal} met={'yes' if met else 'no'}"
    print(line, flush=True)
    return line


def report(text: str) -> None:
    """A human-readable line of a benchmark's figures."""
    print(text, flush=True)


def database(count: int) -> Path:
    """A database holding ``count`` generated articles (built once, then reused).

    Up to :data:`PARSED` articles go through the whole pipeline from generated files;
    a larger database stores re-titled copies of those parsed articles through the Store.
    """
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"articles-{count}.sqlite"
    if path.exists():
        return path
    from bot.storage.articles import Store

    parsed = database(PARSED) if count > PARSED else None
    building = path.with_suffix(".building")
    for leftover in RESULTS.glob(f"{building.name}*"):
        leftover.unlink()
    store = Store.open(building)
    if parsed is None:
        _ingest_files(store, count)
    else:
        _store_copies(store, parsed, count)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    building.rename(path)
    return path


def _ingest_files(store: Store, count: int) -> None:
    """Write ``count`` generated files and ingest them: load, normalise, parse, store."""
    from bot.pipeline.ingest import ingest_paths

    folder = RESULTS / f"articles-{count}"
    paths = write_articles(folder, count)
    for result in ingest_paths(store, paths):
        if result.error:
            raise SystemExit(result.error)
    for path_file in paths:
        path_file.unlink()
    folder.rmdir()


def retitled(title: str, number: int) -> str:
    """``title`` with its generated place and number replaced by new ones for ``number``.

    >>> retitled("خبر — تهران 915", 12345)
    'خبر — کرمان 12345'
    """
    head = title.rsplit(" — ", 1)[0]
    return f"{head} — {_PLACES[number % len(_PLACES)]} {number}"


def _store_copies(store: Store, parsed: Path, count: int) -> None:
    """Store ``count`` articles: the parsed ones, then re-titled copies of them, in turn.

    Parsing 100,000 articles with hazm takes several minutes; storing a parsed article
    (rows, folded search text, full-text index) takes about a millisecond.
    """
    from bot.storage.articles import Store

    source = Store.open(parsed)
    ids = [row[0] for row in source.db.execute("SELECT id FROM articles ORDER BY id")]
    articles = [stored.article for stored in map(source.get, ids) if stored is not None]
    source.close()
    for number in range(count):
        article = articles[number % len(articles)]
        if number >= len(articles):
            article = dataclasses.replace(article, title=retitled(article.title, number))
        name = f"generated/article-{number:06d}.txt"
        store.ingest(article, name, f"{name}\n{article.title}")


def served_database(count: int) -> Path:
    """:func:`database` with :data:`CHANNEL`'s digest planned, as after the bot's first start."""
    path = RESULTS / f"served-{count}.sqlite"
    if path.exists():
        return path
    from bot.digest.channels import ChannelPoster
    from bot.schedule import parse_chats
    from bot.storage.articles import Store
    from bot.storage.postlog import PostLog

    source = database(count)
    building = path.with_suffix(".building")
    for leftover in RESULTS.glob(f"{building.name}*"):
        leftover.unlink()
    shutil.copy(source, building)
    store = Store.open(building)

    async def notify(text: str) -> None:
        raise RuntimeError(text)

    poster = ChannelPoster(store, PostLog(store.db), parse_chats([CHANNEL]), UTC, notify)
    poster.plan()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    building.rename(path)
    return path


def search_words(path: Path, count: int, seed: int = 2) -> list[str]:
    """Words that occur in the stored articles, to search for."""
    import sqlite3

    rows = sqlite3.connect(path).execute("SELECT title FROM articles").fetchall()
    rng = random.Random(seed)
    words = [word for (title,) in rows for word in title.split() if len(word) > 3]
    return [rng.choice(words) for _ in range(count)]
