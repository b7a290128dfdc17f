"""Verdict, explanation and best date for one event's claims."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Optional

from functools import lru_cache

from .._edtf import (
    DateRange,
    common_unit,
    from_day_number,
    human_alternatives,
    parse_range,
)
from .._edtf import human as _human
from .._edtf import julian_offset as _julian_offset
from ..model import Claim, DateSupport
from ._cluster import range_of
from ._policy import FACET_ORDER, MOVEMENT_TYPES, julian_in_use

#: Both are pure and called for the same few thousand dates again and again.
human = lru_cache(maxsize=100_000)(_human)
julian_offset = lru_cache(maxsize=100_000)(_julian_offset)

_RANK = {"agree": 0, "compatible": 1, "calendar_style": 2, "contradiction": 3}


@dataclass(slots=True)
class Judgement:
    verdict: str
    explanation: str
    best_date: Optional[str]
    best_date_text: Optional[str]
    dates: list[DateSupport]
    gap_days: Optional[int] = None
    likely_reason: Optional[str] = None
    comparisons: list = None  # type: ignore[assignment]
    sources: list = None  # type: ignore[assignment]


def _names(sources: list[str]) -> str:
    s = sorted(sources)
    if len(s) == 1:
        return s[0]
    return ", ".join(s[:-1]) + " and " + s[-1]


def _pair(a: str, ra: DateRange, b: str, rb: DateRange, ctx: "_Ctx") -> tuple[str, str, Optional[str]]:
    """Compare two distinct dates: (kind, sentence, likely reason)."""
    ca, cb = ctx.claims_by_date[a], ctx.claims_by_date[b]
    if "/" in a or "/" in b:
        return _pair_intervals(a, ra, b, rb)
    # Nested: one is a coarser or containing form of the other.
    if ra.contains(rb) or rb.contains(ra):
        coarse, fine = (a, b) if ra.contains(rb) else (b, a)
        return (
            "compatible",
            f"{human(fine)} falls within {human(coarse)}: the sources differ only in precision",
            None,
        )
    # Ordered stages of one event (decision, announcement, departure, arrival...):
    # every claim of the earlier date names an earlier stage than every claim of the
    # later one. A claim without a facet dates the event itself (its execution).
    if any(c.facet for c in ca) or any(c.facet for c in cb):
        (ea, ca_), (eb, cb_) = ((a, ca), (b, cb)) if (ra.lo or 0) <= (rb.lo or 0) else ((b, cb), (a, ca))
        o_early = {_stage(c.facet) for c in ca_}
        o_late = {_stage(c.facet) for c in cb_}
        if max(o_early) < min(o_late):
            f1 = "/".join(sorted({c.facet or "event itself" for c in ca_}))
            f2 = "/".join(sorted({c.facet or "event itself" for c in cb_}))
            return (
                "compatible",
                f"{human(ea)} is the {f1} and {human(eb)} the {f2}: stages of one event in the right order",
                None,
            )
    gap = ra.gap(rb)
    # Calendar style: the gap is the Julian offset for that date, where the Julian calendar was used.
    if ra.is_day and rb.is_day:
        early, late = (ra, rb) if ra.lo < rb.lo else (rb, ra)
        y, m, d = from_day_number(late.lo)
        off = julian_offset(y, m, d)
        if gap == off:
            use = julian_in_use(late.lo, ctx.country)
            if use is not False:
                where = f" in {ctx.place_label}" if ctx.place_label and use else ""
                cond = "" if use else " (if the earlier source used the Old Style calendar)"
                return (
                    "calendar_style",
                    f"{human(from_day_number_str(early.lo))} is the Julian (Old Style) form of "
                    f"{human(from_day_number_str(late.lo))}: the {off}-day offset of that date{where}{cond}",
                    "calendar style",
                )
    reason, why = _likely_reason(a, ra, b, rb, gap, ctx)
    return ("contradiction", why, reason)


def _ends(d: str) -> tuple[Optional[DateRange], Optional[DateRange]]:
    """Start and end of an interval date ("1905/1910", "../1921"), each a range or None
    when open or unknown; a plain date is both its start and its end."""
    if "/" not in d:
        r = range_of(d)
        return r, r
    s, e = d.split("/", 1)
    return (range_of(s) if s and s != ".." else None), (range_of(e) if e and e != ".." else None)


def _both_closed(a: str, b: str) -> bool:
    return "/" in a and "/" in b and all(e is not None for e in _ends(a) + _ends(b))


def _pair_intervals(a: str, ra: DateRange, b: str, rb: DateRange) -> tuple[str, str, Optional[str]]:
    """Two dates of which one at least is a period. A source that gives both ends of a
    period asserts them: another closed period with a start (or end) that cannot be the
    same day contradicts it. A date inside the period, an open end ("../1921"), or the
    same ends at another precision, are compatible."""
    if "/" in a and "/" in b:
        (sa, ea), (sb, eb) = _ends(a), _ends(b)
        for which, x, y in (("start", sa, sb), ("end", ea, eb)):
            if x is not None and y is not None and not (x.contains(y) or y.contains(x)):
                gap = x.gap(y)
                reason = None
                xs = (a if x is sa or x is ea else b).split("/")[0 if which == "start" else 1]
                ys = (b if y is sb or y is eb else a).split("/")[0 if which == "start" else 1]
                why = f"the {which} of the period differs: {human(xs)} against {human(ys)}, {gap} days apart"
                if x.granularity == y.granularity and xs[4:] == ys[4:] and abs(int(xs[:4]) - int(ys[:4])) == 1:
                    reason = "year off by one"
                    why += "; the same date a year apart: a year off by one"
                return "contradiction", why, reason
    if ra.overlaps(rb) or ra.contains(rb) or rb.contains(ra):
        return (
            "compatible",
            f"{human(a)} and {human(b)} overlap: one period given with other bounds or precision, or a date within it",
            None,
        )
    gap = ra.gap(rb)
    return "contradiction", f"{human(a)} and {human(b)} do not overlap ({gap} days apart)", None


#: Stage of a claim without a facet: the event itself, after a decision or an
#: announcement, at the level of a start or a departure.
_EVENT_STAGE = 2


def _stage(facet: Optional[str]) -> int:
    return FACET_ORDER.get(facet, 9) if facet else _EVENT_STAGE


def from_day_number_str(n: int) -> str:
    y, m, d = from_day_number(n)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _likely_reason(a: str, ra: DateRange, b: str, rb: DateRange, gap: int, ctx: "_Ctx") -> tuple[Optional[str], str]:
    parts = [f"{human(a)} and {human(b)} are {gap} day{'s' if gap != 1 else ''} apart"]
    reason = None
    if ra.is_day and rb.is_day:
        ya, ma, da = from_day_number(ra.lo)
        yb, mb, db = from_day_number(rb.lo)
        late = ra if ra.lo > rb.lo else rb
        off = julian_offset(*from_day_number(late.lo))
        if ya == yb and ma == mb and f"{da:02d}" == f"{db:02d}"[::-1]:
            reason = "transposed digits"
            parts.append(f"the days {da} and {db} look like transposed digits")
        elif (ma, da) == (mb, db) and abs(ya - yb) == 1:
            reason = "year off by one"
            parts.append("the same day a year apart: a year off by one")
        elif julian_in_use(late.lo, ctx.country) is not False and abs(gap - off) <= 1:
            reason = "near the calendar offset"
            parts.append(
                f"close to, but not equal to, the {off}-day Julian/Gregorian offset for that date"
            )
        elif julian_in_use(late.lo, ctx.country) is not False and gap < 40:
            parts.append(f"not the {off}-day Julian/Gregorian offset for that date")
        elif gap < 40:
            parts.append(f"not the {off}-day Julian/Gregorian offset (the Julian calendar was no longer in use)")
    elif ra.is_day or rb.is_day:
        day, coarse = (a, b) if ra.is_day else (b, a)
        parts.append(f"the day {human(day)} falls outside {human(coarse)}")
        reason = "day outside the month" if parse_range(coarse).granularity == "month" else "day outside the period"
    if "decision" in ctx.facets:
        reason = reason or "decision vs execution"
        parts.append("one source dates the decision, the other its execution")
    elif ctx.type in MOVEMENT_TYPES and gap <= 60:
        reason = reason or "departure vs arrival"
        parts.append("dating the decision, the departure or the arrival would explain a gap of this size")
    return reason, "; ".join(parts)


@dataclass(slots=True)
class _Ctx:
    type: str
    country: Optional[str]
    place_label: Optional[str]
    claims_by_date: dict[str, list[Claim]]
    facets: frozenset = frozenset()


def judge(
    claims: list[Claim],
    *,
    witness_of: Callable[[str], str] = lambda s: s,
    country: Optional[str] = None,
) -> Judgement:
    """Verdict for the claims of one event.

    ``witness_of`` maps a source id to its witness group: copies of one text
    count as one witness when the best date is weighed."""
    if len(claims) == 1:  # the commonest event of all: one claim
        c = claims[0]
        ds = [DateSupport(c.date or None, [c.source], [c.id], c.calendar, c.facet,
                          (c.id,) if _old_style(c) else ())]
        r = range_of(c.date) if c.date else None
        if r is None:
            j = Judgement("single", "No source gives a date.", None, None, ds)
        else:
            j = Judgement("single", f"Only {c.source} reports this ({human(c.date)}).", c.date, human(c.date), ds)
        j.sources = [c.source]
        return j
    claims, read = _read_old_style(claims, country)
    j = _judge(claims, witness_of, country)
    if read:
        j.explanation = " ".join(read) + " " + j.explanation
    return j


def _old_style(c: Claim) -> bool:
    """The claim's date was written in the Julian calendar (its ``date`` is converted)."""
    return c.calendar == "julian" or bool(c.julian_date)


def _read_old_style(claims: list[Claim], country: Optional[str]) -> tuple[list[Claim], list[str]]:
    """Claims that name no calendar but write, to the day, the Old Style date another
    source gives for the same event, read as Old Style too (a Russian biography's
    unmarked "17 December 1916" beside a museum's "17 December 1916, Old Style"):
    the two agree, and both are 30 December in the Gregorian calendar. Not done when
    the Julian calendar was not in use there and then, or when a source that marks
    its date New Style gives that same day. Returns the claims (the read ones as
    converted copies; the claims themselves are not changed) and a sentence for
    each reading."""
    written: dict[str, Claim] = {}
    for c in claims:
        if c.julian_date and c.calendar == "julian" and c.date:
            written.setdefault(c.julian_date, c)
    if not written:
        return claims, []
    new_style = {c.date for c in claims if c.calendar == "gregorian"}
    out: list[Claim] = []
    read: list[str] = []
    for c in claims:
        m = written.get(c.date) if c.calendar == "unstated" and not c.julian_date else None
        if m is not None and m.source != c.source and c.date not in new_style:
            r, rm = range_of(c.date), range_of(m.date)
            if r is not None and r.is_day and rm is not None and julian_in_use(rm.lo, country) is not False:
                read.append(
                    f"{c.source} names no calendar for {human(c.date)}, the Old Style date that "
                    f"{m.source} gives; read as Old Style it is {human(m.date)} in the Gregorian calendar."
                )
                c = replace(c, date=m.date, calendar="julian", julian_date=c.date)
        out.append(c)
    return out, read


def _judge(claims: list[Claim], witness_of: Callable[[str], str], country: Optional[str]) -> Judgement:
    d0 = claims[0].date or ""
    if d0 and all(c.date == d0 for c in claims):
        j = _same_date(claims, d0)
        if j is not None:
            return j
    by_date: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_date[c.date or ""].append(c)
    src_of = {d: sorted({c.source for c in cs}) for d, cs in by_date.items()}
    sources = sorted({s for ss in src_of.values() for s in ss}) if len(src_of) > 1 else list(next(iter(src_of.values())))
    dates = [
        DateSupport(
            date=d or None,
            sources=src_of[d],
            claims=[c.id for c in cs],
            calendar="julian" if any(c.calendar == "julian" for c in cs) else cs[0].calendar,
            facet=next((c.facet for c in cs if c.facet), None),
            old_style=tuple(c.id for c in cs if _old_style(c)),
        )
        for d, cs in sorted(by_date.items())
    ]
    dated = {}
    for d in by_date:
        if d:
            r = range_of(d)
            if r is not None:
                dated[d] = r
    place_label = next((c.place for c in claims if c.place), None)
    facets = frozenset(c.facet for c in claims if c.facet)
    ctx = _Ctx(claims[0].type, country, place_label, by_date, facets)
    j = _judge_dated(claims, by_date, src_of, sources, dates, dated, ctx, witness_of)
    j.sources = sources
    return j


def _same_date(claims: list[Claim], d: str) -> Optional[Judgement]:
    """Every claim gives the same date: agree (or calendar_style when some sources
    wrote it Old Style and others New Style), the commonest case after a single
    claim. None: take the long way."""
    sources = sorted({c.source for c in claims})
    if len(sources) == 1 or range_of(d) is None:
        return None
    ds = [DateSupport(
        date=d,
        sources=list(sources),
        claims=[c.id for c in claims],
        calendar="julian" if any(c.calendar == "julian" for c in claims) else claims[0].calendar,
        facet=next((c.facet for c in claims if c.facet), None),
        old_style=tuple(c.id for c in claims if _old_style(c)),
    )]
    j = _one_date(claims, sources, d, ds)
    j.sources = sources
    return j


def _one_date(claims: list[Claim], sources: list[str], d: str, dates: list[DateSupport]) -> Judgement:
    """The judgement when every claim gives one day,
    some perhaps in the Old Style: a calendar style when the styles are mixed."""
    old = [c for c in claims if _old_style(c)]
    every = "both" if len(sources) == 2 else "all"
    if old and len(old) < len(claims):
        j = old[0]
        written = human(j.julian_date) if j.julian_date else "the Old Style date"
        expl = (
            f"{_names(sources)} agree on {human(d)} once {j.source}'s Old Style date "
            f"({written}, Julian calendar) is converted to the Gregorian calendar."
        )
        return Judgement("calendar_style", expl, d, human(d), dates, 0, "calendar style")
    if old and old[0].julian_date:
        expl = (f"{_names(sources)} {every} give {human(old[0].julian_date)} in the Old Style (Julian) "
                f"calendar, {human(d)} in the Gregorian.")
    else:
        expl = f"{_names(sources)} {every} give {human(d)}."
    return Judgement("agree", expl, d, human(d), dates, 0)


def _judge_dated(claims, by_date, src_of, sources, dates, dated, ctx, witness_of) -> Judgement:
    julian_marked = [c for c in claims if _old_style(c)]

    if not dated:
        return Judgement("single" if len(sources) == 1 else "agree", "No source gives a date.", None, None, dates)

    if len(sources) == 1:
        best = _finest_consistent(dated) or sorted(dated)[0]
        expl = f"Only {sources[0]} reports this ({human(best)})."
        if len(dated) > 1:
            expl = f"Only {sources[0]} reports this, with {len(dated)} dates: " + ", ".join(human(d) for d in sorted(dated)) + "."
        return Judgement("single", expl, best, human(best), dates)

    # Compare every pair of distinct dates (few per event).
    keys = sorted(dated)
    worst = "agree"
    comparisons: list[dict] = []
    sentences: list[str] = []
    reasons: list[str] = []
    gap_max = 0
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            kind, sentence, reason = _pair(keys[i], dated[keys[i]], keys[j], dated[keys[j]], ctx)
            gap_max = max(gap_max, dated[keys[i]].gap(dated[keys[j]]))
            if _RANK[kind] > _RANK[worst]:
                worst = kind
            who_i = _names(src_of[keys[i]])
            who_j = _names(src_of[keys[j]])
            verb = "gives" if len(src_of[keys[i]]) == 1 else "give"
            sentences.append(f"{who_i} {verb} {human(keys[i])}, {who_j} {human(keys[j])}: {sentence}")
            comparisons.append(
                {
                    "dates": [keys[i], keys[j]],
                    "claims": [[c.id for c in by_date[keys[i]]], [c.id for c in by_date[keys[j]]]],
                    "verdict": kind,
                    "explanation": sentence,
                }
            )
            if reason and kind == "contradiction":
                reasons.append(reason)

    if len(keys) == 1:
        return _one_date([c for c in claims if c.date], sources, keys[0], dates)

    best, best_text = _best_date(worst, dated, by_date, witness_of)
    explanation = ". ".join(sentences) + "."
    if julian_marked and worst in ("agree", "compatible") and len(julian_marked) < len(claims):
        # A source marks its date Old Style and, converted, it fits the others.
        j = julian_marked[0]
        written = human(j.julian_date) if j.julian_date else "the Old Style date"
        explanation = (
            f"{j.source}'s Old Style date ({written}, Julian calendar) is {human(j.date)} in the "
            f"Gregorian calendar. " + explanation
        )
        worst = "calendar_style"
    copies = _copy_note(sources, witness_of)
    if copies:
        explanation += " " + copies
    return Judgement(
        worst,
        explanation,
        best,
        best_text,
        dates,
        gap_days=gap_max if worst == "contradiction" else None,
        likely_reason=reasons[0] if worst == "contradiction" and reasons else None,
        comparisons=comparisons,
    )


def _finest_consistent(dated: dict[str, DateRange]) -> Optional[str]:
    """The narrowest date that every other date contains, if there is one."""
    for d in sorted(dated, key=lambda k: dated[k].width):
        if all(dated[o].contains(dated[d]) for o in dated):
            return d
    return None


def _best_date(verdict: str, dated: dict[str, DateRange], by_date: dict[str, list[Claim]], witness_of) -> tuple[Optional[str], Optional[str]]:
    weight = {d: len({witness_of(c.source) for c in by_date[d]}) for d in dated}
    if verdict == "compatible":
        closed = [d for d in dated if "/" in d and all(e is not None for e in _ends(d))]
        if closed:
            # a period: its closed form, best attested then most precise
            # the most precise form the others contain, else the best attested
            nested = [d for d in closed if all(dated[o].contains(dated[d]) for o in closed)]
            best = min(nested, key=lambda d: (dated[d].width, d)) if nested else \
                min(closed, key=lambda d: (-weight[d], dated[d].width, d))
            return best, f"{human(best)} (the period; other sources give a date within it or an open end)"
        fine = _finest_consistent(dated)
        if fine:
            return fine, f"{human(fine)} (the other sources give the same date less precisely)"
        # stages: the earliest stage is the event's start
        first = min(dated, key=lambda d: dated[d].lo or 0)
        return first, f"{human(first)} (first stage; later stages: " + ", ".join(human(d) for d in sorted(dated) if d != first) + ")"
    if verdict == "calendar_style":
        # The Gregorian reading is the later one of a pure offset pair.
        days = [d for d in dated if dated[d].is_day]
        latest = max(days, key=lambda d: dated[d].lo) if days else sorted(dated)[0]
        return latest, f"{human(latest)} (Gregorian; the other sources give the Julian date)"
    # contradiction: most independent witnesses wins; a tie is stated as a set. A
    # vaguer date that contains a contested one ("early 1928" around "17 January
    # 1928") supports every reading inside it and competes with none.
    # A closed period contains another period without supporting it: "1890/1897" and
    # "1892/1897" disagree on the start.
    dated = {d: r for d, r in dated.items()
             if not any(o != d and r.contains(dated[o]) and not dated[o].contains(r) and not _both_closed(d, o)
                        for o in dated)} or dated
    # A source that dates an earlier stage (the decision) is no witness for the date of
    # the event itself, when other sources date the event.
    event_weight = {d: len({witness_of(c.source) for c in by_date[d] if _stage(c.facet) >= _EVENT_STAGE})
                    for d in dated}
    if any(event_weight.values()):
        weight = event_weight
    ranked = sorted(dated, key=lambda d: (-weight[d], dated[d].width, d))
    top = ranked[0]
    if len(ranked) > 1 and weight[ranked[1]] == weight[top]:
        tied = sorted(d for d in dated if weight[d] == weight[top])
        common = common_unit(tied)
        counts = Counter(weight[d] for d in tied)
        each = "one source each" if counts.get(1) == len(tied) else "equal support"
        text = human_alternatives(tied) + f" ({each}"
        if common:
            text += f"; {human(common)} agreed"
        text += ")"
        return "[" + ",".join(tied) + "]", text
    others = ", ".join(f"{human(d)} ({weight[d]})" for d in ranked[1:])
    return top, f"{human(top)} ({weight[top]} independent sources; against: {others})"


def _copy_note(sources: list[str], witness_of) -> str:
    grouped = getattr(witness_of, "grouped", None)
    if grouped is not None and not any(s in grouped for s in sources):
        return ""
    groups: dict[str, list[str]] = defaultdict(list)
    for s in sources:
        groups[witness_of(s)].append(s)
    copies = [sorted(g) for g in groups.values() if len(g) > 1]
    if not copies:
        return ""
    return " ".join(
        f"{_names(g)} are copies of one text and count as one witness." for g in copies
    )
