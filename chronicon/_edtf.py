"""EDTF strings as day ranges, and the Julian calendar arithmetic reconcile needs.

``edtf`` (the library) parses every EDTF form and is used to validate; but
reconcile compares millions of dates, and building ``edtf`` objects costs
~50 µs each, so the common forms (day, month, season, year, decade, century,
intervals, open ends, approximations) are read here with one regular
expression into proleptic-Gregorian day numbers, falling back to ``edtf``
for anything else (sets, exotic level-2 forms).
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from convertdate import julian as _julian

MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# Northern-hemisphere season months (EDTF 21-24); winter spans the year end.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


def day_number(y: int, m: int, d: int) -> int:
    """Days since 0000-03-01 in the proleptic Gregorian calendar (any year, BC too)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe


def from_day_number(n: int) -> tuple[int, int, int]:
    era = (n if n >= 0 else n - 146096) // 146097
    doe = n - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


def _days_in_month(y: int, m: int) -> int:
    if m == 2:
        leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
        return 29 if leap else 28
    return _calendar.mdays[m]


@dataclass(frozen=True)
class DateRange:
    """The days an EDTF value may denote: ``lo``..``hi`` inclusive (None = open)."""

    lo: Optional[int]
    hi: Optional[int]
    granularity: str  # day, month, season, year, decade, century, interval, set, unknown
    approximate: bool = False

    @property
    def is_day(self) -> bool:
        return self.granularity == "day"

    def contains(self, other: "DateRange") -> bool:
        lo_ok = self.lo is None or (other.lo is not None and other.lo >= self.lo)
        hi_ok = self.hi is None or (other.hi is not None and other.hi <= self.hi)
        return lo_ok and hi_ok

    def overlaps(self, other: "DateRange") -> bool:
        a_lo = self.lo if self.lo is not None else -(10**9)
        a_hi = self.hi if self.hi is not None else 10**9
        b_lo = other.lo if other.lo is not None else -(10**9)
        b_hi = other.hi if other.hi is not None else 10**9
        return a_lo <= b_hi and b_lo <= a_hi

    def gap(self, other: "DateRange") -> int:
        """Days between the two ranges (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        if self.hi is not None and other.lo is not None and self.hi < other.lo:
            return other.lo - self.hi
        if other.hi is not None and self.lo is not None and other.hi < self.lo:
            return self.lo - other.hi
        return 0

    @property
    def width(self) -> float:
        if self.lo is None or self.hi is None:
            return float("inf")
        return self.hi - self.lo + 1

    @property
    def mid(self) -> Optional[int]:
        if self.lo is None and self.hi is None:
            return None
        if self.lo is None:
            return self.hi
        if self.hi is None:
            return self.lo
        return (self.lo + self.hi) // 2


_POINT = re.compile(
    r"^(?P<y>-?\d{4}|\d{2}XX|\d{3}X)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%])?$"
)


#: A date of the right shape that does not exist (1900-02-29, 1920-13): never placed.
_INVALID = DateRange(None, None, "invalid")


def _point(s: str) -> Optional[DateRange]:
    m = _POINT.match(s)
    if not m:
        return None
    ys, ms, ds, q = m.group("y"), m.group("m"), m.group("d"), m.group("q")
    approx = q is not None
    if "X" in ys:
        if ys.endswith("XX"):
            base = int(ys[:2]) * 100
            return DateRange(day_number(base, 1, 1), day_number(base + 99, 12, 31), "century", approx)
        base = int(ys[:3]) * 10
        return DateRange(day_number(base, 1, 1), day_number(base + 9, 12, 31), "decade", approx)
    y = int(ys)
    if ms is None:
        return DateRange(day_number(y, 1, 1), day_number(y, 12, 31), "year", approx)
    mo = int(ms)
    if 21 <= mo <= 24:
        a, b = _SEASON_MONTHS[mo]
        lo = day_number(y, a, 1)
        by, bm = (y + 1, b - 12) if b > 12 else (y, b)
        hi = day_number(by, bm, _days_in_month(by, bm))
        return DateRange(lo, hi, "season", approx)
    if not 1 <= mo <= 12:
        return _INVALID
    if ds is None:
        return DateRange(day_number(y, mo, 1), day_number(y, mo, _days_in_month(y, mo)), "month", approx)
    d = int(ds)
    if not 1 <= d <= _days_in_month(y, mo):
        return _INVALID
    n = day_number(y, mo, d)
    return DateRange(n, n, "day", approx)


@lru_cache(maxsize=200_000)
def parse_range(value: Optional[str]) -> Optional[DateRange]:
    """EDTF string -> DateRange, or None when it is not a date Chronicon can place."""
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        lo_r = None if a in ("..", "") else _point(a)
        hi_r = None if b in ("..", "") else _point(b)
        if lo_r is _INVALID or hi_r is _INVALID:
            return None
        if (a not in ("..", "") and lo_r is None) or (b not in ("..", "") and hi_r is None):
            return _fallback(value)
        return DateRange(
            lo_r.lo if lo_r else None,
            hi_r.hi if hi_r else None,
            "interval",
            bool((lo_r and lo_r.approximate) or (hi_r and hi_r.approximate)),
        )
    r = _point(value)
    if r is _INVALID:
        return None
    return r if r is not None else _fallback(value)


def _fallback(value: str) -> Optional[DateRange]:
    try:
        from edtf import parse_edtf

        e = parse_edtf(value)
        lo, hi = e.lower_strict(), e.upper_strict()
        lo_n = day_number(lo.tm_year, lo.tm_mon, lo.tm_mday)
        hi_n = day_number(hi.tm_year, hi.tm_mon, hi.tm_mday)
        gran = "set" if value.startswith(("[", "{")) else "unknown"
        return DateRange(lo_n, hi_n, gran)
    except Exception:  # noqa: BLE001 - anything edtf cannot read is simply not placeable
        return None


def is_valid(value: str) -> bool:
    """True when ``value`` is an EDTF string the ``edtf`` library accepts."""
    try:
        from edtf import parse_edtf

        parse_edtf(value)
        return True
    except Exception:  # noqa: BLE001
        return False


def day_edtf(n: int) -> str:
    y, m, d = from_day_number(n)
    return f"{y:04d}-{m:02d}-{d:02d}"


def julian_offset(y: int, m: int = 7, d: int = 1) -> int:
    """Days by which the Julian calendar lags the Gregorian on that (Gregorian) date."""
    jy, jm, jd = _julian.from_gregorian(y, m, d)
    return day_number(y, m, d) - day_number(jy, jm, jd)


def julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    return tuple(_julian.to_gregorian(y, m, d))  # type: ignore[return-value]


def human(value: Optional[str]) -> str:
    """A readable English form: '17 January 1928', 'January 1928', 'autumn 1919', ..."""
    if not value:
        return "no date"
    if "/" in value:
        a, _, b = value.partition("/")
        if a in ("..", ""):
            return f"until {human(b)}"
        if b in ("..", ""):
            return f"from {human(a)}"
        return f"{human(a)} to {human(b)}"
    if value.startswith("[") or value.startswith("{"):
        parts = [human(p) for p in value.strip("[]{}").split(",")]
        return " or ".join(parts)
    m = _POINT.match(value)
    if not m:
        return value
    ys, ms, ds, q = m.group("y"), m.group("m"), m.group("d"), m.group("q")
    prefix = "about " if q in ("~", "%") else ""
    suffix = "?" if q in ("?", "%") else ""
    if ys.endswith("XX"):
        return f"{prefix}the {_ordinal(int(ys[:2]) + 1)} century{suffix}"
    if ys.endswith("X"):
        return f"{prefix}the {ys[:3]}0s{suffix}"
    y = int(ys)
    ytxt = f"{-y + 1} BC" if y <= 0 else str(y)
    if ms is None:
        return f"{prefix}{ytxt}{suffix}"
    mo = int(ms)
    if mo in SEASONS:
        return f"{prefix}{SEASONS[mo]} {ytxt}{suffix}"
    if not 1 <= mo <= 12:
        return value
    if ds is None:
        return f"{prefix}{MONTHS_EN[mo - 1]} {ytxt}{suffix}"
    return f"{prefix}{int(ds)} {MONTHS_EN[mo - 1]} {ytxt}{suffix}"


def human_alternatives(values: list[str]) -> str:
    """'17 or 31 January 1928' when the days share a month, else each date in full."""
    days = [_POINT.match(v) for v in values]
    if len(values) > 1 and all(m and m.group("d") and not m.group("q") for m in days):
        months = {(m.group("y"), m.group("m")) for m in days}
        if len(months) == 1:
            y, mo = months.pop()
            ds = sorted(int(m.group("d")) for m in days)
            return ", ".join(map(str, ds[:-1])) + f" or {ds[-1]} {MONTHS_EN[int(mo) - 1]} {int(y)}"
    return " or ".join(human(v) for v in values)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def common_unit(values: list[str]) -> Optional[str]:
    """The finest calendar unit (month or year) that contains all the values, if any."""
    ranges = [parse_range(v) for v in values]
    if not ranges or any(r is None or r.lo is None or r.hi is None for r in ranges):
        return None
    ys = {from_day_number(r.lo)[0] for r in ranges} | {from_day_number(r.hi)[0] for r in ranges}
    if len(ys) != 1:
        return None
    y = ys.pop()
    ms = {from_day_number(r.lo)[1] for r in ranges} | {from_day_number(r.hi)[1] for r in ranges}
    if len(ms) == 1 and all(r.granularity in ("day", "month") for r in ranges):
        return f"{y:04d}-{ms.pop():02d}"
    return f"{y:04d}"
