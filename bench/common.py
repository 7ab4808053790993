"""Shared pieces of the benchmarks: generated articles, timing, memory, target lines."""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
ZWNJ = "\u200c"
_SOURCES = [
    ROOT / "content" / "us-ukraine-miami-peace-talks.txt",
    *sorted((ROOT / "tests" / "corpus").glob("*.txt")),
]
_PLACES = ["تهران", "مشهد", "تبریز", "شیراز", "اصفهان", "کرمان", "رشت", "یزد", "اهواز", "قم"]
_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


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
    """A database holding ``count`` generated articles (built once, then reused)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"articles-{count}.sqlite"
    if path.exists():
        return path
    from bot.pipeline.ingest import ingest_paths
    from bot.storage.articles import Store

    building = path.with_suffix(".building")
    for leftover in RESULTS.glob(f"{building.name}*"):
        leftover.unlink()
    folder = RESULTS / f"articles-{count}"
    paths = write_articles(folder, count)
    store = Store.open(building)
    for result in ingest_paths(store, paths):
        if result.error:
            raise SystemExit(result.error)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    building.rename(path)
    for path_file in paths:
        path_file.unlink()
    folder.rmdir()
    return path


def search_words(path: Path, count: int, seed: int = 2) -> list[str]:
    """Words that occur in the stored articles, to search for."""
    import sqlite3

    rows = sqlite3.connect(path).execute("SELECT title FROM articles").fetchall()
    rng = random.Random(seed)
    words = [word for (title,) in rows for word in title.split() if len(word) > 3]
    return [rng.choice(words) for _ in range(count)]
