"""Web addresses in text: where they are and what they link to (pure).

A URL written in running text ends before the punctuation after it, Persian or Latin
(«www.irna.ir،», "(see https://x.ir/a_(b))."); only http and https addresses with a
host name are links, so ``javascript:`` and the like stay text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Characters that never belong to a URL written in text: spaces, markup, Persian
#: quotes and punctuation, control and direction characters.
_URL = re.compile(
    r"(?<![\w@/.:-])(?:https?://|www\.)"
    r"[^\s<>«»\"“”‘’،؛\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+",
    re.IGNORECASE,
)
#: Punctuation that ends a sentence rather than the URL before it.
_URL_TRAILING = ".,:;!?…'*؟"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
WEB_SCHEMES = ("http", "https")


def _trim_url(url: str) -> str:
    """A URL found in text without the punctuation after it (a closing bracket it opened stays)."""
    while url:
        last = url[-1]
        if last in _URL_TRAILING or (
            last in _CLOSERS and url.count(_CLOSERS[last]) < url.count(last)
        ):
            url = url[:-1]
            continue
        break
    return url


def web_url(url: str) -> str | None:
    """The link target of a web address as written (``www.`` gets ``http://``), else ``None``.

    Only http and https addresses with a host name are links; anything else stays text.

    >>> web_url("www.irna.ir/news"), web_url("HTTPS://example.com")
    ('http://www.irna.ir/news', 'HTTPS://example.com')
    >>> web_url("javascript:alert(1)") is None, web_url("https://localhost") is None
    (True, True)
    """
    target = f"http://{url}" if url[:4].lower() == "www." else url
    try:
        parts = urlsplit(target)
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or "." not in host.strip("."):
        return None
    if any(char.isspace() or char in '<>"' for char in target):
        return None
    return target


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, target)`` of every web address in ``text``, in order.

    >>> find_urls("در www.irna.ir، و (https://x.ir/a_(b)).")
    [(3, 14, 'http://www.irna.ir'), (19, 37, 'https://x.ir/a_(b)')]
    """
    found = []
    for match in _URL.finditer(text):
        url = _trim_url(match.group())
        target = web_url(url) if url else None
        if target is not None:
            found.append((match.start(), match.start() + len(url), target))
    return found
