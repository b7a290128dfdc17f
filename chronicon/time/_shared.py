"""Arithmetic shared by every language: years, eras, Roman numerals, EDTF strings,
calendar conversion and date offsets.  No language data lives here."""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from typing import Optional

from convertdate import julian as _julian

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

#: EDTF season codes (ISO 8601-2 / EDTF level 1) -> TIMEX3 season codes.
SEASON_TIMEX = {21: "SP", 22: "SU", 23: "FA", 24: "WI"}

UNIT_TIMEX = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE", "H": "H"}


def roman_to_int(s: str) -> Optional[int]:
    s = s.upper().strip()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def year_with_era(year: int, era: Optional[str]) -> int:
    """Astronomical year: 44 BC -> -43, 1 BC -> 0."""
    if era == "bc":
        return 1 - year
    return year


def edtf_year(y: int) -> str:
    return f"-{abs(y):04d}" if y < 0 else f"{y:04d}"


def _with_month_day(year: str, m: Optional[int], d: Optional[int]) -> str:
    """The year as the format writes it, then -MM and -DD when known."""
    if m is None:
        return year
    return f"{year}-{m:02d}" if d is None else f"{year}-{m:02d}-{d:02d}"


def edtf_date(y: int, m: Optional[int] = None, d: Optional[int] = None) -> str:
    return _with_month_day(edtf_year(y), m, d)


def timex_year(y: int) -> str:
    return f"BC{1 - y:04d}" if y <= 0 else f"{y:04d}"


def timex_date(y: int, m: Optional[int] = None, d: Optional[int] = None) -> str:
    return _with_month_day(timex_year(y), m, d)


def valid_day(y: Optional[int], m: int, d: int) -> bool:
    """Is day ``d`` of month ``m`` possible (in year ``y``, or in some leap year)?"""
    if not 1 <= m <= 12 or d < 1:
        return False
    year = y if (y is not None and 1 <= y <= 9999) else 2000
    return d <= _calendar.monthrange(year, m)[1]


def julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    return tuple(_julian.to_gregorian(y, m, d))  # type: ignore[return-value]


def add_offset(parts: tuple, n: int, unit: str) -> Optional[tuple]:
    """Move a (y, m, d) date by ``n`` units; the result has the unit's granularity.

    Returns None when the anchor is too coarse for the unit (a day offset from a year).
    """
    y, m, d = parts
    if y is None:
        return None
    if unit in ("D", "W"):
        if m is None or d is None:
            return None
        days = n * (7 if unit == "W" else 1)
        try:
            t = _dt.date(y, m, d) + _dt.timedelta(days=days)
        except (ValueError, OverflowError):
            return None
        return (t.year, t.month, t.day)
    if unit == "M":
        if m is None:
            return None
        k = y * 12 + (m - 1) + n
        return (k // 12, k % 12 + 1, None)
    if unit == "Y":
        return (y + n, None, None)
    if unit == "DE":
        return (y + 10 * n, None, None)
    return None


_EDTF_DAY = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_anchor(s: Optional[str]) -> Optional[tuple]:
    """'1927-11' -> (1927, 11, None); None or anything else that is not a plain date -> None."""
    if not s:
        return None
    mt = _EDTF_DAY.match(str(s).strip())
    if not mt:
        return None
    y, m, d = mt.groups()
    return (int(y), int(m) if m else None, int(d) if d else None)


def feast_day(spec, y: int) -> Optional[tuple[int, int, int]]:
    """The day of a feast in year ``y``: ``spec`` is 'MM-DD' (a fixed feast, 'Noël':
    '12-25') or 'E+N' / 'E-N' (N days from Easter Sunday, 'Pentecôte': 'E+49').  Easter
    comes from dateutil: Gregorian from 1583, Julian before (the calendar the dates of
    those years are written in)."""
    spec = str(spec)
    mt = re.fullmatch(r"E([+-][0-9]+)?", spec)
    if mt:
        from dateutil.easter import EASTER_JULIAN, EASTER_WESTERN, easter

        e = easter(y, EASTER_WESTERN if y >= 1583 else EASTER_JULIAN)
        t = e + _dt.timedelta(days=int(mt.group(1) or 0))
        return (t.year, t.month, t.day)
    mt = re.fullmatch(r"([0-9]{1,2})-([0-9]{1,2})", spec)
    if mt and valid_day(y, int(mt.group(1)), int(mt.group(2))):
        return (y, int(mt.group(1)), int(mt.group(2)))
    return None


def republican_to_gregorian(year: int, month: int, day: int) -> Optional[tuple[int, int, int]]:
    """A date of the French Republican calendar ('18 brumaire an VIII': year 8, month 2,
    day 18) in the Gregorian calendar, with convertdate; None when it is impossible."""
    from convertdate import french_republican

    if not (1 <= month <= 13 and 1 <= day <= (30 if month < 13 else 6) and 1 <= year <= 14):
        return None
    try:
        return tuple(french_republican.to_gregorian(year, month, day))  # type: ignore[return-value]
    except (ValueError, IndexError):
        return None


def two_digit_year(yy: int, ref: int) -> int:
    """The year ending in ``yy`` nearest to ``ref`` ('3/3/21' in a text of 1920: 1921)."""
    c = ref // 100 * 100 + yy
    return min((c - 100, c, c + 100), key=lambda y: (abs(y - ref), -y))
