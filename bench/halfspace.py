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


# (label, file suffix) of each pair of word lists in tests/data/halfspace.
WORD_LISTS = [("", ""), (" 2", "_2"), (" 3", "_3"), (" 4", "_4"), (" 4 check", "_4_check")]


def evaluate() -> dict[str, Score]:
    """Every measurement, by name."""
    restorer = HalfSpaceRestorer(load_lexicon())
    news = lines("halfspace/news.txt")
    heldout = lines("halfspace_heldout/news.txt")
    scores = {
        "news text, half-spaces stripped": score(news, restorer.restore),
        "news text, intact": score(news, restorer.restore, strip=False),
    }
    for label, suffix in WORD_LISTS:
        scores[f"half-spaced words{label}, stripped"] = score(
            lines(f"halfspace/halfspaced_words{suffix}.txt"), restorer.restore
        )
        scores[f"joined words{label}"] = score(
            lines(f"halfspace/joined_words{suffix}.txt"), restorer.restore
        )
    scores["held-out news, stripped"] = score(heldout, restorer.restore)
    scores["held-out news, intact"] = score(heldout, restorer.restore, strip=False)
    scores["held-out vocabulary, stripped"] = score(
        lines("halfspace_vocab_heldout/halfspaced_words.txt"), restorer.restore
    )
    scores["held-out vocabulary, joined"] = score(
        lines("halfspace_vocab_heldout/joined_words.txt"), restorer.restore
    )
    return scores


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
