"""One article, one fingerprint: the hash of its folded text, whatever file it came in.

Two files whose articles read the same once folded (letter forms, half-spaces,
digits, case, spacing) are the same article under two names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from bot.text import fold


def fingerprint(
    title: str,
    caption: str | None,
    lede: str | None,
    published: str | None,
    sections: Iterable[tuple[str, Sequence[str]]],
) -> str:
    """The fingerprint of an article's text: title, photo caption, lede, date, sections.

    >>> fingerprint("رئیس‌جمهور", None, "متن", None, []) == fingerprint(
    ...     "رئيس جمهور", "", " متن ", None, [])
    True
    """
    lines = [title, caption or "", lede or "", published or ""]
    for label, texts in sections:
        lines.append(label)
        lines.extend(texts)
    # Spaces go too: a half-space, a space or none between two words is the same text.
    folded = "".join(fold("\n".join(lines)).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]
