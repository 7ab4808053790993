"""Solar Hijri (Jalali) dates with Persian digits, for dates shown to readers."""

from __future__ import annotations

from datetime import date

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
_GREGORIAN_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def to_jalali(day: date) -> tuple[int, int, int]:
    """Convert a Gregorian date to ``(year, month, day)`` in the Solar Hijri calendar.

    >>> to_jalali(date(2025, 3, 21))
    (1404, 1, 1)
    >>> to_jalali(date(2026, 11, 29))
    (1405, 9, 8)
    """
    gy, gm, gd = day.year, day.month, day.day
    gy2 = gy + 1 if gm > 2 else gy
    days = (
        355666
        + 365 * gy
        + (gy2 + 3) // 4
        - (gy2 + 99) // 100
        + (gy2 + 399) // 400
        + gd
        + _GREGORIAN_DAYS_BEFORE_MONTH[gm - 1]
    )
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def to_gregorian(jy: int, jm: int, jd: int) -> date:
    """Convert a Solar Hijri date to a Gregorian :class:`date`.

    >>> to_gregorian(1404, 1, 1)
    datetime.date(2025, 3, 21)
    """
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    month_days = (0, 31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gm = 0
    while gm < 12 and gd > month_days[gm + 1]:
        gd -= month_days[gm + 1]
        gm += 1
    return date(gy, gm + 1, gd)


def persian_digits(value: object) -> str:
    """``value`` as text with Persian digits."""
    return str(value).translate(PERSIAN_DIGITS)


def format_jalali(day: date) -> str:
    """A date as readers in Iran write it: ``۸ آذر ۱۴۰۵``.

    >>> format_jalali(date(2026, 11, 29))
    '۸ آذر ۱۴۰۵'
    """
    year, month, dom = to_jalali(day)
    return f"{persian_digits(dom)} {MONTHS[month - 1]} {persian_digits(year)}"
