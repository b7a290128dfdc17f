"""The pipeline: ingest -> time -> entities -> claims per document, then reconcile.

Per-document work never looks at other documents; cross-document work
(reconcile) reads only claims. :class:`Pipeline` runs both halves and, with a
store, keeps the state in one SQLite file.
"""

from __future__ import annotations

import time as _time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from . import claims as _claims
from . import entities as _entities
from . import ingest as _ingest
from . import reconcile as _reconcile
from . import time as _timestage
from .errors import ChroniconError
from .model import SUPPORTED_LANGS, Claim, Event, Mention, Problem, Source, TimeExpression

#: Called after each document: (done, total, source id).
Progress = Callable[[int, int, str], None]


@dataclass
class Document:
    """One source and everything the per-document stages found in it."""

    source: Source
    timexes: list[TimeExpression]
    mentions: list[Mention]
    claims: list[Claim]


@dataclass
class RunResult:
    documents: list[Document] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Sources read but already in the store (same text): not processed again.
    skipped: list[str] = field(default_factory=list)
    db: Optional[str] = None

    @property
    def sources(self) -> list[Source]:
        return [d.source for d in self.documents]


class Pipeline:
    """Chronicon's stages with their settings.

    >>> p = Pipeline()
    >>> doc = p.process(p.from_text("Trotsky was exiled to Alma-Ata on 17 January 1928.", lang="en"))
    >>> [(c.type, c.date) for c in doc.claims]
    [('internal_exile', '1928-01-17')]
    """

    def __init__(self, *, lang: Optional[str] = None, aliases: Sequence[str | Path] = (), ner: bool = True):
        self.lang = lang
        self.ner = ner
        self._aliases = [str(a) for a in aliases]
        self._registry = None
        #: Seconds and words per stage, summed over the documents processed.
        self.timings: dict[str, float] = defaultdict(float)
        self.words: dict[str, int] = defaultdict(int)

    @property
    def registry(self):
        if self._registry is None:
            reg = _entities.default_registry()
            if self._aliases:
                reg = reg.overlay()
                for a in self._aliases:
                    reg.add_aliases_file(a)
            self._registry = reg
        return self._registry

    # -- stage by stage ------------------------------------------------------------------
    def read(self, paths: Iterable[str | Path]) -> tuple[list[Source], list[Problem]]:
        t0 = _time.perf_counter()
        sources, problems = _ingest.read_paths([str(p) for p in paths], lang=self.lang)
        self.timings["ingest"] += _time.perf_counter() - t0
        self.words["ingest"] += sum(len(s.text.split()) for s in sources)
        return sources, problems

    def from_text(self, text: str, *, id: str = "text", lang: Optional[str] = None) -> Source:
        return _ingest.from_text(text, id=id, lang=lang or self.lang)

    def process(self, source: Source) -> Document:
        """Time, entities and claims for one source."""
        words = len(source.text.split())
        t0 = _time.perf_counter()
        timexes = _timestage.tag_source(source)
        t1 = _time.perf_counter()
        mentions = _entities.find_mentions(source, self.registry, ner=self.ner)
        t2 = _time.perf_counter()
        claims = _claims.extract_claims(source, timexes, mentions)
        t3 = _time.perf_counter()
        for stage, dt in (("time", t1 - t0), ("entities", t2 - t1), ("claims", t3 - t2)):
            self.timings[stage] += dt
            self.words[stage] += words
        return Document(source, timexes, mentions, claims)

    def _entities_of(self, mentions: Sequence[Mention]) -> list:
        """The registry entities behind a document's resolved mentions."""
        out, seen = [], set()
        for m in mentions:
            if m.entity_id and m.entity_id not in seen:
                seen.add(m.entity_id)
                ent = self.registry.get(m.entity_id)
                if ent is not None:
                    out.append(ent)
        return out

    def reconcile(self, claims: Sequence[Claim]) -> list[Event]:
        t0 = _time.perf_counter()
        events = _reconcile.reconcile(claims)
        self.timings["reconcile"] += _time.perf_counter() - t0
        self.words["reconcile"] += len(claims)
        return events

    # -- whole runs ----------------------------------------------------------------------
    def _process_all(
        self,
        sources: Sequence[Source],
        result: RunResult,
        progress: Optional[Progress],
        store=None,
    ) -> None:
        """The per-document half for every source, into ``result`` (and ``store``).

        A source that fails gets a Problem and the others go on; with a store, a
        source whose text is already stored is skipped."""
        for i, src in enumerate(sources, 1):
            if store is not None and store.source_id_for_hash(src.sha256):
                result.skipped.append(src.id)
            else:
                try:
                    doc = self.process(src)
                except ChroniconError as e:
                    result.problems.append(Problem(src.path, e.message, e.code))
                    doc = None
                if doc is not None:
                    if store is not None:
                        store.add_document(src, doc.claims, doc.mentions, self._entities_of(doc.mentions))
                    result.documents.append(doc)
                    result.claims.extend(doc.claims)
            if progress:
                progress(i, len(sources), src.id)

    def extract(self, paths: Iterable[str | Path], *, progress: Optional[Progress] = None) -> RunResult:
        """Read and process every source; no store, no reconcile."""
        sources, problems = self.read(paths)
        result = RunResult(problems=list(problems))
        self._process_all(sources, result, progress)
        return result

    def run(
        self,
        paths: Iterable[str | Path],
        *,
        db: Optional[str | Path] = None,
        command: str = "run",
        progress: Optional[Progress] = None,
        full: bool = False,
    ) -> RunResult:
        """Extract and reconcile; with ``db``, add to that store in one transaction.

        A source whose text is already stored is not processed again. With a store
        that already holds events, only the events the new sources touch are rebuilt
        (``full=True`` rebuilds them all); ``result.events`` is then every stored event."""
        if db is None:
            result = self.extract(paths, progress=progress)
            result.events = self.reconcile(result.claims)
            return result
        from .store import Store

        sources, problems = self.read(paths)
        result = RunResult(problems=list(problems), db=str(db))
        with Store(db) as store:
            with store.transaction():
                run_id = store.start_run(command, {"lang": self.lang, "aliases": self._aliases, "ner": self.ner})
                self._process_all(sources, result, progress, store)
                new_sources = {d.source.id for d in result.documents}
                result.claims = store.claims()
                old_events = [] if full else store.events()
                if old_events:
                    t0 = _time.perf_counter()
                    change = _reconcile.update(old_events, result.claims, new_sources)
                    self.timings["reconcile"] += _time.perf_counter() - t0
                    self.words["reconcile"] += len(result.claims)
                    store.update_events(change.removed, change.events, run_id)
                    rebuilt, kept = len(change.events), change.kept
                    result.events = store.events()
                else:
                    result.events = self.reconcile(result.claims)
                    store.replace_events(result.events, run_id)
                    rebuilt, kept = len(result.events), 0
                store.finish_run(
                    run_id,
                    added=len(result.documents),
                    skipped=len(result.skipped),
                    problems=[str(p) for p in result.problems],
                    events_rebuilt=rebuilt,
                    events_kept=kept,
                )
        return result


def extract(text: str, *, lang: Optional[str] = None, id: str = "text") -> list[Claim]:
    """Claims of one text: ``chronicon.extract("Trotsky was expelled ...", lang="en")``."""
    p = Pipeline(lang=lang)
    return p.process(p.from_text(text, id=id, lang=lang)).claims


def reconcile(claims: Sequence[Claim]) -> list[Event]:
    """Events of a set of claims (from one or many sources)."""
    return _reconcile.reconcile(claims)


__all__ = ["Document", "Pipeline", "RunResult", "SUPPORTED_LANGS", "extract", "reconcile"]
