"""quickstatements: Wikidata QuickStatements V1 commands, one line per statement.

Only claims whose subject has a Wikidata QID (``ids.wikidata`` of its entity in
the store) and whose type maps to a property of shared/spec/event_types.md:

    birth P569, death P570, publication P577, formation P571, dissolution P576
    (the date is the value); membership P463, position_held / appointment P39,
    residence P551, award P166 (the value is the object's or place's QID, the
    date a qualifier: P580/P582 for an interval, P580 for an appointment, P585
    point in time otherwise).

Dates are ``+YYYY-MM-DDT00:00:00Z/P`` with precision P = 11 day, 10 month,
9 year, 8 decade, 7 century (unknown parts written 00;
a century is written with its middle year, 19XX as +1950), Gregorian by default
and ``/J`` appended for the Julian calendar model (Q1985786): an Old Style date
is written as the source gives it, in the Julian calendar. An approximate date
gets the qualifier P1480 (sourcing circumstances) Q5727902 (circa), an
uncertain one P1480 Q18122778 (presumably). Seasons, sets and open intervals
cannot be stated and are left out.

Every statement has a reference: S854 (reference URL) when the source path is
a web address, and always S1683 (quotation, monolingual text in the claim's
language) with the evidence sentence. QuickStatements has no escape syntax:
tabs and line breaks in a quote become spaces, ``|`` (a separator in
QuickStatements 2) becomes ``¦``; double quotes are kept as they are (a string
runs from its first to its last double quote).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .._edtf import _POINT, from_day_number, parse_range
from ._common import ExportData

#: event type -> (property, "time" | "item")
PROPERTIES: dict[str, tuple[str, str]] = {
    "birth": ("P569", "time"),
    "death": ("P570", "time"),
    "publication": ("P577", "time"),
    "formation": ("P571", "time"),
    "dissolution": ("P576", "time"),
    "membership": ("P463", "item"),
    "position_held": ("P39", "item"),
    "appointment": ("P39", "item"),
    "residence": ("P551", "item"),
    "award": ("P166", "item"),
}
PRECISION = {"day": 11, "month": 10, "year": 9, "decade": 8, "century": 7}
JULIAN_ITEM, GREGORIAN_ITEM = "Q1985786", "Q1985727"
CIRCA, PRESUMABLY = "Q5727902", "Q18122778"
MAX_STRING = 1500  # Wikidata's limit for a string value


def qs_time(edtf: Optional[str], calendar: str = "unstated", julian: Optional[str] = None) -> Optional[str]:
    """An EDTF point as a QuickStatements time value, or None when it cannot be one."""
    r = parse_range(edtf)
    if r is None or r.granularity not in PRECISION or r.lo is None:
        return None
    prec = PRECISION[r.granularity]
    is_julian = calendar == "julian"
    if is_julian and julian and parse_range(julian) and parse_range(julian).granularity == r.granularity:
        m = _POINT.match(julian.rstrip("~?%"))
        y, mo, d = int(m.group("y")), int(m.group("m") or 0), int(m.group("d") or 0)
    else:
        y, mo, d = from_day_number(r.lo)
        if is_julian and prec == 11:
            from convertdate import julian as _jul

            y, mo, d = _jul.from_gregorian(y, mo, d)
    if prec <= 9:  # year, decade: the first year of the range stands for it
        mo = d = 0
    if prec == 7:  # a century: a year in its middle, read alike whether centuries start at 00 or 01
        y += 50
    elif prec == 10:
        d = 0
    sign = "-" if y < 0 else "+"
    return f"{sign}{abs(y):04d}-{mo:02d}-{d:02d}T00:00:00Z/{prec}" + ("/J" if is_julian else "")


def qs_string(s: str) -> str:
    s = re.sub(r"[\t\r\n\v\f\u2028\u2029]+", " ", s).replace("|", "¦").strip()
    if len(s) > MAX_STRING:
        s = s[: MAX_STRING - 1] + "…"
    return f'"{s}"'


def _reference(data: ExportData, c) -> list[str]:
    ref = []
    path = (data.source_by_id.get(c.source) or {}).get("path") or ""
    if re.match(r"https?://", path):
        ref += ["S854", qs_string(path)]
    ref += ["S1683", f"{c.lang}:{qs_string(c.quote)}"]
    return ref


def _qualifiers(c) -> list[str]:
    q = []
    if c.date and c.date.rstrip().endswith(("~", "%")):
        q += ["P1480", CIRCA]
    elif c.date and c.date.rstrip().endswith("?"):
        q += ["P1480", PRESUMABLY]
    return q


def statements(data: ExportData) -> list[list[str]]:
    """Each statement as its TAB-separated parts."""
    out = []
    for c in data.claims:
        if c.type not in PROPERTIES or c.reported or not c.date:
            continue
        qid = data.wikidata(c.subject_id)
        if not qid:
            continue
        prop, kind = PROPERTIES[c.type]
        if kind == "time":
            value = qs_time(c.date, c.calendar, c.julian_date)
            if value is None:
                continue
            out.append([qid, prop, value, *_qualifiers(c), *_reference(data, c)])
            continue
        target = data.wikidata(c.place_id if c.type == "residence" and c.place_id else c.object_id)
        if not target:
            continue
        quals: list[str] = []
        if "/" in c.date:
            a, _, b = c.date.partition("/")
            for p, v in (("P580", a), ("P582", b)):
                t = qs_time(v, c.calendar) if v not in ("", "..") else None
                if t:
                    quals += [p, t]
        else:
            t = qs_time(c.date, c.calendar, c.julian_date)
            if t:
                quals += ["P580" if c.type == "appointment" else "P585", t]
        if not quals:
            continue
        out.append([qid, prop, target, *quals, *_qualifiers(c), *_reference(data, c)])
    return out


def document(data: ExportData) -> str:
    return "".join("\t".join(parts) + "\n" for parts in statements(data))


def write(data: ExportData, out: Path) -> list[Path]:
    out.write_text(document(data), "utf-8")
    return [out]
