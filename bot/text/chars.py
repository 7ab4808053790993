"""Character-level helpers that need no language data.

Everything here is cheap and safe in the serving path: the bot folds search queries
with :func:`fold` without loading hazm.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ZWNJ = "\u200c"

#: Arabic letter forms and digits mapped to their Persian counterparts.
ARABIC_TO_PERSIAN = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "٠": "۰",
        "١": "۱",
        "٢": "۲",
        "٣": "۳",
        "٤": "۴",
        "٥": "۵",
        "٦": "۶",
        "٧": "۷",
        "٨": "۸",
        "٩": "۹",
    }
)

#: Characters removed outright: bidi embeddings and overrides, isolates, marks,
#: the byte order mark, soft hyphen and the zero-width joiner.
_INVISIBLE = re.compile("[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c]")
#: Other control characters (C0 and C1, tab excepted) become spaces.
_CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]")
_ARABIC_FORMS = re.compile("[يىكة٠-٩]")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZWNJ_RUN = re.compile(f"{ZWNJ}{{2,}}")
#: A half-space next to a space, or at a word edge, is meaningless.
_LOOSE_ZWNJ = re.compile(f"(?:(?<=\\s){ZWNJ}+|{ZWNJ}+(?=\\s)|^{ZWNJ}+|{ZWNJ}+$)", re.M)
#: Anything the first four steps of :func:`clean_line` change: without it they are skipped.
_UNCLEAN = re.compile(
    "[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c"
    "\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029"
    "\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|  |\u200c\u200c"
)
_PERSIAN_LETTER = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
#: Letters that never join the following letter: a half-space after them is invisible.
NON_JOINING = frozenset("اآأإدذرزژوؤ")


def strip_diacritics(text: str) -> str:
    """Remove Arabic-script diacritics (harakat, tanwin, hamza above, Quranic marks).

    >>> strip_diacritics("اساساً")
    'اساسا'
    """
    return _DIACRITICS.sub("", text)


def clean_line(line: str) -> str:
    """Remove invisible and control characters and collapse spaces in one line.

    >>> clean_line("  سلام\u202b   دنیا\x07 ")
    'سلام دنیا'
    """
    if _UNCLEAN.search(line):
        line = _INVISIBLE.sub("", line)
        line = _CONTROL.sub(" ", line)
        line = _ZWNJ_RUN.sub(ZWNJ, line)
        line = _SPACES.sub(" ", line)
    line = line.strip()
    if ZWNJ in line:
        line = _LOOSE_ZWNJ.sub("", line)
    return line.strip()


def clean_text(text: str) -> str:
    """NFC-normalise, unify line endings and clean every line (line count kept).

    >>> clean_text("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(clean_line(line) for line in text.split("\n"))


def to_persian_letters(text: str) -> str:
    """Map Arabic letter forms and Arabic-Indic digits to Persian ones.

    >>> to_persian_letters("كتاب ي ٣")
    'کتاب ی ۳'
    """
    return text.translate(ARABIC_TO_PERSIAN) if _ARABIC_FORMS.search(text) else text


def detect_lang(text: str) -> str:
    """``"fa"`` when Persian letters outnumber Latin ones, else ``"en"``.

    >>> detect_lang("The latest: سلام")
    'en'
    >>> detect_lang("")
    'fa'
    """
    # Counted by what removing them takes away: no list of every letter is built.
    persian = len(text) - len(_PERSIAN_LETTER.sub("", text))
    latin = len(text) - len(_LATIN_LETTER.sub("", text))
    return "en" if latin > persian else "fa"


#: Hamza on a seat folds to its seat letter, so that تأکید matches تاکید and رئیس matches
#: رییس; a hamza on the line and the tatweel disappear.
_TO_SEAT = (("أ", "ا"), ("إ", "ا"), ("ٱ", "ا"), ("ئ", "ی"), ("ؤ", "و"), ("ء", ""), ("ـ", ""))
#: The seat of a hamza varies between spellings of one word (مسئله, مسأله; مسئول,
#: مسؤول): the seat-neutral form writes every seated hamza as one mark, ء.
_TO_MARK = (("ء", ""), ("ـ", ""), ("أ", "ء"), ("إ", "ء"), ("ٱ", "ا"), ("ئ", "ء"), ("ؤ", "ء"))


_HAMZA_OR_TATWEEL = re.compile("[أإٱئؤءـ]")
#: A seated hamza, precomposed or as a combining mark.
_ANY_SEATED_HAMZA = re.compile("[أإئؤ\u0654\u0655]")


def _fold(text: str, hamza: tuple[tuple[str, str], ...]) -> str:
    # Both tables map a character to at most one word character, so the words of the
    # two foldings of one text line up.
    text = to_persian_letters(unicodedata.normalize("NFKC", text)).casefold()
    text = strip_diacritics(text).replace("ۀ", "ه")
    if _HAMZA_OR_TATWEEL.search(text):
        for old, new in hamza:  # str.replace is many times faster than translate here
            text = text.replace(old, new)
    return _INVISIBLE.sub("", text).replace(ZWNJ, "")


#: Words and labels are folded over and over while an article is parsed; longer texts
#: (an article body for the index) are folded once and not kept.
_FOLD_CACHE_CHARS = 64


def fold(text: str) -> str:
    """Fold text for matching: letter forms, hamza, digits, diacritics, case, half-spaces.

    The one folding of the project: the search index, search queries and anything
    that compares titles or labels go through it, so a query matches whether or not
    either side has half-spaces, Arabic letter forms, tatweel or a hamza on a seat
    (the seat letter stands for it).

    >>> fold("رئيس‌جمهور") == fold("رئیسجمهور")
    True
    >>> fold("تأكيـــد مؤسسة"), fold("رئیس")
    ('تاکید موسسه', 'رییس')
    """
    if len(text) <= _FOLD_CACHE_CHARS:
        return _fold_short(text)
    return _fold(text, _TO_SEAT)


@functools.lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text, _TO_SEAT)


def hamza_neutral(text: str) -> list[str]:
    """The folded words of ``text`` that have a seated hamza, in their seat-neutral form.

    The index keeps these beside :func:`fold`'s forms and a query looks for both, so
    that مسئله finds مسأله and the reverse.

    >>> hamza_neutral("مسئله و مسأله و مساله")
    ['مسءله', 'مسءله']
    >>> hamza_neutral("")
    []
    """
    if not _ANY_SEATED_HAMZA.search(text):
        return []
    pairs = zip(fold(text).split(), _fold(text, _TO_MARK).split(), strict=True)
    return [neutral for folded, neutral in pairs if folded != neutral]


def fold_for_index(text: str) -> str:
    """Fold indexed text so that joined, half-spaced and spaced queries all match.

    A word written with a half-space is indexed both joined and as its parts, a word
    with a seated hamza also in its seat-neutral form (:func:`hamza_neutral`).

    >>> fold_for_index("رئیس‌جمهور آمد")
    'رییسجمهور آمد رییس جمهور رءیسجمهور'
    """
    parts = " ".join(word for word in text.split() if ZWNJ in word).replace(ZWNJ, " ")
    return " ".join([*fold(text).split(), *fold(parts).split(), *hamza_neutral(text)])


_TERM = re.compile(r"\w+")


def search_terms(text: str) -> list[str]:
    """The folded words of a search query, as the full-text index tokenises them.

    >>> search_terms("رئيس‌جمهور، «ترامپ»!")
    ['رییسجمهور', 'ترامپ']
    >>> search_terms("")
    []
    """
    return _TERM.findall(fold(text))


def search_term_forms(text: str) -> list[tuple[str, ...]]:
    """Each word of a search query with the forms it may be indexed under.

    A word is matched by its folded form, and one with a seated hamza also by its
    seat-neutral form (:func:`hamza_neutral`), so مسئله finds مسأله and the reverse.

    >>> search_term_forms("مسأله «ترامپ»")
    [('مساله', 'مسءله'), ('ترامپ',)]
    >>> search_term_forms("")
    []
    """
    pairs = zip(_TERM.findall(fold(text)), _TERM.findall(_fold(text, _TO_MARK)), strict=True)
    return [(folded,) if folded == neutral else (folded, neutral) for folded, neutral in pairs]
