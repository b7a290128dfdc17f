"""chronicon._edtf: EDTF strings as day ranges, Julian offsets, readable forms."""

from __future__ import annotations

import datetime as dt

import pytest
from convertdate import julian as cd_julian
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicon._edtf import (
    DateRange,
    common_unit,
    day_number,
    from_day_number,
    human,
    is_valid,
    julian_offset,
    parse_range,
)


def dn(iso: str) -> int:
    y, m, d = (int(x) for x in iso.split("-"))
    return day_number(y, m, d)


# ------------------------------------------------------------------ day numbers

def test_day_number_differences_match_python_dates():
    a, b = dt.date(1916, 12, 17), dt.date(1917, 3, 1)
    assert dn("1917-03-01") - dn("1916-12-17") == (b - a).days
    assert dn("2000-03-01") - dn("2000-02-28") == 2  # 2000 is a leap year
    assert dn("1900-03-01") - dn("1900-02-28") == 1  # 1900 is not


# ------------------------------------------------------------------ parse_range

def test_day():
    r = parse_range("1928-01-17")
    assert r == DateRange(dn("1928-01-17"), dn("1928-01-17"), "day")
    assert r.is_day and r.width == 1


def test_month_has_its_real_length():
    r = parse_range("1928-02")
    assert r.granularity == "month"
    assert (r.lo, r.hi) == (dn("1928-02-01"), dn("1928-02-29"))  # leap year
    r = parse_range("1927-02")
    assert r.hi == dn("1927-02-28")


def test_season_autumn_and_winter_across_the_year_end():
    r = parse_range("1919-23")
    assert r.granularity == "season"
    assert (r.lo, r.hi) == (dn("1919-09-01"), dn("1919-11-30"))
    w = parse_range("1919-24")
    assert (w.lo, w.hi) == (dn("1919-12-01"), dn("1920-02-29"))


def test_year_decade_century():
    y = parse_range("1928")
    assert (y.lo, y.hi, y.granularity) == (dn("1928-01-01"), dn("1928-12-31"), "year")
    d = parse_range("193X")
    assert (d.lo, d.hi, d.granularity) == (dn("1930-01-01"), dn("1939-12-31"), "decade")
    c = parse_range("19XX")
    assert (c.lo, c.hi, c.granularity) == (dn("1900-01-01"), dn("1999-12-31"), "century")


def test_intervals_closed_and_open():
    r = parse_range("1925-05/1927-11-17")
    assert (r.lo, r.hi, r.granularity) == (dn("1925-05-01"), dn("1927-11-17"), "interval")
    until = parse_range("../1933-07-24")
    assert until.lo is None and until.hi == dn("1933-07-24")
    since = parse_range("1930/..")
    assert since.lo == dn("1930-01-01") and since.hi is None
    assert until.width == float("inf")
    # an open start contains any earlier day; a closed one does not
    assert until.contains(parse_range("1800-01-01"))
    assert not r.contains(parse_range("1800-01-01"))


def test_approximations_keep_their_range():
    for v in ("1932~", "1932?", "1932%"):
        r = parse_range(v)
        assert r.approximate, v
        assert (r.lo, r.hi) == (dn("1932-01-01"), dn("1932-12-31")), v
    assert not parse_range("1932").approximate
    assert parse_range("1932-05~").granularity == "month"
    assert parse_range("1932~/1934").approximate


@pytest.mark.parametrize(
    "value", ["1920-02-31", "1921-04-31", "1920-13", "1920-00", "1928-01-00", "garbage", "", None, "1928-1-5"]
)
def test_invalid_dates_give_none(value):
    assert parse_range(value) is None


def test_february_29_of_a_non_leap_century_is_invalid():
    assert parse_range("1900-02-29") is None


def test_february_29_of_a_leap_year_is_valid():
    assert parse_range("2000-02-29").is_day
    assert parse_range("1916-02-29").is_day


def test_set_is_read_through_the_edtf_library():
    r = parse_range("[1928-01-10,1928-01-17]")
    assert r.granularity == "set"
    assert (r.lo, r.hi) == (dn("1928-01-10"), dn("1928-01-17"))
    assert is_valid("[1928-01-10,1928-01-17]")
    assert not is_valid("1928-01-10 or so")


def test_gap_overlap_contains():
    a, b = parse_range("1916-12-17"), parse_range("1916-12-30")
    assert a.gap(b) == 13 and b.gap(a) == 13
    assert not a.overlaps(b)
    m = parse_range("1916-12")
    assert m.contains(a) and not a.contains(m)
    assert m.gap(a) == 0
    assert parse_range("1916-11-30").gap(m) == 1


def test_common_unit():
    assert common_unit(["1928-01-10", "1928-01-17"]) == "1928-01"
    assert common_unit(["1928-01-10", "1928-03"]) == "1928"
    assert common_unit(["1928-01-10", "1929-01-10"]) is None


# ------------------------------------------------------------------ Julian offset

@pytest.mark.parametrize(
    "y,m,d,want",
    [
        (1582, 10, 15, 10),  # first Gregorian day = 5 October 1582 (Julian)
        (1700, 2, 28, 10),
        (1700, 3, 12, 11),  # = 1 March 1700 (Julian)
        (1740, 5, 12, 11),
        (1800, 3, 13, 12),
        (1869, 1, 21, 12),
        (1900, 3, 14, 13),
        (1916, 12, 30, 13),
        (1918, 2, 14, 13),
        (2100, 3, 15, 14),  # = 1 March 2100 (Julian)
    ],
)
def test_julian_offset_known_values(y, m, d, want):
    assert julian_offset(y, m, d) == want


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1583, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_julian_offset_agrees_with_convertdate(g):
    jy, jm, jd = cd_julian.from_gregorian(g.year, g.month, g.day)
    try:
        jdate = dt.date(jy, jm, jd)
    except ValueError:  # 29 February of a Julian-only leap year: no Gregorian label to subtract
        return
    assert julian_offset(g.year, g.month, g.day) == (g - jdate).days
    # and back: the Julian date converts to the same Gregorian day
    assert tuple(cd_julian.to_gregorian(jy, jm, jd)) == (g.year, g.month, g.day)


# ------------------------------------------------------------------ human()

@pytest.mark.parametrize(
    "value,text",
    [
        ("1928-01-17", "17 January 1928"),
        ("1928-01", "January 1928"),
        ("1919-23", "autumn 1919"),
        ("1919-21", "spring 1919"),
        ("1928", "1928"),
        ("193X", "the 1930s"),
        ("1932~", "about 1932"),
        ("1932?", "1932?"),
        ("1932-05~", "about May 1932"),
        ("../1933-07-24", "until 24 July 1933"),
        ("1930/..", "from 1930"),
        ("1925-05/1927-11-17", "May 1925 to 17 November 1927"),
        ("[1928-01-10,1928-01-17]", "10 January 1928 or 17 January 1928"),
        ("-0044-03-15", "15 March 45 BC"),
        (None, "no date"),
    ],
)
def test_human(value, text):
    assert human(value) == text


def test_human_century_ordinals():
    assert human("20XX") == "the 21st century"
    assert human("00XX") == "the 1st century"


def test_human_invalid_month_does_not_crash_or_invent_a_month():
    assert "December" not in human("1920-00")
    assert human("1920-13")  # must not raise


# ------------------------------------------------------------------ properties

@st.composite
def ymd(draw):
    d = draw(st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2100, 12, 31)))
    return d.year, d.month, d.day


@settings(max_examples=400, deadline=None)
@given(ymd())
def test_day_number_round_trip(t):
    assert from_day_number(day_number(*t)) == t


@settings(max_examples=200, deadline=None)
@given(ymd())
def test_month_contains_each_of_its_days(t):
    y, m, d = t
    month = parse_range(f"{y:04d}-{m:02d}")
    day = parse_range(f"{y:04d}-{m:02d}-{d:02d}")
    assert day is not None and month is not None
    assert month.contains(day)
    assert not day.contains(month) or month.width == 1
    # and the day next to the month's last day is outside it
    assert not month.contains(DateRange(month.hi + 1, month.hi + 1, "day"))
