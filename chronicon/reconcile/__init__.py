"""Stage 5, reconcile: claims of many sources -> events with verdicts.

Public API:

- ``reconcile(claims, *, country_of=None) -> list[Event]``

Reads only Claims (and, for the calendar rule, the country of a place), never
the documents: the cross-document half of the pipeline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Optional

from .._edtf import human, parse_range
from ..model import Claim, Event
from ._cluster import cluster, label_key, norm_key, object_key
from ._verdict import _names, judge

__all__ = ["reconcile", "witness_groups"]


def _most_common(values: Iterable[Optional[str]]) -> Optional[str]:
    vals = [v for v in values if v]
    if not vals:
        return None
    return Counter(vals).most_common(1)[0][0]


def witness_groups(claims: Iterable[Claim]) -> Callable[[str], str]:
    """Map each source to its witness group: copies and near-copies share one.

    Two sources are copies of one text when they share at least two identical
    sentences (after normalising case, accents and punctuation), or when every
    claim sentence of the smaller one appears in the larger one."""
    by_quote: dict[str, set[str]] = defaultdict(set)
    quotes_of: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        q = norm_key(c.quote)
        if len(q.split()) < 6:
            continue  # short lines (headings, captions) are shared by chance
        by_quote[q].add(c.source)
        quotes_of[c.source].add(q)
    shared: Counter = Counter()
    for srcs in by_quote.values():
        if 1 < len(srcs) <= 50:
            s = sorted(srcs)
            for i in range(len(s)):
                for j in range(i + 1, len(s)):
                    shared[(s[i], s[j])] += 1
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for (a, b), n in shared.items():
        smaller = min(len(quotes_of[a]), len(quotes_of[b]))
        if n >= 2 or n >= smaller:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return find


def _default_country_of() -> Callable[[Optional[str], Optional[str]], Optional[str]]:
    try:
        from ..entities import default_registry
    except Exception:  # noqa: BLE001 - without the entities stage, countries are unknown
        return lambda label, eid: None
    registry = default_registry()

    @lru_cache(maxsize=50_000)
    def country_of(label: Optional[str], eid: Optional[str]) -> Optional[str]:
        ent = None
        if eid:
            ent = registry.get(eid)
        if ent is None and label:
            ent = registry.resolve(label, kind="place")
        if ent is None:
            return None
        ids = ent.ids or {}
        return ids.get("country") or ids.get("iso")

    return country_of


def reconcile(
    claims: Iterable[Claim],
    *,
    country_of: Optional[Callable[[Optional[str], Optional[str]], Optional[str]]] = None,
) -> list[Event]:
    """Group claims into events and judge each one.

    ``country_of(place_label, place_id)`` gives the ISO country of a place, for
    deciding whether the Julian calendar was in use; by default the entities
    stage's gazetteer answers."""
    claims = [c for c in claims if c.type != "quantity"]
    if country_of is None:
        country_of = _default_country_of()
    witness_of = witness_groups(claims)
    groups = cluster(claims)
    events: list[Event] = []
    for members in groups:
        place = _most_common(c.place for c in members)
        place_id = _most_common(c.place_id for c in members)
        j = judge(members, witness_of=witness_of, country=country_of(place, place_id))
        events.append(
            Event(
                id="",
                type=members[0].type,
                subject=_most_common(c.subject for c in members) or members[0].subject,
                object=_most_common(c.object for c in members),
                place=place,
                claims=[c.id for c in members],
                sources=sorted({c.source for c in members}),
                dates=j.dates,
                verdict=j.verdict,
                explanation=j.explanation,
                best_date=j.best_date,
                best_date_text=j.best_date_text,
                gap_days=j.gap_days,
                likely_reason=j.likely_reason,
                comparisons=j.comparisons or [],
            )
        )
    # Stable ids in chronological order.
    def order(e: Event):
        r = parse_range(e.best_date)
        return (r.lo if r and r.lo is not None else 10**9, e.subject, e.type, e.claims[0])

    events.sort(key=order)
    for i, e in enumerate(events, 1):
        e.id = f"e{i:04d}"
    by_id = {c.id: c for c in claims}
    _link_reports(events, by_id)
    _attacks_dated_as_deaths(events)
    return events


def _attacks_dated_as_deaths(events: list[Event]) -> None:
    """A death whose sources contradict each other, where the odd date is the day
    of an attack on the same person: that source dated the attack, not the death."""
    attacks: dict[str, dict[str, Event]] = defaultdict(dict)
    for e in events:
        if e.type == "attack":
            for d in e.dates:
                if d.date:
                    attacks[label_key(e.subject)].setdefault(d.date, e)
    if not attacks:
        return
    for e in events:
        if e.type != "death" or e.verdict != "contradiction":
            continue
        known = attacks.get(label_key(e.subject))
        if not known:
            continue
        for d in e.dates:
            a = known.get(d.date) if d.date else None
            if a is not None and d.date != e.best_date:
                e.likely_reason = "attack vs death"
                e.explanation += (
                    f" {human(d.date)} is the day of the attack on {e.subject} ({a.id}): "
                    f"{_names(d.sources)} dated the attack instead of the death."
                )
                if e.id not in a.related:
                    a.related.append(e.id)
                    e.related.append(a.id)
                break


def _link_reports(events: list[Event], by_id: dict[str, Claim]) -> None:
    """A report of an event and the event itself are related, never merged."""
    index: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        c = by_id[e.claims[0]]
        index[(label_key(e.subject), e.type, object_key(c))].append(e)
    for group in index.values():
        reports = [e for e in group if by_id[e.claims[0]].reported]
        facts = [e for e in group if not by_id[e.claims[0]].reported]
        for r in reports:
            for f in facts:
                r.related.append(f.id)
                f.related.append(r.id)
                r.explanation += (
                    f" This is a report of the event, dated when it was reported; the event itself is {f.id}."
                )
