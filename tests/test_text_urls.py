"""Web addresses in running text: where they end, what they link to, what stays text."""

from __future__ import annotations

import pytest
from tgsandbox import parse_html

from bot.render import linked
from bot.text.urls import find_urls, web_url


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("", []),
        ("بدون نشانی", []),
        ("https://irna.ir", ["https://irna.ir"]),
        ("در https://irna.ir/news/1، ادامه", ["https://irna.ir/news/1"]),
        ("در https://irna.ir/news/1. جمله بعد", ["https://irna.ir/news/1"]),
        ("در «https://irna.ir/a» آمده", ["https://irna.ir/a"]),
        ("(https://x.ir/a_(b)).", ["https://x.ir/a_(b)"]),
        ("(see https://x.ir/a)", ["https://x.ir/a"]),
        ("آیا https://x.ir/a؟", ["https://x.ir/a"]),
        ("www.irna.ir؛ و", ["www.irna.ir"]),
        ("https://x.ir/?a=1&b=2!", ["https://x.ir/?a=1&b=2"]),
        ("https://fa.wikipedia.org/wiki/تهران را ببینید", ["https://fa.wikipedia.org/wiki/تهران"]),
        ("a https://x.ir/a\u200fb c", ["https://x.ir/a"]),
        ("HTTPS://X.IR/A", ["HTTPS://X.IR/A"]),
        ("دو نشانی: a.ir/x و www.b.ir", ["www.b.ir"]),
        # Not links: no host with a dot, other schemes, glued to a word or an address.
        ("https:// و http://localhost", []),
        ("ftp://irna.ir javascript:alert(1) mailto:a@b.ir", []),
        ("abchttps://irna.ir و user@www.irna.ir", []),
        ("<https://x.ir>", ["https://x.ir"]),
    ],
)
def test_find_urls(text: str, urls: list[str]) -> None:
    assert [text[start:end] for start, end, _ in find_urls(text)] == urls


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("www.irna.ir", "http://www.irna.ir"),
        ("https://irna.ir/a?b=1", "https://irna.ir/a?b=1"),
        ("http://irna.ir:8080/", "http://irna.ir:8080/"),
        ("http://[::1]/", None),
        ("http://[bad/", None),
        ("https://irna", None),
        ("file:///etc/passwd", None),
        ("", None),
    ],
)
def test_web_url(url: str, target: str | None) -> None:
    assert web_url(url) == target


@pytest.mark.parametrize(
    "text",
    [
        "ببینید: www.irna.ir، https://x.ir/?a=1&b=<2> و «https://y.ir/\"q\"»",
        "<a href=\"https://evil.ir\">x</a> https://ok.ir/a&amp;b",
        "https://x.ir/" + "a" * 5000,
    ],
)
def test_linked_shows_the_text_as_written(text: str) -> None:
    markup = linked(text)
    shown, entities = parse_html(markup)
    assert shown == text
    for entity in entities:
        assert entity["type"] == "text_link"
        at, length = int(entity["offset"]), int(entity["length"])
        assert str(entity["url"]).rstrip("/").endswith(text[at : at + length].rstrip("/")[-20:])
