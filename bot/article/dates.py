"""An article's own date, from a dateline near its top (Solar Hijri or Gregorian)."""

from __future__ import annotations

import re
from datetime import date

from bot.text.jalali import MONTHS, to_gregorian

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_PREFIX = r"(?:(?:تاریخ(?: انتشار)?|منتشر شده|published|date)\s*[:：]?\s*)?"
_NUMERIC = re.compile(rf"^{_PREFIX}(\d{{4}})\s*[/\-.]\s*(\d{{1,2}})\s*[/\-.]\s*(\d{{1,2}})$", re.I)
_TEXTUAL = re.compile(rf"^{_PREFIX}(?:\S+\s+)?(\d{{1,2}})\s+(\S+)\s+(\d{{4}})$", re.I)
_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_EN_TEXTUAL = re.compile(rf"^{_PREFIX}([a-z]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", re.I)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        if 1300 <= year <= 1500:
            if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
                return None
            return to_gregorian(year, month, day)
        if 1900 <= year <= 2200:
            return date(year, month, day)
    except ValueError:
        return None
    return None


def parse_dateline(line: str) -> date | None:
    """The date a line consists of, if it is only a date.

    >>> parse_dateline("۱۴۰۵/۰۹/۰۸")
    datetime.date(2026, 11, 29)
    >>> parse_dateline("تاریخ: ۸ آذر ۱۴۰۵")
    datetime.date(2026, 11, 29)
    >>> parse_dateline("2026-11-29"), parse_dateline("Nov. 29, 2026")
    (datetime.date(2026, 11, 29), datetime.date(2026, 11, 29))
    >>> parse_dateline("قیمت ۳.۴ درصد") is None
    True
    """
    text = line.strip().translate(_DIGITS).rstrip(".")
    if numeric := _NUMERIC.match(text):
        return _make(*(int(part) for part in numeric.groups()))
    if textual := _TEXTUAL.match(text):
        day, month_name, year = textual.groups()
        if month_name in MONTHS:
            return _make(int(year), MONTHS.index(month_name) + 1, int(day))
    if english := _EN_TEXTUAL.match(text):
        month_name, day, year = english.groups()
        month = _EN_MONTHS.get(month_name.lower())
        if month:
            return _make(int(year), month, int(day))
    return None
