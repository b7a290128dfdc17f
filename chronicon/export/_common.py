"""What every export reads from the store, and the date helpers they share.

Every format carries, for each date, its precision (day, month, year, season,
interval, set, ...), its calendar (gregorian, julian, unstated) and the source
that gives it; :func:`date_info` is the one place those three are worked out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .._edtf import human, parse_range
from ..model import Claim, Entity, Event

#: Namespace for Chronicon's own identifiers and terms in linked-data exports.
#: A URN: nothing pretends to be resolvable on the web.
NS = "urn:chronicon:"


@dataclass
class ExportData:
    """The whole store as exports see it (read once, shared by every format)."""

    events: list[Event]
    claims: list[Claim]
    sources: list[dict]
    entities: list[Entity]
    claim_by_id: dict[str, Claim] = field(default_factory=dict)
    entity_by_id: dict[str, Entity] = field(default_factory=dict)
    source_by_id: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.claim_by_id = {c.id: c for c in self.claims}
        self.entity_by_id = {e.id: e for e in self.entities}
        self.source_by_id = {s["id"]: s for s in self.sources}

    @classmethod
    def from_store(cls, store) -> "ExportData":
        return cls(
            events=store.events(),
            claims=store.claims(),
            sources=store.source_records(),
            entities=store.entities(),
        )

    def event_claims(self, event: Event) -> list[Claim]:
        return [self.claim_by_id[c] for c in event.claims if c in self.claim_by_id]

    def wikidata(self, entity_id: Optional[str]) -> Optional[str]:
        ent = self.entity_by_id.get(entity_id or "")
        qid = ent.ids.get("wikidata") if ent else None
        return str(qid) if qid else None


def precision(edtf: Optional[str]) -> Optional[str]:
    """day, month, season, year, decade, century, interval, set, unknown; None when no date."""
    r = parse_range(edtf)
    return r.granularity if r else None


def date_info(edtf: Optional[str], calendar: str = "unstated", source: Optional[str] = None) -> dict:
    """A date as every export carries it: value, precision, calendar, source, readable form."""
    r = parse_range(edtf)
    return {
        "date": edtf,
        "precision": r.granularity if r else None,
        "approximate": bool(r.approximate) if r else False,
        "calendar": calendar,
        "source": source,
        "human": human(edtf),
    }


def claim_date_fields(c: Claim, date_key: str) -> dict:
    """A claim's date as linked-data exports carry it, under the vocabulary's own
    key for the date: the EDTF value and its precision, the words as written, and
    the date as the source wrote it in the Old Style."""
    out: dict = {}
    if c.date:
        out[date_key] = c.date
        out["precision"] = precision(c.date)
    if c.date_text:
        out["dateText"] = c.date_text
    if c.julian_date:
        out["julianDate"] = c.julian_date
    return out


def event_calendar(event: Event) -> str:
    """julian when any date of the event was given Old Style, else the first stated one."""
    cals = [d.calendar for d in event.dates]
    if "julian" in cals:
        return "julian"
    for c in cals:
        if c != "unstated":
            return c
    return "unstated"


def label(value: Optional[str]) -> str:
    return (value or "").replace("_", " ")
