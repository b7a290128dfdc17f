"""Re-reconcile only the events that new claims touch.

Clustering never looks across people: claims meet only inside a block of one
person (after the surname-to-full-name mapping) and one type, and the links
between events (a report and its event, an attack dated as a death) stay within
one person too. The only corpus-wide inputs are

- the surname mapping (:func:`surname_keys`): a new "Lev Sedov" can make the bare
  "Sedov" of an old source ambiguous, so both old and new keys of any subject
  whose mapping changed count as touched;
- the witness groups (:func:`witness_groups`): a new source can make two old
  sources copies of one another (through itself), so every person with a claim in
  an old source whose group changed counts as touched.

Everything else about a person whose claims did not change is left as stored:
the same events, ids, verdicts and explanations. The events of touched people are
rebuilt from all their claims with the corpus-wide mapping and witness groups, so
the result equals a full reconciliation of the whole store (tests check this),
except for ids: a rebuilt event keeps the id of the stored event it shares most
claims with, and a new one gets the next free number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from ..model import Claim, Event
from ._cluster import label_key, surname_keys

_NUMBERED = re.compile(r"^e(\d+)$")


@dataclass
class Update:
    """What an incremental reconciliation changes in a stored set of events."""

    #: Ids of stored events to delete (they are rebuilt or no longer exist).
    removed: list[str] = field(default_factory=list)
    #: Rebuilt and new events, with their final ids.
    events: list[Event] = field(default_factory=list)
    #: Stored events left exactly as they were.
    kept: int = 0
    #: Person keys whose events were rebuilt.
    people: int = 0


def _partition(witness_of: Callable[[str], str], sources: Iterable[str]) -> dict[str, frozenset]:
    groups: dict[str, set] = {}
    for s in sources:
        groups.setdefault(witness_of(s), set()).add(s)
    return {s: frozenset(g) for g in groups.values() for s in g}


def update(
    old_events: Sequence[Event],
    claims: Sequence[Claim],
    new_sources: Iterable[str],
    *,
    rebuild: Callable[..., list[Event]],
    witness_groups: Callable[..., Callable[[str], str]],
) -> Update:
    """The change to ``old_events`` once the claims of ``new_sources`` join ``claims``.

    ``claims`` are all claims, old and new; ``rebuild(claims, full=, witness_of=,
    name_events=)`` is the full reconciliation run on a subset."""
    new_sources = set(new_sources)
    claims = [c for c in claims if c.type != "quantity"]
    old = [c for c in claims if c.source not in new_sources]
    new = [c for c in claims if c.source in new_sources]
    full_all = surname_keys(c.subject for c in claims)
    full_old = surname_keys(c.subject for c in old)
    # Person keys under both mappings, once per distinct subject label.
    keys: dict[Optional[str], tuple[str, str]] = {}
    for label in {c.subject for c in claims}:
        k = label_key(label)
        keys[label] = (full_all.get(k, k), full_old.get(k, k))

    touched = {keys[c.subject][0] for c in new}
    for a, b in keys.values():
        if a != b:
            touched.update((a, b))
    # the person keys just computed serve the witness groups too (no second person_keys)
    witness_all = witness_groups(claims, lambda label: keys[label][0])
    grouped = getattr(witness_all, "grouped", None)
    if grouped is None or new_sources & grouped:
        # A new source that copies or is copied can join old sources into one witness
        # (through itself): the old sources whose group changed touch their people.
        old_sources = {c.source for c in old}
        before = _partition(witness_groups(old, lambda label: keys[label][1]), old_sources)
        after = _partition(witness_all, old_sources)
        changed = {s for s in old_sources if before[s] != (after[s] & old_sources)}
        touched.update(keys[c.subject][0] for c in old if c.source in changed)

    # The stored events of touched people go; their claims are rebuilt, and so are
    # the claims of any stored event that shares a claim with them (closure).
    by_claim: dict[str, Event] = {cid: e for e in old_events for cid in e.claims}
    keys_of = {c.id: keys[c.subject] for c in claims}
    removed: dict[str, Event] = {}
    subset_ids: set[str] = set()
    frontier = [c.id for c in claims if keys_of[c.id][0] in touched or keys_of[c.id][1] in touched]
    while frontier:
        cid = frontier.pop()
        if cid in subset_ids:
            continue
        subset_ids.add(cid)
        e = by_claim.get(cid)
        if e is not None and e.id not in removed:
            removed[e.id] = e
            frontier.extend(x for x in e.claims if x in keys_of and x not in subset_ids)
    subset = [c for c in claims if c.id in subset_ids]

    taken = {e.id for e in old_events if e.id not in removed}
    numbers = [int(m.group(1)) for e in old_events if (m := _NUMBERED.match(e.id))]
    next_number = [max(numbers, default=0) + 1]

    def name_events(events: list[Event]) -> None:
        # Greedy: the largest overlaps first, each stored id used once.
        pairs = []
        for i, e in enumerate(events):
            counts: dict[str, int] = {}
            for cid in e.claims:
                o = by_claim.get(cid)
                if o is not None and o.id in removed:
                    counts[o.id] = counts.get(o.id, 0) + 1
            pairs.extend((-n, i, oid) for oid, n in counts.items())
        named: dict[int, str] = {}
        for _, i, oid in sorted(pairs):
            if i not in named and oid not in taken:
                named[i] = oid
                taken.add(oid)
        for i, e in enumerate(events):
            e.id = named.get(i) or _fresh()

    def _fresh() -> str:
        while True:
            eid = f"e{next_number[0]:04d}"
            next_number[0] += 1
            if eid not in taken:
                taken.add(eid)
                return eid

    events = rebuild(subset, full=full_all, witness_of=witness_all, name_events=name_events) if subset else []
    return Update(
        removed=sorted(removed),
        events=events,
        kept=len(old_events) - len(removed),
        people=len({keys_of[c][0] for c in subset_ids}),
    )
