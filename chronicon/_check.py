"""Editor mode: an article's dated claims, checked against sources (issue 7).

For each dated claim of the article, the sources that **support** it (same
date), **refine** it (one date lies inside the other: the source's is finer, or
the article's is), **explain** it (the dates differ by the Julian/Gregorian
offset: Old Style vs New Style) or **contradict** it (with the gap and the
likely reason), and the sources that say nothing about it (**silent**).

The article and the sources go through one :class:`~chronicon.Pipeline`; their
claims are reconciled together, and each article claim is read off its event:
the event's other claims and its pairwise ``comparisons``::

    rows = chronicon.check("article.md", ["sources/"])
    for row in rows:
        print(row.date_text, row.supporting, row.contradicting, row.silent)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ._edtf import human, parse_range
from ._pipeline import Pipeline
from .errors import ChroniconError
from .model import Claim, Event, Problem, Source

#: What a source does to an article's claim, in the order they are shown.
#: ``undated``: the source reports the same event without a date.
RELATIONS = ("support", "refine", "explain", "contradict", "undated")


@dataclass
class SourceCheck:
    """One source claim set against one article claim."""

    source: str
    relation: str  # one of RELATIONS
    claim: str  # the source's claim id
    date: Optional[str]
    date_text: Optional[str]
    quote: str
    lang: str
    #: For ``refine``: "source" when the source's date is the finer one, "article" when the article's is.
    finer: Optional[str] = None
    #: For ``contradict``: days between the two dates.
    gap_days: Optional[int] = None
    #: For ``contradict``: the event's likely reason, when it is about this pair.
    likely_reason: Optional[str] = None
    #: One sentence: the comparison's explanation, or what "support"/"refine" means here.
    note: str = ""


@dataclass
class CheckRow:
    """One dated claim of the article and what each source says about it."""

    claim: Claim
    event: Optional[Event]
    checks: list[SourceCheck] = field(default_factory=list)
    #: Sources checked against that have no claim in this claim's event.
    silent: list[str] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return self.claim.quote

    @property
    def date(self) -> Optional[str]:
        return self.claim.date

    @property
    def date_text(self) -> Optional[str]:
        return self.claim.date_text

    def sources_that(self, relation: str) -> list[str]:
        """Source ids with that relation to the claim, in order, each once."""
        out: list[str] = []
        for c in self.checks:
            if c.relation == relation and c.source not in out:
                out.append(c.source)
        return out

    @property
    def supporting(self) -> list[str]:
        return self.sources_that("support")

    @property
    def refining(self) -> list[str]:
        return self.sources_that("refine")

    @property
    def explaining(self) -> list[str]:
        return self.sources_that("explain")

    @property
    def contradicting(self) -> list[str]:
        return self.sources_that("contradict")

    @property
    def categories(self) -> dict[str, list[str]]:
        """{relation: [source ids]} for every relation found, plus "silent"."""
        cats = {r: self.sources_that(r) for r in RELATIONS}
        cats["silent"] = list(self.silent)
        return {k: v for k, v in cats.items() if v}


@dataclass
class CheckResult:
    """Everything :func:`check_article` found: the rows, the article and the problems."""

    rows: list[CheckRow]
    article: Source
    #: Ids of the sources checked against (as read, or as stored with ``db``).
    sources: list[str]
    problems: list[Problem] = field(default_factory=list)


def _same_file(a: str | Path, b: str | Path) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


def _read_article(pipe: Pipeline, article: Path, sources: Sequence[str | Path]):
    if article.is_dir():
        raise ChroniconError("the article must be one file, not a folder", code="E010", path=str(article))
    read, problems = pipe.read([article, *sources])
    art = next((s for s in read if _same_file(s.path, article)), None)
    if art is None:
        mine = next((p for p in problems if _same_file(p.path, article)), None)
        if mine is not None:
            raise ChroniconError(mine.message, code=mine.code, path=mine.path)
        raise ChroniconError("the article could not be read", code="E009", path=str(article))
    return art, [s for s in read if s is not art], problems


def check_article(
    article_path: str | Path,
    sources: Iterable[str | Path],
    *,
    db: Optional[str | Path] = None,
    pipeline: Optional[Pipeline] = None,
) -> CheckResult:
    """:func:`check`, with the article, the source ids and the problems (bad source files).

    Raises :class:`ChroniconError` when the article cannot be read. With ``db``, the
    article and the sources are added to that store and reconciled with everything in it;
    only the sources given are reported."""
    pipe = pipeline or Pipeline()
    article = Path(article_path)
    sources = [Path(s) for s in sources]
    art, others, problems = _read_article(pipe, article, sources)
    if db is None:
        art_doc = pipe.process(art)
        claims = list(art_doc.claims)
        source_ids: list[str] = []
        for src in others:
            try:
                doc = pipe.process(src)
            except ChroniconError as e:
                problems.append(Problem(src.path, e.message, e.code))
                continue
            source_ids.append(src.id)
            claims.extend(doc.claims)
        events = pipe.reconcile(claims)
        article_id = art.id
    else:
        from .store import Store

        result = pipe.run([article, *sources], db=db, command="check")
        with Store(db, readonly=True) as st:
            article_id = st.source_id_for_hash(art.sha256)
            source_ids = [sid for s in others if (sid := st.source_id_for_hash(s.sha256)) and sid != article_id]
        if article_id is None:  # processing the article failed
            mine = next((p for p in result.problems if _same_file(p.path, article)), None)
            raise ChroniconError(mine.message if mine else "the article could not be read", path=str(article))
        problems = [p for p in result.problems if not _same_file(p.path, article)]
        claims, events = result.claims, result.events
    rows = rows_for(article_id, claims, events, source_ids)
    return CheckResult(rows, art, source_ids, problems)


def check(article_path: str | Path, sources: Iterable[str | Path], **kw) -> list[CheckRow]:
    """Each dated claim of the article with the sources that support, refine, explain
    (Old Style) or contradict it, and those that are silent.

    ``chronicon.check("article.md", ["sources/"])``; bad source files are skipped
    (see :func:`check_article` for them), an unreadable article raises ChroniconError."""
    return check_article(article_path, sources, **kw).rows


def rows_for(article_id: str, claims: Sequence[Claim], events: Sequence[Event], source_ids: Sequence[str]) -> list[CheckRow]:
    """The rows for the article's dated claims, read off the reconciled events."""
    by_id = {c.id: c for c in claims}
    wanted = set(source_ids)  # with a store, its other sources are reconciled with them but not reported
    event_of = {cid: e for e in events for cid in e.claims}
    rows = []
    for a in claims:
        if a.source != article_id or not a.date:
            continue
        e = event_of.get(a.id)
        row = CheckRow(a, e)
        if e is not None:
            for cid in e.claims:
                b = by_id.get(cid)
                if b is None or b.source == article_id or b.source not in wanted:
                    continue
                row.checks.append(_relate(a, b, e))
        present = {c.source for c in row.checks}
        row.silent = [s for s in source_ids if s not in present]
        row.checks.sort(key=lambda c: (RELATIONS.index(c.relation), c.source, c.claim))
        rows.append(row)
    return rows


def _marked_old_style(c: Claim) -> bool:
    return c.calendar == "julian" or bool(c.julian_date)


def _comparison(e: Event, a: Claim, b: Claim) -> Optional[dict]:
    for cmp in e.comparisons or ():
        left, right = (cmp.get("claims") or [[], []])[:2]
        if (a.id in left and b.id in right) or (a.id in right and b.id in left):
            return cmp
    return None


def _relate(a: Claim, b: Claim, e: Event) -> SourceCheck:
    sc = SourceCheck(b.source, "support", b.id, b.date, b.date_text, b.quote, b.lang)
    if not b.date:
        sc.relation, sc.note = "undated", "reports this event without a date"
        return sc
    if b.date == a.date:
        if _marked_old_style(a) != _marked_old_style(b):
            old = b if _marked_old_style(b) else a
            who = "the source" if old is b else "the article"
            written = human(old.julian_date) if old.julian_date else "its date"
            sc.relation = "explain"
            sc.note = (
                f"{who} gives {written} in the Julian calendar (Old Style), "
                f"which is {human(a.date)} in the Gregorian calendar (New Style)"
            )
        else:
            sc.note = f"same date: {human(a.date)}"
        return sc
    ra, rb = parse_range(a.date), parse_range(b.date)
    cmp = _comparison(e, a, b)
    kind = cmp["verdict"] if cmp else None
    if kind is None and ra is not None and rb is not None:  # no comparison for this pair: judge it here
        kind = "compatible" if (ra.contains(rb) or rb.contains(ra)) else "contradiction"
    if kind == "compatible" and ra is not None and rb is not None and (ra.contains(rb) or rb.contains(ra)):
        sc.relation = "refine"
        sc.finer = "source" if ra.contains(rb) else "article"
        fine, coarse = (b, a) if sc.finer == "source" else (a, b)
        sc.note = f"the {sc.finer}'s date is finer: {human(fine.date)} falls within {human(coarse.date)}"
    elif kind == "compatible":
        # Stages of one event in the right order (decision, departure, arrival...).
        sc.relation = "refine"
        sc.note = cmp["explanation"] if cmp else "compatible dates"
    elif kind == "calendar_style":
        sc.relation = "explain"
        sc.note = cmp["explanation"] if cmp else "Old Style vs New Style"
    else:
        sc.relation = "contradict"
        sc.gap_days = ra.gap(rb) if ra is not None and rb is not None else None
        sc.note = cmp["explanation"] if cmp else f"{human(a.date)} vs {human(b.date)}"
        contradictions = [c for c in e.comparisons or () if c.get("verdict") == "contradiction"]
        if e.likely_reason and len(contradictions) <= 1:
            sc.likely_reason = e.likely_reason
    return sc


# -- Markdown ------------------------------------------------------------------------------
#: How each relation reads in a bullet.
VERB = {
    "support": "supports",
    "refine": "refines",
    "explain": "explains (Old Style / New Style)",
    "contradict": "contradicts",
    "undated": "mentions, undated",
    "silent": "silent",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: special characters backslash-escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def abbreviate(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def describe(c: SourceCheck) -> str:
    """A short plain-text note on one source check (for tables and Markdown)."""
    if c.relation == "refine" and c.finer:
        return "finer date" if c.finer == "source" else "coarser date; the article's is finer"
    if c.relation == "contradict":
        bits = []
        if c.gap_days is not None:
            bits.append(f"{c.gap_days} day{'s' if c.gap_days != 1 else ''} apart")
        if c.likely_reason:
            bits.append(f"likely {c.likely_reason}")
        return ", ".join(bits)
    if c.relation == "explain":
        return c.note
    return ""


def to_markdown(rows: Sequence[CheckRow], *, title: Optional[str] = None) -> str:
    """A heading per article claim, a bullet per source with its verdict, date and a quoted snippet."""
    out = [f"# {md_escape(title)}", ""] if title else []
    if not rows:
        out.append("The article has no dated claim.")
    for i, row in enumerate(rows, 1):
        c = row.claim
        what = c.type.replace("_", " ") + (f": {c.subject}" if c.subject else "")
        out.append(f"## {i}. {md_escape(c.date_text or human(c.date))} ({md_escape(what)})")
        out.append("")
        out.append(f"> {md_escape(abbreviate(c.quote, 300))}")
        out.append("")
        if row.event is not None and row.checks:
            out.append(f"Event {row.event.id}, verdict *{md_escape(row.event.verdict)}*.")
            out.append("")
        for sc in row.checks:
            extra = describe(sc)
            date = md_escape(sc.date_text or human(sc.date)) if sc.date else "no date"
            line = f"- **{VERB[sc.relation]}**: {md_escape(sc.source)} ({sc.lang}), {date}"
            if sc.date and human(sc.date) != (sc.date_text or ""):
                line += f" = {human(sc.date)}"
            if extra:
                line += f"; {md_escape(extra)}"
            line += f": “{md_escape(abbreviate(sc.quote))}”"
            out.append(line)
        if row.silent:
            out.append(f"- **silent**: {', '.join(md_escape(s) for s in row.silent)}")
        if not row.checks and not row.silent:
            out.append("- no source to check against")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


__all__ = [
    "RELATIONS",
    "CheckResult",
    "CheckRow",
    "SourceCheck",
    "abbreviate",
    "check",
    "check_article",
    "describe",
    "md_escape",
    "rows_for",
    "to_markdown",
]
