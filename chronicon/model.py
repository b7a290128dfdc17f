"""The typed records every stage reads and writes.

One path for the data::

    files --ingest--> Source --time--> TimeExpression --entities--> Mention --claims--> Claim
    Claims of many Sources --reconcile--> Event

Offsets (``start``/``end``/``span``) are always character offsets into
``Source.text``, the text as Chronicon read it (after main-text extraction and
cleaning), so that every claim can be traced back to its words.

Field names of :class:`Claim` and :class:`Event` follow the output contract
(shared/spec/output.md); extra fields are allowed, renames are not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional, Sequence

#: Languages with language data in every stage.
SUPPORTED_LANGS = ("en", "es", "fr", "it", "pt", "de")

#: Verdicts of the output contract, from best to worst agreement.
VERDICTS = ("single", "agree", "compatible", "calendar_style", "contradiction")

#: Facets: stages of a multi-step event.
FACETS = ("decision", "announcement", "departure", "arrival", "start", "end", "verdict")


@dataclass
class Segment:
    """A run of text in one language: a sentence, or part of one.

    A sentence that quotes another language is cut into several segments
    (``sentence`` is the index of the sentence they belong to).
    """

    start: int
    end: int
    lang: str
    sentence: int = 0


@dataclass
class Sentence:
    start: int
    end: int
    lang: str
    #: True for a heading or a caption (a short line without final punctuation).
    heading: bool = False


@dataclass
class Source:
    """One document as read by the ingest stage."""

    id: str  # file stem, as the output contract asks
    path: str
    text: str
    lang: str  # main language of the document (ISO 639-1)
    format: str  # txt, md, html, tei
    sha256: str  # of the text as read: the key that makes re-runs idempotent
    sentences: list[Sentence] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    title: Optional[str] = None
    encoding: Optional[str] = None
    #: A document creation time (EDTF), when the source states one (TimeML DCT, HTML metadata).
    dct: Optional[str] = None
    #: Human-readable notes from ingest (e.g. "removed 2 '[edit]' markers").
    notes: list[str] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Optional[int]:
        """Index of the sentence that contains ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def lang_at(self, offset: int) -> str:
        """Language of the segment that contains ``offset``."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.lang
        i = self.sentence_at(offset)
        return self.sentences[i].lang if i is not None else self.lang


@dataclass
class TimeExpression:
    """A temporal expression found in a source, normalised.

    ``edtf`` is the EDTF (ISO 8601-2) form used by claims and reconcile;
    ``value`` is the TimeML TIMEX3 value used for TempEval scoring.
    """

    start: int
    end: int
    text: str
    type: str = "DATE"  # TimeML: DATE, TIME, DURATION, SET
    value: Optional[str] = None  # TIMEX3 value
    edtf: Optional[str] = None  # None when unresolved (e.g. a relative date with no anchor)
    granularity: Optional[str] = None  # day, month, season, year, decade, century, interval, ...
    qualifier: Optional[str] = None  # early, mid, late
    calendar: str = "unstated"  # gregorian, julian, unstated
    lang: str = "en"
    #: How the value was reached: "explicit", "year_from_context", "relative", "unresolved".
    resolution: str = "explicit"
    #: For dual or Old Style dates: the date as written in the Julian calendar (EDTF).
    julian: Optional[str] = None
    #: Rule that produced it (for debugging and tests).
    rule: Optional[str] = None
    #: Problems noticed, e.g. "impossible date: 31 February".
    flags: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """A person, place, organisation or work, with its canonical English label."""

    id: str
    label: str
    kind: str  # person, place, organization, work, other
    aliases: list[str] = field(default_factory=list)
    #: e.g. {"geonameid": 1526384, "country": "KZ", "wikidata": "Q33986"}
    ids: dict[str, Any] = field(default_factory=dict)


@dataclass
class Mention:
    """A place in a source that names (or refers to) an entity."""

    start: int
    end: int
    text: str
    kind: str  # person, place, organization, work, other
    entity_id: Optional[str] = None  # None: not resolved
    label: Optional[str] = None  # canonical label when resolved, else the text
    #: "alias", "gazetteer", "ner", "surname", "pronoun", "learned"
    how: str = "alias"


@dataclass
class Quantity:
    property: str
    value: float
    unit: Optional[str] = None
    bound: Optional[str] = None  # "at least", "at most", "about", None


@dataclass
class Claim:
    """A dated statement in one source: the unit everything downstream reads."""

    id: str
    source: str
    lang: str
    type: str
    subject: str
    subject_text: str
    object: Optional[str]
    place: Optional[str]
    date: Optional[str]
    date_text: Optional[str]
    qualifier: Optional[str]
    calendar: str
    span: tuple[int, int]
    quote: str
    confidence: float
    facet: Optional[str] = None
    quantity: Optional[dict[str, Any]] = None
    # -- extra fields (allowed by the contract) --
    #: Character span of the date words in the source.
    date_span: Optional[tuple[int, int]] = None
    #: The trigger word(s) that gave the type.
    trigger: Optional[str] = None
    #: Entity ids behind subject / object / place (for cross-language matching).
    subject_id: Optional[str] = None
    object_id: Optional[str] = None
    place_id: Optional[str] = None
    #: True when the sentence reports the event (a report is not the event).
    reported: bool = False
    #: Julian form of the date when the source gives one (Old Style).
    julian_date: Optional[str] = None
    manner: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        if self.date_span is not None:
            d["date_span"] = list(self.date_span)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        known = {f for f in cls.__dataclass_fields__}
        kw = {k: v for k, v in d.items() if k in known}
        kw["span"] = tuple(kw.get("span") or (0, 0))
        if kw.get("date_span") is not None:
            kw["date_span"] = tuple(kw["date_span"])
        return cls(**kw)


@dataclass
class DateSupport:
    date: Optional[str]
    sources: list[str]
    claims: list[str] = field(default_factory=list)
    calendar: str = "unstated"
    facet: Optional[str] = None
    #: Claims of this row that wrote the date in the Julian (Old Style) calendar,
    #: whether the source says so or reconcile reads it so; ``date`` is Gregorian.
    old_style: Sequence[str] = ()

    def __post_init__(self) -> None:
        if type(self.old_style) is not tuple:  # read back from JSON as a list
            self.old_style = tuple(self.old_style)


@dataclass
class Event:
    """A real happening: the claims judged to be about it, and the verdict."""

    id: str
    type: str
    subject: str
    object: Optional[str]
    place: Optional[str]
    claims: list[str]
    sources: list[str]
    dates: list[DateSupport]
    verdict: str
    explanation: str
    best_date: Optional[str]
    best_date_text: Optional[str] = None
    #: Gap in days between the earliest and latest day-level readings, when known.
    gap_days: Optional[int] = None
    #: The most likely reason for a contradiction, when one is visible.
    likely_reason: Optional[str] = None
    #: Events this one is related to but distinct from (e.g. a report of it).
    related: list[str] = field(default_factory=list)
    #: Each pair of distinct dates side by side: {dates, claims, verdict, explanation}.
    comparisons: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


@dataclass
class Problem:
    """Something that could not be read, reported in one line, never a traceback."""

    path: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        code = f"[{self.code}] " if self.code else ""
        return f"{self.path}: {code}{self.message}"
