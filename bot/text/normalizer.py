"""The text pipeline: clean, map letter forms, hazm's normalizer, half-space repair."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from bot.text.chars import clean_line, clean_text, to_persian_letters

if TYPE_CHECKING:
    from hazm import Normalizer

    from bot.text.halfspace import HalfSpaceRestorer

_SPACE_BEFORE = re.compile(r" +([،؛:!؟»)\]])")
_SPACE_AFTER = re.compile(r"([«(\[]) +")


class TextNormalizer:
    """Normalise Persian text line by line; heavy parts are built on first use.

    hazm's ``Normalizer`` runs with the options that keep numbers whole (no spacing
    correction, no digit or punctuation restyling); half-spaces are restored by our
    own lexicon restorer, which also separates می/نمی.
    """

    def __init__(self, *, repair_halfspaces: bool = True) -> None:
        self.repair_halfspaces = repair_halfspaces
        self._hazm: Normalizer | None = None
        self._restorer: HalfSpaceRestorer | None = None
        self._lock = threading.Lock()

    def _build(self) -> tuple[Normalizer, HalfSpaceRestorer | None]:
        with self._lock:
            if self._hazm is None:
                from hazm import Normalizer

                from bot.text.halfspace import HalfSpaceRestorer
                from bot.text.lexicon import load_lexicon

                self._hazm = Normalizer(
                    correct_spacing=False,
                    remove_diacritics=False,
                    remove_specials_chars=True,
                    decrease_repeated_chars=False,
                    persian_style=False,
                    persian_numbers=False,
                    unicodes_replacement=True,
                    seperate_mi=False,
                )
                if self.repair_halfspaces:
                    self._restorer = HalfSpaceRestorer(load_lexicon())
        return self._hazm, self._restorer

    def normalize(self, text: str, lang: str = "fa") -> str:
        """Normalise ``text``, keeping one output line for each input line.

        The whole text goes through each stage at once (hazm builds its tables per call).

        >>> TextNormalizer().normalize("")
        ''
        """
        text = clean_text(text)
        if lang != "fa" or not text.strip():
            return text
        hazm_normalizer, restorer = self._build()
        text = hazm_normalizer.normalize(to_persian_letters(text))
        text = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))
        if restorer is not None:
            text = restorer.restore(text)
        return "\n".join(clean_line(line) for line in text.split("\n"))

    def normalize_line(self, line: str, lang: str = "fa") -> str:
        """Normalise one line (line breaks inside it become spaces)."""
        return self.normalize(" ".join(line.splitlines()), lang)


_default: TextNormalizer | None = None


def default_normalizer() -> TextNormalizer:
    """The process-wide normaliser (built lazily, once)."""
    global _default
    if _default is None:
        _default = TextNormalizer()
    return _default
