"""The SQLite store: one file is the whole state.

Every write happens inside :meth:`Store.transaction`, so an interrupted run
leaves the store as it was; a source whose text (sha256) is already stored is
skipped, so running twice on the same sources adds nothing twice.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import StoreError, error
from ..model import Claim, DateSupport, Entity, Event, Mention, Source

SCHEMA_VERSION = 2

#: Claim fields kept in their own columns; the rest go to ``extra`` (JSON).
_CLAIM_COLUMNS = (
    "id", "lang", "type", "subject", "subject_text", "object", "place", "date", "date_text",
    "qualifier", "calendar", "quote", "confidence", "facet",
)
_CLAIM_EXTRA = tuple(
    f for f in Claim.__dataclass_fields__ if f not in _CLAIM_COLUMNS + ("source", "span", "quantity")
)

# Migrations: version -> SQL run to reach it from the version before. A new store
# is created from schema.sql, which is always the latest version.
_MIGRATIONS: dict[int, str] = {
    # 2: runs record how many events they rebuilt and kept (incremental reconcile).
    2: "ALTER TABLE runs ADD COLUMN events_rebuilt INTEGER;\nALTER TABLE runs ADD COLUMN events_kept INTEGER;",
}


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A Chronicon store at ``path`` (created when missing).

    >>> with Store(":memory:") as st:
    ...     st.counts()["sources"]
    0
    """

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise error(StoreError, "E301", self.path, detail="no such file")
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if self.path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            else:
                self._check_readable()
        except sqlite3.DatabaseError as e:
            raise error(StoreError, "E301", self.path, detail=str(e)) from None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing: on any exception the store is left as it was."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def _migrate(self) -> None:
        cur = self.conn.execute("PRAGMA user_version")
        version = cur.fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version > SCHEMA_VERSION:
            raise error(StoreError, "E302", self.path, found=version, supported=SCHEMA_VERSION)
        if version == 0:
            if tables and "sources" not in tables:
                raise error(StoreError, "E303", self.path)
            sql = resources.files("chronicon.store").joinpath("schema.sql").read_text("utf-8")
            self.conn.executescript(sql)
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS _chronicon_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO _chronicon_migrations VALUES (?, ?)",
                [(v, _now()) for v in range(1, SCHEMA_VERSION + 1)],
            )
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.commit()
            version = SCHEMA_VERSION
        for v in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                self.conn.executescript(_MIGRATIONS[v])
                self.conn.execute("INSERT INTO _chronicon_migrations VALUES (?, ?)", (v, _now()))
                self.conn.execute(f"PRAGMA user_version = {v}")

    def _check_readable(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "sources" not in tables:
            raise error(StoreError, "E303", self.path)

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, command: str, config: Optional[dict] = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, command, config) VALUES (?, ?, ?)",
            (_now(), command, json.dumps(config or {}, ensure_ascii=False)),
        )
        return int(cur.lastrowid)

    def finish_run(
        self,
        run_id: int,
        *,
        added: int,
        skipped: int,
        problems: list[str],
        events_rebuilt: Optional[int] = None,
        events_kept: Optional[int] = None,
    ) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at=?, sources_added=?, sources_skipped=?, problems=?, events_rebuilt=?,"
            " events_kept=? WHERE id=?",
            (_now(), added, skipped, json.dumps(problems, ensure_ascii=False), events_rebuilt, events_kept, run_id),
        )

    # -- sources ---------------------------------------------------------------------------
    def source_id_for_hash(self, sha256: str) -> Optional[str]:
        row = self.conn.execute("SELECT id FROM sources WHERE sha256=?", (sha256,)).fetchone()
        return row[0] if row else None

    def _free_id(self, wanted: str) -> str:
        sid, n = wanted, 1
        while self.conn.execute("SELECT 1 FROM sources WHERE id=?", (sid,)).fetchone():
            n += 1
            sid = f"{wanted}-{n}"
        return sid

    def add_document(
        self,
        source: Source,
        claims: Iterable[Claim],
        mentions: Iterable[Mention] = (),
        entities: Iterable[Entity] = (),
    ) -> bool:
        """Store one read source with what was found in it.

        Returns False (and writes nothing) when the same text is already stored.
        A different text whose file stem is taken gets the id ``stem-2``; the
        source's claims are renamed to match."""
        if self.source_id_for_hash(source.sha256):
            return False
        sid = self._free_id(source.id)
        claims = list(claims)
        if sid != source.id:
            old = source.id
            source.id = sid
            for c in claims:
                c.source = sid
                c.id = c.id.replace(old, sid, 1)
        self.conn.execute(
            "INSERT INTO sources (id, path, sha256, lang, format, title, encoding, dct, n_words, text, notes, added_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.id, source.path, source.sha256, source.lang, source.format, source.title,
                source.encoding, source.dct, len(source.text.split()), source.text,
                json.dumps(source.notes, ensure_ascii=False), _now(),
            ),
        )
        self.conn.executemany(
            'INSERT INTO sentences (source_id, idx, start, "end", lang, heading) VALUES (?,?,?,?,?,?)',
            [(source.id, i, s.start, s.end, s.lang, int(s.heading)) for i, s in enumerate(source.sentences)],
        )
        self.conn.executemany(
            'INSERT OR IGNORE INTO mentions (source_id, start, "end", text, kind, entity_id, label, how)'
            " VALUES (?,?,?,?,?,?,?,?)",
            [(source.id, m.start, m.end, m.text, m.kind, m.entity_id, m.label, m.how) for m in mentions],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO entities (id, label, kind, aliases, ids) VALUES (?,?,?,?,?)",
            [
                (e.id, e.label, e.kind, json.dumps(e.aliases, ensure_ascii=False), json.dumps(e.ids, ensure_ascii=False))
                for e in entities
            ],
        )
        self.conn.executemany(
            "INSERT INTO claims (id, source_id, lang, type, subject, subject_text, object, place, date, date_text,"
            " qualifier, calendar, span_start, span_end, quote, confidence, facet, quantity, extra)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [self._claim_row(c) for c in claims],
        )
        return True

    @staticmethod
    def _claim_row(c: Claim) -> tuple:
        d = c.to_dict()
        extra = {k: d[k] for k in _CLAIM_EXTRA if d.get(k) not in (None, False)}
        return (
            c.id, c.source, c.lang, c.type, c.subject, c.subject_text, c.object, c.place, c.date,
            c.date_text, c.qualifier, c.calendar, c.span[0], c.span[1], c.quote, c.confidence, c.facet,
            json.dumps(c.quantity, ensure_ascii=False) if c.quantity else None,
            json.dumps(extra, ensure_ascii=False),
        )

    def sources(self) -> list[dict]:
        rows = self.conn.execute(
            "SELECT id, path, sha256, lang, format, title, n_words, added_at FROM sources ORDER BY id"
        )
        return [dict(r) for r in rows]

    def source_text(self, source_id: str) -> Optional[str]:
        row = self.conn.execute("SELECT text FROM sources WHERE id=?", (source_id,)).fetchone()
        return row[0] if row else None

    # -- claims ----------------------------------------------------------------------------
    def claims(self, *, source: Optional[str] = None) -> list[Claim]:
        sql = "SELECT * FROM claims"
        args: tuple = ()
        if source:
            sql += " WHERE source_id=?"
            args = (source,)
        sql += " ORDER BY source_id, span_start, id"
        out = []
        for r in self.conn.execute(sql, args):
            d = dict(r)
            extra = json.loads(d.pop("extra") or "{}")
            q = d.pop("quantity")
            d["quantity"] = json.loads(q) if q else None
            d["source"] = d.pop("source_id")
            d["span"] = (d.pop("span_start"), d.pop("span_end"))
            d.update(extra)
            out.append(Claim.from_dict(d))
        return out

    # -- events ----------------------------------------------------------------------------
    def replace_events(self, events: Iterable[Event], run_id: Optional[int] = None) -> None:
        """The events of a new reconciliation replace the previous ones."""
        self.conn.execute("DELETE FROM event_claims")
        self.conn.execute("DELETE FROM events")
        self._insert_events(events, run_id)

    def update_events(self, removed: Iterable[str], events: Iterable[Event], run_id: Optional[int] = None) -> None:
        """An incremental reconciliation: delete the ``removed`` events, add ``events``;
        every other stored event stays as it was."""
        self.conn.executemany("DELETE FROM events WHERE id=?", [(i,) for i in removed])
        self._insert_events(events, run_id)

    def _insert_events(self, events: Iterable[Event], run_id: Optional[int]) -> None:
        for e in events:
            self.conn.execute(
                "INSERT INTO events (id, run_id, type, subject, object, place, verdict, explanation, best_date,"
                " best_date_text, gap_days, likely_reason, dates, related, comparisons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    e.id, run_id, e.type, e.subject, e.object, e.place, e.verdict, e.explanation, e.best_date,
                    e.best_date_text, e.gap_days, e.likely_reason,
                    json.dumps([asdict(d) for d in e.dates], ensure_ascii=False), json.dumps(e.related),
                    json.dumps(e.comparisons, ensure_ascii=False),
                ),
            )
            self.conn.executemany(
                "INSERT INTO event_claims (event_id, claim_id) VALUES (?, ?)", [(e.id, c) for c in e.claims]
            )

    def events(self) -> list[Event]:
        """Every stored event, in chronological order (best date, subject, type)."""
        from ..reconcile import event_order

        links: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT event_id, claim_id FROM event_claims ORDER BY claim_id"):
            links.setdefault(r[0], []).append(r[1])
        src_of = {r[0]: r[1] for r in self.conn.execute("SELECT id, source_id FROM claims")}
        out = []
        for r in self.conn.execute("SELECT * FROM events ORDER BY id"):
            d = dict(r)
            claims = links.get(d["id"], [])
            out.append(
                Event(
                    id=d["id"], type=d["type"], subject=d["subject"], object=d["object"], place=d["place"],
                    claims=claims, sources=sorted({src_of[c] for c in claims if c in src_of}),
                    dates=[DateSupport(**x) for x in json.loads(d["dates"])], verdict=d["verdict"],
                    explanation=d["explanation"], best_date=d["best_date"], best_date_text=d["best_date_text"],
                    gap_days=d["gap_days"], likely_reason=d["likely_reason"], related=json.loads(d["related"]),
                    comparisons=json.loads(d["comparisons"]),
                )
            )
        out.sort(key=event_order)
        return out

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sources", "claims", "events", "entities", "mentions", "runs")
        }

    # -- read-only views for exports -------------------------------------------------------
    def entities(self) -> list[Entity]:
        """Every stored entity (people, places, organisations, works), by id."""
        return [
            Entity(id=r["id"], label=r["label"], kind=r["kind"], aliases=json.loads(r["aliases"] or "[]"),
                   ids=json.loads(r["ids"] or "{}"))
            for r in self.conn.execute("SELECT * FROM entities ORDER BY id")
        ]

    def source_records(self) -> list[dict]:
        """Every stored source with its text and document date (what exports cite)."""
        rows = self.conn.execute(
            "SELECT id, path, sha256, lang, format, title, encoding, dct, n_words, text, added_at FROM sources ORDER BY id"
        )
        return [dict(r) for r in rows]
