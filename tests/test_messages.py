"""The bot's words: numbers, dates and greetings in the reader's language."""

from __future__ import annotations

from datetime import date, datetime
from string import Formatter

import pytest

from bot.messages import (
    _CATALOG,
    CATALOG_KEYS,
    digits,
    format_day,
    format_moment,
    is_greeting,
    number,
    say,
)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (0, "fa", "۰"),
        (0, "en", "0"),
        (7, "fa", "۷"),
        (1234, "fa", "۱٬۲۳۴"),
        (1234, "en", "1,234"),
        (1_000_000, "fa", "۱٬۰۰۰٬۰۰۰"),
        (-12, "fa", "-۱۲"),
        (5, "", "۵"),
    ],
)
def test_number(value: int, lang: str, expected: str) -> None:
    assert number(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(1234, "fa", "۱۲۳۴"), (1234, "en", "1234"), (0, "fa", "۰"), ("12", "fa", "۱۲")],
)
def test_digits(value: object, lang: str, expected: str) -> None:
    assert digits(value, lang) == expected


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (date(2026, 11, 29), "fa", "۸ آذر ۱۴۰۵"),
        (date(2026, 11, 29), "en", "29 November 2026"),
        (date(2025, 3, 21), "fa", "۱ فروردین ۱۴۰۴"),
        (date(2025, 3, 20), "fa", "۳۰ اسفند ۱۴۰۳"),
        (date(2026, 1, 1), "en", "1 January 2026"),
    ],
)
def test_format_day(day: date, lang: str, expected: str) -> None:
    assert format_day(day, lang) == expected


@pytest.mark.parametrize(
    ("moment", "lang", "expected"),
    [
        (datetime(2026, 1, 1, 8, 0), "fa", "۱۱ دی ۱۴۰۴، ساعت ۰۸:۰۰"),
        (datetime(2026, 1, 1, 8, 0), "en", "1 January 2026, 08:00"),
        (datetime(2026, 3, 20, 23, 59), "fa", "۲۹ اسفند ۱۴۰۴، ساعت ۲۳:۵۹"),
        (datetime(2026, 12, 31, 0, 5), "en", "31 December 2026, 00:05"),
    ],
)
def test_format_moment(moment: datetime, lang: str, expected: str) -> None:
    assert format_moment(moment, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سلام", True),
        ("درود", True),
        ("سلام!", True),
        ("  سلام  ", True),
        ("سلاااام", True),
        ("سلام خوبی؟", True),
        ("سلام، وقت بخیر", True),
        ("سلام علیکم", True),
        ("درود بر شما", True),
        ("hi", True),
        ("Hi!", True),
        ("HELLO", True),
        ("hello bot", True),
        ("hey there", True),
        ("👋 سلام", True),
        ("", False),
        ("   ", False),
        ("!!!", True),
        ("👋", True),
        ("🙂🙂", True),
        ("۱۲۳", False),
        ("صبح بخیر", True),
        ("صبح", False),
        ("شب", False),
        ("سلام ایران", False),
        ("اوکراین", False),
        ("میامی", False),
        ("hi ukraine", False),
        ("سلام " * 6, False),
        ("<b>سلام</b>", False),
        ("123", False),
        ("سلام 123", True),
    ],
)
def test_is_greeting(text: str, expected: bool) -> None:
    assert is_greeting(text) is expected


@pytest.mark.parametrize("key", sorted(CATALOG_KEYS))
def test_every_catalogue_entry_speaks_both_languages(key: str) -> None:
    """Both texts exist and take the same values, so a screen never falls back a language."""
    fa, en = _CATALOG[key]["fa"], _CATALOG[key]["en"]
    assert fa.strip() and en.strip()
    fields = [name for _, name, _, _ in Formatter().parse(fa) if name]
    assert sorted(fields) == sorted(name for _, name, _, _ in Formatter().parse(en) if name)
    values = dict.fromkeys(fields, "<&>")
    assert "&lt;&amp;&gt;" in say(key, "en", **values) or not fields
