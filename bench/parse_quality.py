"""Article understanding on corpora written apart from the parser (see tests/quality.py).

    uv run python bench/parse_quality.py [--mistakes]

Prints speaker accuracy, quote precision (quoted terms are not quotations), section keys
F1 and role accuracy for the development corpus (tests/corpus), the independent
development set (tests/corpus_independent, the former held-out set), the held-out corpus
(tests/corpus_heldout, never tuned on) and the first batch (the articles tests/corpus
held before the second batch was added).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.quality import Figures, Pair, figures, load_pairs, mistakes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
INDEPENDENT = ROOT / "tests" / "corpus_independent"
HELDOUT = ROOT / "tests" / "corpus_heldout"

#: The articles of tests/corpus written with the parser, before the second batch.
FIRST_BATCH = (
    "automakers-price-rise-damaged",
    "bank-sms-html-arabic-letters",
    "caspian-sea-level-emoji-labels",
    "coffee-prices-record-english",
    "inflation-report-more-labels",
    "iran-football-unknown-label",
    "khoy-earthquake-title-only",
    "riverton-airport-rail-english",
    "tehran-air-pollution-schools",
    "tehran-book-fair-unlabelled",
    "tehran-dams-quote-patterns",
)


def corpora() -> dict[str, list[Pair]]:
    """Each measured set of articles, by name (each file parsed once)."""
    development = load_pairs(CORPUS)
    first = [pair for pair in development if pair.name in FIRST_BATCH]
    if len(first) != len(FIRST_BATCH):
        raise ValueError("tests/corpus lacks some first-batch articles")
    return {
        "development (tests/corpus)": development,
        "development, second batch only": [p for p in development if p not in first],
        "development, independent (tests/corpus_independent)": load_pairs(INDEPENDENT),
        "held-out (tests/corpus_heldout)": load_pairs(HELDOUT),
        "first batch": first,
    }


def report(name: str, pairs: list[Pair], result: Figures) -> str:
    """The figures of one set as a few aligned lines."""
    return "\n".join(
        [
            f"{name}: {len(pairs)} articles",
            f"  speaker accuracy   {result.speaker}",
            f"  quote precision    {result.precision}",
            f"  section keys F1    {result.keys_f1:.3f}  "
            f"(precision {result.keys_precision}, recall {result.keys_recall})",
            f"  role accuracy      {result.role}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mistakes",
        action="store_true",
        help="List what was got wrong in each development article (never the held-out ones).",
    )
    args = parser.parse_args()
    for name, pairs in corpora().items():
        print(report(name, pairs, figures((p.expected, p.got) for p in pairs)))
        if args.mistakes and name.startswith(("development (", "development, independent")):
            for pair in pairs:
                for line in mistakes(pair):
                    print(f"    {pair.name}: {line}")
        print()


if __name__ == "__main__":
    main()
