"""timelinejs: TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per event that has a date to place. A day is a point; a month-level
date is drawn as a range from its first to its last day, a season or interval
from its first to its last day, a year as the year (``{"year": 1927}``); a
contradiction (a set of dates) spans its alternatives and its ``display_date``
names them. The slide text states the verdict, the explanation and, for each
source, its date with precision and calendar and the sentence that says so.
TimelineJS renders ``text`` and ``headline`` as HTML, so every piece of source
text is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Optional

from .._edtf import _days_in_month, from_day_number, human, human_alternatives, parse_range
from ._common import ExportData, event_calendar, label, precision

_e = html.escape


def _ymd(n: int) -> dict:
    y, m, d = from_day_number(n)
    return {"year": y, "month": m, "day": d}


def dates_for(edtf: Optional[str]) -> Optional[tuple[dict, Optional[dict]]]:
    """(start_date, end_date or None) for an EDTF value; None when it cannot be placed."""
    r = parse_range(edtf)
    if r is None or (r.lo is None and r.hi is None):
        return None
    shown = human(edtf)
    if r.granularity == "year":
        y = from_day_number(r.lo)[0]
        return {"year": y, "display_date": shown}, None
    if r.granularity == "day":
        return {**_ymd(r.lo), "display_date": shown}, None
    if r.lo is None or r.hi is None:  # open interval: the known end
        return {**_ymd(r.lo if r.lo is not None else r.hi), "display_date": shown}, None
    start, end = _ymd(r.lo), _ymd(r.hi)
    if r.granularity == "month":  # the whole month
        y, m, _ = from_day_number(r.lo)
        start, end = {"year": y, "month": m, "day": 1}, {"year": y, "month": m, "day": _days_in_month(y, m)}
    return {**start, "display_date": shown}, {**end, "display_date": shown}


def _slide(data: ExportData, e) -> Optional[dict]:
    value = e.best_date
    if value is None or parse_range(value) is None:
        cands = [d.date for d in e.dates if parse_range(d.date) is not None]
        if not cands:
            return None
        value = cands[0]
    placed = dates_for(value)
    if placed is None:
        return None
    start, end = placed
    what = label(e.type)
    if e.object:
        what += f": {e.object}"
    if e.place:
        what += f" ({e.place})"
    by_id = data.claim_by_id
    rows = []
    for d in e.dates:
        for cid in d.claims or []:
            c = by_id.get(cid)
            src = c.source if c else ", ".join(d.sources)
            quote = f" — «{_e(c.quote)}»" if c else ""
            words = f" (“{_e(c.date_text)}”)" if c and c.date_text else ""
            cal = c.calendar if c else d.calendar
            old = f"; Old Style {_e(human(c.julian_date))}" if c and c.julian_date else ""
            rows.append(
                f"<li><b>{_e(src)}</b>: {_e(human(d.date))}{words} "
                f"[{_e(precision(d.date) or 'no date')}, {_e(cal)}{old}]{quote}</li>"
            )
        if not d.claims:
            rows.append(f"<li><b>{_e(', '.join(d.sources))}</b>: {_e(human(d.date))} "
                        f"[{_e(precision(d.date) or 'no date')}, {_e(d.calendar)}]</li>")
    verdict = e.verdict
    lead = (f"<p><b>Contradiction</b>: the sources disagree — "
            f"{_e(human_alternatives([d.date for d in e.dates if d.date]))}.</p>"
            if verdict == "contradiction" else f"<p><b>{_e(verdict.replace('_', ' '))}</b></p>")
    text = (
        f"{lead}<p>{_e(e.explanation)}</p>"
        f"<p>Best date: {_e(e.best_date_text or human(e.best_date))} "
        f"[{_e(precision(e.best_date) or 'no date')}, {_e(event_calendar(e))}]</p>"
        f"<ul>{''.join(rows)}</ul>"
    )
    slide = {
        "unique_id": f"event-{e.id}",
        "start_date": start,
        "text": {"headline": _e(f"{e.subject}: {what}"), "text": text},
        "group": e.subject,
        "autolink": False,
    }
    if end is not None:
        slide["end_date"] = end
    if verdict == "contradiction":
        slide["display_date"] = human_alternatives([d.date for d in e.dates if d.date])
    return slide


def document(data: ExportData) -> dict:
    slides = [s for s in (_slide(data, e) for e in data.events) if s is not None]
    slides.sort(key=lambda s: (s["start_date"]["year"], s["start_date"].get("month", 0), s["start_date"].get("day", 0)))
    n_contra = sum(1 for e in data.events if e.verdict == "contradiction")
    return {
        "title": {
            "text": {
                "headline": "Chronicon timeline",
                "text": _e(f"{len(data.events)} events from {len(data.sources)} sources; "
                           f"{n_contra} contradictions."),
            }
        },
        "events": slides,
        "scale": "human",
    }


def write(data: ExportData, out: Path) -> list[Path]:
    out.write_text(json.dumps(document(data), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return [out]
