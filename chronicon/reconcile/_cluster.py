"""Grouping claims into events: block by (subject, type), then cluster inside a block.

No all-pairs comparison across the corpus: claims only meet inside their block,
and inside a block they are swept in date order, so the cost is
O(n log n) overall plus the size of the largest cluster.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from .._edtf import DateRange, parse_range
from ..model import Claim
from ._policy import INTERVAL_TYPES, PLACE_DEFINES, window_days


@lru_cache(maxsize=200_000)
def norm_key(text: Optional[str]) -> str:
    """Accent-, case- and punctuation-insensitive key for labels."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in t).split())


#: A regnal or ordinal number after a name ("Nicholas II"): kept as written, since the
#: transliteration key folds double letters ("ii" -> "i") and would merge two rulers.
_ROMAN = re.compile(r"^m*(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$")


@lru_cache(maxsize=200_000)
def label_key(label: Optional[str]) -> str:
    """Transliteration-insensitive key of a person's label.

    Labels are canonical when the entities stage resolved the name; when it did not,
    the label is the name as written ("Sinowjew", "Zinóviev"). The entities stage's
    ``translit_key`` makes such spellings meet while keeping the endings that tell
    people apart (Kamenev / Kameneva)."""
    if not label:
        return ""
    try:
        from ..entities import name_key, translit_key
    except Exception:  # noqa: BLE001 - without the entities stage, the plain key
        return norm_key(label)
    words = name_key(label).split()
    return " ".join(
        w if i and _ROMAN.match(w) else translit_key(w) for i, w in enumerate(words)
    )


# Keys use the canonical label, not the entity id: a subject resolved through the
# context (a pronoun) and one named in full must meet, and labels are canonical.
def subject_key(c: Claim) -> str:
    return label_key(c.subject)


def object_key(c: Claim) -> str:
    return norm_key(c.object)


def place_key(c: Claim) -> str:
    return norm_key(c.place)


def block_key(c: Claim) -> tuple:
    """Claims can only be about one event when they share this key.

    A report of an event ("the press reported in August 1929 that ...") is kept in
    a block of its own: a report is not the event, and its date is the report's."""
    kind = c.type
    if c.type == "quantity" and c.quantity:
        kind = f"quantity:{norm_key(str(c.quantity.get('property')))}"
    return (subject_key(c), kind, bool(c.reported))


class _Cluster:
    __slots__ = ("claims", "lo", "hi", "objects", "places", "ranges")

    def __init__(self, claim: Claim, rng: Optional[DateRange]):
        self.claims = [claim]
        self.ranges = [rng]
        self.lo = rng.lo if rng else None
        self.hi = rng.hi if rng else None
        self.objects = {object_key(claim)} - {""}
        self.places = {place_key(claim)} - {""}

    def accepts(self, c: Claim, rng: Optional[DateRange]) -> bool:
        ok = object_key(c)
        if ok and self.objects and ok not in self.objects:
            return False
        if c.type in PLACE_DEFINES:
            pk = place_key(c)
            if pk and self.places and pk not in self.places:
                return False
        if rng is None or self.lo is None and self.hi is None:
            return True
        if c.type in INTERVAL_TYPES:
            return any(r is None or r.overlaps(rng) for r in self.ranges)
        w = window_days(c.type)
        if w == float("inf"):
            return True
        # Within the window of every member, so a chain of close dates cannot
        # drift into one ever-wider "event".
        return all(r is None or r.gap(rng) <= w for r in self.ranges)

    def add(self, c: Claim, rng: Optional[DateRange]) -> None:
        self.claims.append(c)
        self.ranges.append(rng)
        if rng is not None:
            if rng.lo is not None:
                self.lo = rng.lo if self.lo is None else min(self.lo, rng.lo)
            if rng.hi is not None:
                self.hi = rng.hi if self.hi is None else max(self.hi, rng.hi)
        o, p = object_key(c), place_key(c)
        if o:
            self.objects.add(o)
        if p:
            self.places.add(p)


def _choose(c: Claim, rng: Optional[DateRange], fits: list[_Cluster]) -> Optional[_Cluster]:
    """The cluster a claim joins among those that accept it, or None for a new one.

    A claim that names no object ("he was expelled in December 1927") is ambiguous
    when the candidates differ in their objects (the Central Committee, the party):
    it then stands alone rather than being merged with a guess."""
    if not fits:
        return None
    if not object_key(c):
        objects = {frozenset(cl.objects) for cl in fits if cl.objects}
        if len(objects) > 1:
            return None
    same = [cl for cl in fits if object_key(c) and object_key(c) in cl.objects]
    pool = same or fits
    if rng is None or rng.mid is None:
        return pool[-1]
    return min(pool, key=lambda cl: min((r.gap(rng) for r in cl.ranges if r is not None), default=0))


def cluster(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims grouped into candidate events, in a stable order."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[block_key(c)].append(c)
    out: list[list[Claim]] = []
    for key in sorted(blocks, key=lambda k: (str(k[0]), str(k[1]), k[2])):
        members = blocks[key]
        dated = []
        undated = []
        for c in members:
            r = parse_range(c.date)
            (dated if r is not None else undated).append((c, r))
        # Finest dates first within equal starts, so a day-level claim seeds the cluster
        # and a month or year that contains it joins.
        # Claims that name their object first: an objectless claim is then judged
        # against every event of the block, not only those built before it.
        dated.sort(key=lambda cr: (not object_key(cr[0]), cr[1].lo if cr[1].lo is not None else -(10**9), cr[1].width, cr[0].id))
        clusters: list[_Cluster] = []
        for c, r in dated:
            fits = [cl for cl in (clusters if not object_key(c) else clusters[-50:]) if cl.accepts(c, r)]
            target = _choose(c, r, fits)
            if target is None:
                clusters.append(_Cluster(c, r))
            else:
                target.add(c, r)
        for c, r in undated:
            # An undated claim joins the block's only event if there is exactly one.
            fits = [cl for cl in clusters if cl.accepts(c, r)]
            if len(fits) == 1:
                fits[0].add(c, r)
            else:
                clusters.append(_Cluster(c, r))
        out.extend(cl.claims for cl in clusters)
    return out
