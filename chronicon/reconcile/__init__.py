"""Stage 5, reconcile: claims of many sources -> events with verdicts.

Public API:

- ``reconcile(claims, *, country_of=None) -> list[Event]``
- ``update(old_events, claims, new_sources, *, country_of=None) -> Update``: only
  the events that the claims of new sources touch are rebuilt (``_incremental``).

Reads only Claims (and, for the calendar rule, the country of a place), never
the documents: the cross-document half of the pipeline.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Optional

from .._edtf import human, parse_range
from ..model import Claim, Event
from ._cluster import DisjointSets, cluster, fold_key, norm_key, range_of, label_key, subject_keys
from ._incremental import Update
from ._incremental import update as _update
from ._verdict import _names, judge

__all__ = ["Update", "event_order", "reconcile", "update", "witness_groups"]


def _most_common(values: Iterable[Optional[str]]) -> Optional[str]:
    vals = [v for v in values if v]
    if not vals:
        return None
    v0 = vals[0]
    if all(v == v0 for v in vals):
        return v0
    return Counter(vals).most_common(1)[0][0]


def witness_groups(claims: Iterable[Claim], person: Optional[Callable] = None) -> Callable[[str], str]:
    """Map each source to its witness group: copies, near-copies and translations share one.

    Two sources are copies of one text when they share at least two identical
    sentences (after normalising case, accents and punctuation), or when every
    claim sentence of the smaller one appears in the larger one. A near-copy (some
    sentences edited) or a translation shares no sentence, but the same facts: two
    sources are one witness when at least three of the smaller one's dated facts
    (person, type, date), and four in five of them, are the larger one's."""
    claims = claims if isinstance(claims, list) else list(claims)
    if person is None:
        person = subject_keys(claims).get

    shared = _shared_sentences(claims)
    shared.update(_shared_facts(claims, person))
    return _groups(shared)


def _co_sources(items: Iterable[tuple[int, str]], cap: int) -> tuple[Counter, Counter]:
    """For (key hash, source) items: how many keys each pair of sources shares (keys
    held by more than ``cap`` sources are too common to tell copies), and how many
    distinct keys each source has. One pass, little memory: per key the first source
    that has it, then the set of sources once a second one does."""
    first: dict[int, object] = {}
    n_keys: Counter = Counter()
    for h, src in items:
        had = first.get(h)
        if had is None:
            first[h] = src
            n_keys[src] += 1
        elif isinstance(had, str):
            if had != src:
                first[h] = {had, src}
                n_keys[src] += 1
        elif src not in had:
            had.add(src)
            n_keys[src] += 1
    pairs: Counter = Counter()
    for srcs in first.values():
        if not isinstance(srcs, str) and len(srcs) <= cap:
            s = sorted(srcs)
            for i in range(len(s)):
                for j in range(i + 1, len(s)):
                    pairs[(s[i], s[j])] += 1
    return pairs, n_keys


def _shared_facts(claims: list[Claim], person: Callable) -> Counter:
    pairs, n_facts = _co_sources(
        ((hash((person(c.subject), c.type, c.date)), c.source) for c in claims if c.date), cap=20
    )
    out: Counter = Counter()
    for (a, b), n in pairs.items():
        if n >= 3 and n >= 0.8 * min(n_facts[a], n_facts[b]):
            out[(a, b)] = 2  # enough to group
    return out


def _shared_sentences(claims: list[Claim]) -> Counter:
    def quotes():
        for c in claims:
            q = fold_key(c.quote)
            if q.count(" ") >= 5:  # short lines (headings, captions) are shared by chance
                yield hash(q), c.source

    shared, n_quotes = _co_sources(quotes(), cap=50)
    out: Counter = Counter()
    for (a, b), n in shared.items():
        if n >= 2 or n >= min(n_quotes[a], n_quotes[b]):
            out[(a, b)] = n
    return out


def _groups(shared: Counter) -> Callable[[str], str]:
    sets = DisjointSets()
    for a, b in shared:
        sets.union(a, b)

    def find(x: str) -> str:
        return sets.find(x)

    #: Sources that are copies of, or copied by, another: the others are their own witness.
    find.grouped = frozenset(sets.parent) | frozenset(sets.parent.values())  # type: ignore[attr-defined]
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
    **incremental,
) -> list[Event]:
    """Group claims into events and judge each one.

    ``country_of(place_label, place_id)`` gives the ISO country of a place, for
    deciding whether the Julian calendar was in use; by default the entities
    stage's gazetteer answers."""
    # Reconcile allocates millions of small objects and frees almost none of them
    # until it returns; the cyclic collector would rescan them all again and again
    # (a third of the run time at 100,000 claims). Nothing here makes cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(claims, country_of, **incremental)
    finally:
        range_of.cache_clear()
        if enabled:
            gc.enable()


def update(
    old_events: list[Event],
    claims: Iterable[Claim],
    new_sources: Iterable[str],
    *,
    country_of: Optional[Callable[[Optional[str], Optional[str]], Optional[str]]] = None,
) -> Update:
    """Rebuild only the stored events that the claims of ``new_sources`` touch.

    ``claims`` are all claims, old and new. The rebuilt events equal those of a full
    :func:`reconcile` of all claims; untouched events are not in the result (keep
    them as stored), and rebuilt ones keep their stored ids where they can."""
    if country_of is None:
        country_of = _default_country_of()

    def rebuild(subset, **kw):
        return reconcile(subset, country_of=country_of, **kw)

    enabled = gc.isenabled()
    gc.disable()  # as in reconcile: many small objects, no cycles
    try:
        return _update(old_events, list(claims), new_sources, rebuild=rebuild, witness_groups=witness_groups)
    finally:
        if enabled:
            gc.enable()


def _reconcile(claims, country_of, full=None, witness_of=None, name_events=None) -> list[Event]:
    """``full``, ``witness_of``: corpus-wide surname mapping and witness groups when
    ``claims`` is a subset (incremental runs); ``name_events`` assigns the ids."""
    claims = [c for c in claims if c.type != "quantity"]
    if country_of is None:
        country_of = _default_country_of()
    if full is None:
        subjects = subject_keys(claims)
    else:  # a subset: the corpus-wide mapping
        subjects = {}
        for label in dict.fromkeys(c.subject for c in claims):
            k = label_key(label)
            subjects[label] = full.get(k, k)

    def person(label: Optional[str]) -> str:
        k = subjects.get(label)
        return k if k is not None else label_key(label)

    if witness_of is None:
        witness_of = witness_groups(claims, person)

    groups = cluster(claims, subjects=subjects)
    events: list[Event] = []
    first: dict[int, Claim] = {}  # id(event) -> its first claim (for reports)
    for members in groups:
        if len(members) == 1:
            c = members[0]
            place, place_id, subject, obj = c.place, c.place_id, c.subject, c.object
        else:
            place = _most_common(c.place for c in members)
            place_id = _most_common(c.place_id for c in members)
            subject = _most_common(c.subject for c in members) or members[0].subject
            obj = _most_common(c.object for c in members)
        j = judge(members, witness_of=witness_of, country=country_of(place, place_id))
        e = Event(
            id="",
            type=members[0].type,
            subject=subject,
            object=obj,
            place=place,
            claims=[c.id for c in members],
            sources=j.sources,
            dates=j.dates,
            verdict=j.verdict,
            explanation=j.explanation,
            best_date=j.best_date,
            best_date_text=j.best_date_text,
            gap_days=j.gap_days,
            likely_reason=j.likely_reason,
            comparisons=j.comparisons or [],
        )
        events.append(e)
        first[id(e)] = members[0]
    # Ids in chronological order (an incremental run keeps the stored ones instead).
    events.sort(key=event_order)
    if name_events is not None:
        name_events(events)
    else:
        for i, e in enumerate(events, 1):
            e.id = f"e{i:04d}"
    _link_reports(events, first, person)
    _attacks_dated_as_deaths(events, person)
    return events


def event_order(e: Event) -> tuple:
    """Chronological order of events (best date, then subject, type, first claim)."""
    return (_start(e.best_date), e.subject, e.type, e.claims[0] if e.claims else "")


def _start(value: Optional[str]) -> int:
    """First day of a best date (a set "[a,b]" starts with its earliest member)."""
    if not value:
        return 10**9
    if value[0] in "[{":
        return min((_start(v) for v in value.strip("[]{}").split(",")), default=10**9)
    r = parse_range(value)
    return r.lo if r is not None and r.lo is not None else 10**9


def _attacks_dated_as_deaths(events: list[Event], person=label_key) -> None:
    """A death whose sources contradict each other, where the odd date is the day
    of an attack on the same person: that source dated the attack, not the death."""
    attacks: dict[str, dict[str, Event]] = defaultdict(dict)
    for e in events:
        if e.type == "attack":
            for d in e.dates:
                if d.date:
                    attacks[person(e.subject)].setdefault(d.date, e)
    if not attacks:
        return
    for e in events:
        if e.type != "death" or e.verdict != "contradiction":
            continue
        known = attacks.get(person(e.subject))
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


def _link_reports(events: list[Event], first: dict[int, Claim], person=label_key) -> None:
    """A report of an event and the event itself are related, never merged.

    A report that names no object ("the press reported his expulsion") is related to
    the event of that person and type when there is exactly one."""
    index: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        index[(person(e.subject), e.type)].append(e)
    for group in index.values():
        if len(group) < 2:
            continue
        reports = [e for e in group if first[id(e)].reported]
        if not reports:
            continue
        facts = [e for e in group if not first[id(e)].reported]
        for r in reports:
            ok = norm_key(r.object)
            same = [f for f in facts if norm_key(f.object) == ok]
            if not same and not ok and len(facts) == 1:
                same = facts
            for f in same:
                r.related.append(f.id)
                f.related.append(r.id)
                r.explanation += (
                    f" This is a report of the event, dated when it was reported; the event itself is {f.id}."
                )
