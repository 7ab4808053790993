"""Full-text search alone: p50 and p99 of /search's query at 1,000 to 100,000 articles.

    uv run python bench/search.py [--quick]

Runs the store's search (folding, FTS5 with bm25) for words taken from the articles,
and, as the baseline measured in the same run, a lookup of an article by id.
"""

from __future__ import annotations

import argparse
import time

from common import SCALE, database, percentile, report, search_words, target

from bot.storage.articles import Store

QUERIES = 400


def timings(store: Store, words: list[str]) -> list[float]:
    """Milliseconds per search."""
    values = []
    for word in words:
        start = time.perf_counter()
        store.search(word, limit=8)
        values.append((time.perf_counter() - start) * 1000)
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles only.")
    parser.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks it runs.")
    args = parser.parse_args()
    sizes = [1000] if args.quick else [1000, 10000, SCALE]
    sizes = [100] if args.smoke else sizes
    p99s: dict[int, float] = {}
    for size in sizes:
        path = database(size)
        store = Store.open(path)
        words = search_words(path, QUERIES)
        timings(store, words[:20])
        values = timings(store, words)
        start = time.perf_counter()
        for article_id in range(1, QUERIES + 1):
            store.get(article_id % size + 1)
        lookup = (time.perf_counter() - start) * 1000 / QUERIES
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        p99s[size] = p99
        report(
            f"search at {size:>7,} articles: p50 {p50:.2f} ms, p99 {p99:.2f} ms "
            f"({p99 / lookup:.1f}× one article lookup, {lookup:.2f} ms)"
        )
        store.close()
    p99 = p99s[sizes[0] if args.quick or args.smoke else 10000]
    target("search_p99_ms", p99, "<20", p99 < 20)
    if SCALE in p99s:
        target("search_p99_ms_100k", p99s[SCALE], "<20", p99s[SCALE] < 20)


if __name__ == "__main__":
    main()
