"""What the viewer shows, read from a store opened read-only.

The whole store is read into plain dicts once and kept until the file changes
(its modification time, or its WAL's, moves), so a store re-filled by
``chronicon reconcile --db`` while the viewer runs is picked up on the next
request. Every request thread gets the same immutable snapshot; SQLite
connections never cross threads.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .._edtf import day_edtf, from_day_number, human, parse_range
from ..model import VERDICTS, Claim, Event
from ..store import Store

#: How each verdict is named to a reader (legend and badges).
VERDICT_LABELS = {
    "contradiction": "Contradiction",
    "calendar_style": "Calendar style (Old/New Style)",
    "compatible": "Compatible (one is less precise)",
    "agree": "Agree",
    "single": "Single source",
}

VERDICT_HELP = {
    "contradiction": "The sources give dates that cannot all be right.",
    "calendar_style": "The dates differ only by the Julian (Old Style) / Gregorian (New Style) offset.",
    "compatible": "One source is vaguer (a month or a year) and contains the other's date.",
    "agree": "Every source gives the same date.",
    "single": "Only one source reports this event.",
}

LANG_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese", "de": "German"}


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_") or "x"


def iso_day(n: int) -> str:
    """A day number as an ISO date a browser can read (years outside 0..9999 signed, six digits)."""
    y, m, d = from_day_number(n)
    if 0 <= y <= 9999:
        return day_edtf(n)
    return f"{'-' if y < 0 else '+'}{abs(y):06d}-{m:02d}-{d:02d}"


def placement(value: Optional[str]) -> Optional[dict[str, Any]]:
    """Where a date goes on the timeline: a point for a day, a span for anything wider.

    ``start`` is the first day, ``end`` the day after the last (exclusive), both ISO."""
    r = parse_range(value)
    if r is None or r.lo is None or r.hi is None:
        if r is not None and (r.lo is not None or r.hi is not None):
            n = r.lo if r.lo is not None else r.hi
            return {"kind": "point", "start": iso_day(n), "end": None, "granularity": r.granularity}
        return None
    if r.lo == r.hi:
        return {"kind": "point", "start": iso_day(r.lo), "end": None, "granularity": r.granularity}
    return {"kind": "range", "start": iso_day(r.lo), "end": iso_day(r.hi + 1), "granularity": r.granularity}


def quote_parts(c: Claim) -> dict[str, str]:
    """The quoted sentence cut around the date words: ``before``, ``date``, ``after``.

    ``date_span`` is an offset into the source text, ``span`` the quote's; when
    they do not line up the date words are looked for in the quote."""
    q = c.quote or ""
    if c.date_span and c.span:
        a, b = c.date_span[0] - c.span[0], c.date_span[1] - c.span[0]
        if 0 <= a < b <= len(q) and (not c.date_text or q[a:b] == c.date_text or c.date_text not in q):
            return {"before": q[:a], "date": q[a:b], "after": q[b:]}
    if c.date_text and c.date_text in q:
        a = q.index(c.date_text)
        b = a + len(c.date_text)
        return {"before": q[:a], "date": q[a:b], "after": q[b:]}
    return {"before": q, "date": "", "after": ""}


def _type_label(t: str) -> str:
    return t.replace("_", " ")


@dataclass
class Snapshot:
    events: list[dict] = field(default_factory=list)
    by_id: dict[str, dict] = field(default_factory=dict)
    claims: dict[str, dict] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    person_by_key: dict[str, dict] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _sort_key(e: dict):
    r = parse_range(e["best_date"])
    lo = r.lo if r is not None and r.lo is not None else (r.hi if r is not None and r.hi is not None else 10**12)
    return (lo, e["subject"], e["id"])


def build_snapshot(st: Store) -> Snapshot:
    snap = Snapshot()
    events: list[Event] = st.events()
    claims: list[Claim] = st.claims()
    sources = st.sources()
    src_lang = {s["id"]: s["lang"] for s in sources}
    persons = {e.label: e for e in st.entities() if e.kind == "person"}

    for c in claims:
        d = c.to_dict()
        d["quote_parts"] = quote_parts(c)
        d["date_human"] = human(c.date) if c.date else "no date"
        d["julian_human"] = human(c.julian_date) if c.julian_date else None
        d["lang_name"] = LANG_NAMES.get(c.lang, c.lang)
        d["source_lang"] = src_lang.get(c.source)
        snap.claims[c.id] = d

    claim_event: dict[str, str] = {}
    for e in events:
        d = e.to_dict()
        d["type_label"] = _type_label(e.type)
        d["best_date_human"] = human(e.best_date) if e.best_date else "no date"
        d["placement"] = placement(e.best_date)
        d["n_claims"] = len(e.claims)
        d["n_sources"] = len(e.sources)
        d["langs"] = sorted({snap.claims[c]["lang"] for c in e.claims if c in snap.claims})
        d["readings"] = [
            {
                "letter": chr(ord("A") + i) if i < 26 else str(i + 1),
                "date": ds.date,
                "date_human": human(ds.date) if ds.date else "no date",
                "sources": ds.sources,
                "claims": ds.claims,
                "calendar": ds.calendar,
                "facet": ds.facet,
                "placement": placement(ds.date),
            }
            for i, ds in enumerate(e.dates)
        ]
        text = " ".join(
            [e.subject, e.type, _type_label(e.type), e.object or "", e.place or "", e.explanation or "",
             e.best_date_text or "", d["best_date_human"], " ".join(e.sources)]
            + [snap.claims[c]["quote"] + " " + (snap.claims[c]["date_text"] or "") for c in e.claims if c in snap.claims]
        )
        d["_search"] = text.casefold()
        person_ids = []
        for label in (e.subject, e.object):
            if label and label in persons:
                person_ids.append(persons[label].id)
        d["persons"] = person_ids
        snap.events.append(d)
        for c in e.claims:
            claim_event[c] = e.id
    snap.events.sort(key=_sort_key)
    snap.by_id = {e["id"]: e for e in snap.events}
    for cid, d in snap.claims.items():
        d["event"] = claim_event.get(cid)

    n_claims: dict[str, int] = {}
    for c in claims:
        n_claims[c.source] = n_claims.get(c.source, 0) + 1
    for s in sources:
        s = dict(s)
        s["lang_name"] = LANG_NAMES.get(s["lang"], s["lang"])
        s["n_claims"] = n_claims.get(s["id"], 0)
        s["n_events"] = sum(1 for e in snap.events if s["id"] in e["sources"])
        s["n_contradictions"] = sum(
            1 for e in snap.events if s["id"] in e["sources"] and e["verdict"] == "contradiction"
        )
        snap.sources.append(s)

    for label, ent in sorted(persons.items()):
        evs = [e for e in snap.events if ent.id in e["persons"]]
        if not evs:
            continue
        dated = [e for e in evs if e["placement"]]
        p = {
            "id": ent.id,
            "label": ent.label,
            "aliases": ent.aliases,
            "n_events": len(evs),
            "n_contradictions": sum(1 for e in evs if e["verdict"] == "contradiction"),
            "first": dated[0]["best_date_human"] if dated else None,
            "last": dated[-1]["best_date_human"] if dated else None,
            "born": next((e["best_date_human"] for e in evs if e["type"] == "birth" and e["subject"] == ent.label), None),
            "died": next((e["best_date_human"] for e in evs if e["type"] == "death" and e["subject"] == ent.label), None),
        }
        snap.persons.append(p)
        snap.person_by_key[ent.id] = p
        snap.person_by_key[ent.label.casefold()] = p
    snap.persons.sort(key=lambda p: (-p["n_events"], p["label"]))

    verdicts = {v: 0 for v in VERDICTS}
    for e in snap.events:
        verdicts[e["verdict"]] = verdicts.get(e["verdict"], 0) + 1
    snap.counts = {
        "sources": len(sources),
        "claims": len(claims),
        "events": len(events),
        "persons": len(snap.persons),
        **{f"verdict_{k}": v for k, v in verdicts.items()},
    }
    return snap


class Catalog:
    """The store at ``db_path``, read-only, as a snapshot that follows the file."""

    def __init__(self, db_path: str | os.PathLike):
        self.db_path = Path(db_path)
        self._lock = threading.Lock()
        self._stamp: Optional[tuple] = None
        self._snap: Optional[Snapshot] = None
        self.get()  # fail now (no such file, not a store) rather than on the first request

    def _file_stamp(self) -> tuple:
        out = []
        for suffix in ("", "-wal"):
            p = Path(str(self.db_path) + suffix)
            try:
                s = p.stat()
                out.append((s.st_mtime_ns, s.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def get(self) -> Snapshot:
        stamp = self._file_stamp()
        with self._lock:
            if self._snap is None or stamp != self._stamp:
                with Store(self.db_path, readonly=True) as st:
                    self._snap = build_snapshot(st)
                self._stamp = stamp
            return self._snap

    @property
    def name(self) -> str:
        return self.db_path.name


# -- queries -------------------------------------------------------------------------------

PUBLIC_EVENT_FIELDS = (
    "id", "type", "type_label", "subject", "object", "place", "verdict", "explanation", "best_date",
    "best_date_text", "best_date_human", "gap_days", "likely_reason", "sources", "claims", "n_claims",
    "n_sources", "langs", "persons", "placement", "readings", "related",
)


def public_event(e: dict) -> dict:
    return {k: e[k] for k in PUBLIC_EVENT_FIELDS}


def filter_events(
    snap: Snapshot,
    *,
    person: Optional[str] = None,
    type: Optional[str] = None,
    verdict: Optional[str] = None,
    source: Optional[str] = None,
    q: Optional[str] = None,
    min_sources: int = 0,
) -> list[dict]:
    out = snap.events
    if person:
        p = snap.person_by_key.get(person) or snap.person_by_key.get(person.casefold())
        key = p["id"] if p else None
        out = [e for e in out if (key and key in e["persons"]) or e["subject"].casefold() == person.casefold()]
    if type:
        types = set(type.split(","))
        out = [e for e in out if e["type"] in types]
    if verdict:
        verdicts = set(verdict.split(","))
        out = [e for e in out if e["verdict"] in verdicts]
    if source:
        out = [e for e in out if source in e["sources"]]
    if q:
        words = q.casefold().split()
        out = [e for e in out if all(w in e["_search"] for w in words)]
    if min_sources:
        out = [e for e in out if e["n_sources"] >= min_sources]
    return out


def event_detail(snap: Snapshot, event_id: str) -> Optional[dict]:
    e = snap.by_id.get(event_id)
    if e is None:
        return None
    d = public_event(e)
    letter_of = {}
    for r in e["readings"]:
        for cid in r["claims"]:
            letter_of[cid] = r["letter"]
    claims = []
    for cid in e["claims"]:
        c = snap.claims.get(cid)
        if c is None:
            continue
        c = dict(c)
        c["reading"] = letter_of.get(cid)
        claims.append(c)
    order = {r["letter"]: i for i, r in enumerate(e["readings"])}
    claims.sort(key=lambda c: (order.get(c["reading"], 99), c["source"], c["id"]))
    d["claims_detail"] = claims
    comps = []
    for comp in e["comparisons"]:
        dates = comp.get("dates") or []
        groups = comp.get("claims") or []
        sides = []
        for i, dt in enumerate(dates):
            cids = groups[i] if i < len(groups) else []
            srcs = sorted({snap.claims[c]["source"] for c in cids if c in snap.claims})
            sides.append({"date": dt, "date_human": human(dt), "claims": cids, "sources": srcs,
                          "reading": next((letter_of[c] for c in cids if c in letter_of), None)})
        comps.append({"sides": sides, "verdict": comp.get("verdict"), "explanation": comp.get("explanation")})
    d["comparisons"] = comps
    d["related_events"] = [
        {"id": r, "label": f"{snap.by_id[r]['type_label']} — {snap.by_id[r]['subject']}"}
        for r in e["related"] if r in snap.by_id
    ]
    return d


def facets(snap: Snapshot) -> dict:
    types: dict[str, int] = {}
    for e in snap.events:
        types[e["type"]] = types.get(e["type"], 0) + 1
    return {
        "verdicts": [
            {"id": v, "label": VERDICT_LABELS.get(v, v), "help": VERDICT_HELP.get(v, ""),
             "count": snap.counts.get(f"verdict_{v}", 0)}
            for v in VERDICTS
        ],
        "types": [{"id": t, "label": _type_label(t), "count": n} for t, n in sorted(types.items())],
        "persons": [{"id": p["id"], "label": p["label"], "count": p["n_events"]} for p in snap.persons],
        "sources": [{"id": s["id"], "lang": s["lang"], "count": s["n_events"]} for s in snap.sources],
        "counts": snap.counts,
    }
