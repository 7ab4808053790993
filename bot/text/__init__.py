"""Persian text: cleaning, normalising, half-space repair, sentences, folding.

This is the only package that imports hazm, and it does so lazily: importing
``bot.text`` is cheap, and hazm's data is loaded the first time a normaliser runs.
"""

import os

# hazm must never wait on a model hub: everything here works offline.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bot.text.chars import (
    ZWNJ,
    clean_text,
    detect_lang,
    fold,
    fold_for_index,
    search_term_forms,
    search_terms,
)
from bot.text.hashtags import topic_hashtags
from bot.text.normalizer import TextNormalizer, default_normalizer
from bot.text.sentences import split_sentences

__all__ = [
    "ZWNJ",
    "TextNormalizer",
    "clean_text",
    "default_normalizer",
    "detect_lang",
    "fold",
    "fold_for_index",
    "search_term_forms",
    "search_terms",
    "split_sentences",
    "topic_hashtags",
]
