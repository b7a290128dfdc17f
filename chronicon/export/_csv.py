"""csv: two files, events and claims (RFC 4180, UTF-8, a header row).

``--out events.csv`` writes the events there and the claims beside it in
``events_claims.csv``; an existing folder gets ``events.csv`` and ``claims.csv``.
Lists (claim ids, sources) are joined with ``;``; structured cells (an event's
``dates`` with each date's precision, calendar and sources; a claim's
``quantity``, ``date_span``) are JSON. Quotes, commas and newlines inside a
quote are kept by CSV quoting; :func:`read_claims` / :func:`read_events` read
the files back.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..model import Claim, DateSupport, Event
from ._common import ExportData, event_calendar, precision

EVENT_FIELDS = [
    "id", "type", "subject", "object", "place", "verdict", "best_date", "best_date_precision",
    "best_date_text", "calendar", "explanation", "sources", "claims", "dates", "gap_days",
    "likely_reason", "related",
]
_CLAIM_SKIP = ("span",)
CLAIM_FIELDS = (
    [f for f in Claim.__dataclass_fields__ if f not in _CLAIM_SKIP][:12]
    + ["precision", "span_start", "span_end"]
    + [f for f in Claim.__dataclass_fields__ if f not in _CLAIM_SKIP][12:]
)
_JSON_CLAIM = ("quantity", "date_span")


def paths_for(out: Path) -> tuple[Path, Path]:
    """(events file, claims file) for an --out value."""
    if out.is_dir():
        return out / "events.csv", out / "claims.csv"
    return out, out.with_name(f"{out.stem}_claims{out.suffix or '.csv'}")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def write(data: ExportData, out: Path) -> list[Path]:
    ev_path, cl_path = paths_for(out)
    with ev_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=EVENT_FIELDS)
        w.writeheader()
        for e in data.events:
            dates = [
                {"date": d.date, "precision": precision(d.date), "calendar": d.calendar,
                 "sources": d.sources, "claims": d.claims, "facet": d.facet, "old_style": d.old_style}
                for d in e.dates
            ]
            w.writerow({
                "id": e.id, "type": e.type, "subject": e.subject, "object": _cell(e.object),
                "place": _cell(e.place), "verdict": e.verdict, "best_date": _cell(e.best_date),
                "best_date_precision": _cell(precision(e.best_date)), "best_date_text": _cell(e.best_date_text),
                "calendar": event_calendar(e), "explanation": e.explanation, "sources": ";".join(e.sources),
                "claims": ";".join(e.claims), "dates": json.dumps(dates, ensure_ascii=False),
                "gap_days": _cell(e.gap_days), "likely_reason": _cell(e.likely_reason),
                "related": ";".join(e.related),
            })
    with cl_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=CLAIM_FIELDS)
        w.writeheader()
        for c in data.claims:
            d = c.to_dict()
            row = {}
            for k in CLAIM_FIELDS:
                if k == "precision":
                    row[k] = _cell(precision(c.date))
                elif k == "span_start":
                    row[k] = c.span[0]
                elif k == "span_end":
                    row[k] = c.span[1]
                elif k in _JSON_CLAIM:
                    row[k] = "" if d.get(k) is None else json.dumps(d[k], ensure_ascii=False)
                else:
                    row[k] = _cell(d.get(k))
            w.writerow(row)
    return [ev_path, cl_path]


def _opt(s: str):
    return s if s != "" else None


def read_claims(path: Path) -> list[Claim]:
    """Claims back from a claims CSV written by :func:`write`."""
    out = []
    with Path(path).open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            d: dict = {k: _opt(v) for k, v in row.items()}
            d["span"] = (int(row["span_start"]), int(row["span_end"]))
            d["confidence"] = float(row["confidence"])
            d["reported"] = row["reported"] == "true"
            for k in _JSON_CLAIM:
                d[k] = json.loads(row[k]) if row[k] else None
            for k in ("subject", "subject_text", "quote", "calendar", "type", "lang", "source"):
                d[k] = row[k]
            out.append(Claim.from_dict(d))
    return out


def read_events(path: Path) -> list[Event]:
    """Events back from an events CSV written by :func:`write`."""
    out = []
    with Path(path).open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            dates = [
                DateSupport(date=d["date"], sources=d["sources"], claims=d["claims"], calendar=d["calendar"],
                            facet=d["facet"], old_style=d.get("old_style") or ())
                for d in json.loads(row["dates"])
            ]
            out.append(Event(
                id=row["id"], type=row["type"], subject=row["subject"], object=_opt(row["object"]),
                place=_opt(row["place"]), claims=row["claims"].split(";") if row["claims"] else [],
                sources=row["sources"].split(";") if row["sources"] else [], dates=dates, verdict=row["verdict"],
                explanation=row["explanation"], best_date=_opt(row["best_date"]),
                best_date_text=_opt(row["best_date_text"]),
                gap_days=int(row["gap_days"]) if row["gap_days"] else None, likely_reason=_opt(row["likely_reason"]),
                related=row["related"].split(";") if row["related"] else [],
            ))
    return out
