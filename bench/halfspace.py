"""Half-space repair quality on the evaluation corpus in tests/data/halfspace/.

    uv run python bench/halfspace.py [--mistakes]

Prints recall of stripped half-spaces and wrong insertions per 1,000 words, for
news text, single half-spaced words, words that must stay joined, and intact text;
the held-out news text was never used to tune the restorer. Then, for the held-out
vocabulary (tests/data/halfspace_vocab_heldout/, also never tuned on), the share of
stripped half-spaces restored word by word and the share of plain words changed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.text.halfspace import HalfSpaceRestorer
from bot.text.lexicon import load_lexicon
from bot.text.quality import Score, score

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def lines(name: str) -> list[str]:
    """Non-blank lines of one evaluation file (relative to tests/data)."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def changed_share(result: Score) -> float:
    """Share of the scored words (one per line) that came back different."""
    return len(result.mistakes) / result.words if result.words else 0.0


def evaluate() -> dict[str, Score]:
    """Every measurement, by name."""
    restorer = HalfSpaceRestorer(load_lexicon())
    news = lines("halfspace/news.txt")
    heldout = lines("halfspace_heldout/news.txt")
    return {
        "news text, half-spaces stripped": score(news, restorer.restore),
        "news text, intact": score(news, restorer.restore, strip=False),
        "half-spaced words, stripped": score(
            lines("halfspace/halfspaced_words.txt"), restorer.restore
        ),
        "joined words": score(lines("halfspace/joined_words.txt"), restorer.restore),
        "half-spaced words 2, stripped": score(
            lines("halfspace/halfspaced_words_2.txt"), restorer.restore
        ),
        "joined words 2": score(lines("halfspace/joined_words_2.txt"), restorer.restore),
        "half-spaced words 3, stripped": score(
            lines("halfspace/halfspaced_words_3.txt"), restorer.restore
        ),
        "joined words 3": score(lines("halfspace/joined_words_3.txt"), restorer.restore),
        "half-spaced words 4, stripped": score(
            lines("halfspace/halfspaced_words_4.txt"), restorer.restore
        ),
        "joined words 4": score(lines("halfspace/joined_words_4.txt"), restorer.restore),
        "half-spaced words 4 check, stripped": score(
            lines("halfspace/halfspaced_words_4_check.txt"), restorer.restore
        ),
        "joined words 4 check": score(
            lines("halfspace/joined_words_4_check.txt"), restorer.restore
        ),
        "held-out news, stripped": score(heldout, restorer.restore),
        "held-out news, intact": score(heldout, restorer.restore, strip=False),
        "held-out vocabulary, stripped": score(
            lines("halfspace_vocab_heldout/halfspaced_words.txt"), restorer.restore
        ),
        "held-out vocabulary, joined": score(
            lines("halfspace_vocab_heldout/joined_words.txt"), restorer.restore
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", action="store_true", help="List every wrong word.")
    args = parser.parse_args()
    results = evaluate()
    for name, result in results.items():
        print(
            f"{name:<36} words={result.words:>6} expected={result.expected:>5} "
            f"recall={result.recall:7.2%} wrong={result.wrong:>3} "
            f"wrong/1000 words={result.wrong_per_1000_words:5.2f}"
        )
        if args.mistakes and not name.startswith("held-out") and "check" not in name:
            for gold, got in result.mistakes:
                for g, r in zip(gold.split(), got.split(), strict=False):
                    if g != r:
                        print(f"    want {g}  got {r}")
    halfspaced = results["held-out vocabulary, stripped"]
    joined = results["held-out vocabulary, joined"]
    print(
        f"held-out vocabulary: {halfspaced.recall:.2%} of {halfspaced.expected} stripped "
        f"half-spaces restored in {halfspaced.words} words; "
        f"{changed_share(joined):.2%} of {joined.words} plain words changed "
        f"({len(joined.mistakes)})"
    )


if __name__ == "__main__":
    main()
