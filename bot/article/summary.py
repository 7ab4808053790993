"""Extractive summary for an article without labels: its two or three best sentences."""

from __future__ import annotations

from collections import Counter

from bot.text import split_sentences
from bot.text.words import stopwords, tokens

MAX_SENTENCES = 3
MIN_SENTENCES = 2


def summarize(text: str, lang: str = "fa", limit: int = MAX_SENTENCES) -> list[str]:
    """The ``limit`` sentences that best cover ``text``, in their original order.

    A sentence scores the mean frequency of its content words in the whole text,
    with a bonus for standing early (news puts the essentials first).

    >>> summarize("")
    []
    """
    sentences = split_sentences(text)
    if len(sentences) <= MIN_SENTENCES:
        return sentences
    stop = stopwords(lang)
    frequency = Counter(word for word in tokens(text.casefold()) if word not in stop)
    scores: list[tuple[float, int]] = []
    for index, sentence in enumerate(sentences):
        words = [word for word in tokens(sentence.casefold()) if word not in stop]
        mean = sum(frequency[word] for word in words) / len(words) if words else 0.0
        scores.append((mean * (1.0 + 1.0 / (index + 1)), index))
    chosen = sorted(index for _, index in sorted(scores, reverse=True)[:limit])
    return [sentences[index] for index in chosen]
