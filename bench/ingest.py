"""Ingest throughput: load → normalise → parse → store, against hazm's Normalizer alone.

    uv run python bench/ingest.py [--quick]

Prints articles per second at 10, 100, 1,000 and 10,000 articles, the ratio of the
pipeline's throughput (characters a second) to hazm's default Normalizer on the same
text in the same run, and how the time per article grows with the archive.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import report, target, write_articles

from bot.pipeline.ingest import ingest_paths
from bot.storage.articles import Store
from bot.text import default_normalizer


def hazm_seconds(paths: list[Path]) -> tuple[float, int]:
    """Seconds hazm's default Normalizer takes over the files' text, and the characters."""
    from hazm import Normalizer

    normalizer = Normalizer()
    texts = [path.read_text(encoding="utf-8") for path in paths]
    normalizer.normalize(texts[0])
    start = time.perf_counter()
    for text in texts:
        normalizer.normalize(text)
    return time.perf_counter() - start, sum(len(text) for text in texts)


def pipeline_seconds(paths: list[Path], database: Path) -> float:
    """Seconds to ingest the files into a new database, warm normaliser."""
    store = Store.open(database)
    start = time.perf_counter()
    results = list(ingest_paths(store, paths))
    elapsed = time.perf_counter() - start
    store.close()
    failed = [result.error for result in results if result.error]
    if failed:
        raise SystemExit(f"ingest failed: {failed[:3]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Stop at 1,000 articles.")
    parser.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks it runs.")
    args = parser.parse_args()
    sizes = [10, 100, 1000] if args.quick else [10, 100, 1000, 10000]
    sizes = [10, 100] if args.smoke else sizes
    default_normalizer().normalize("گرم کردن")
    per_article: dict[int, float] = {}
    ratio = float("nan")
    with tempfile.TemporaryDirectory() as folder:
        all_paths = write_articles(Path(folder) / "articles", max(sizes))
        for size in sizes:
            paths = all_paths[:size]
            seconds = pipeline_seconds(paths, Path(folder) / f"db-{size}.sqlite")
            per_article[size] = seconds / size
            report(f"ingest {size:>6} articles: {seconds:8.2f} s, {size / seconds:8.1f} articles/s")
        paths = all_paths[: min(1000, max(sizes))]
        hazm_time, chars = hazm_seconds(paths)
        ours = pipeline_seconds(paths, Path(folder) / "db-ratio.sqlite")
        ratio = (chars / ours) / (chars / hazm_time)
        report(
            f"same {len(paths)} articles ({chars:,} characters): pipeline {chars / ours:,.0f} "
            f"chars/s, hazm Normalizer alone {chars / hazm_time:,.0f} chars/s"
        )
    growth = per_article[max(sizes)] / per_article[100]
    report(f"time per article at {max(sizes):,} over time per article at 100: {growth:.2f}")
    target("ingest_ratio", ratio, ">=0.5", ratio >= 0.5)
    target("ingest_linearity", growth, "<=1.5", growth <= 1.5)


if __name__ == "__main__":
    main()
