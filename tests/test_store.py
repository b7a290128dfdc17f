"""The SQLite store: schema, idempotent runs, ids, atomicity, errors, round trips."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

import chronicon
from chronicon import Pipeline, Store
from chronicon.errors import StoreError
from chronicon.model import Claim, DateSupport, Event, Sentence, Source

TEXT_A = (
    "Leon Trotsky was expelled from the Communist Party on 12 November 1927. "
    "He was exiled to Alma-Ata on 17 January 1928. "
    "Trotsky was deported to Turkey in February 1929.\n"
)
TEXT_B = (
    "Grigori Rasputin was born in Pokrovskoye on 21 January 1869. "
    "He was killed in Petrograd on 30 December 1916.\n"
)
TEXT_A2 = (
    "Leon Trotsky arrived in Mexico on 9 January 1937. "
    "He was killed in Coyoacán on 21 August 1940.\n"
)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus")
    (root / "one").mkdir()
    (root / "two").mkdir()
    files = {
        "trotsky": root / "one" / "trotsky.txt",
        "rasputin": root / "one" / "rasputin.txt",
        "trotsky_other": root / "two" / "trotsky.txt",  # same stem, other text
    }
    files["trotsky"].write_text(TEXT_A, "utf-8")
    files["rasputin"].write_text(TEXT_B, "utf-8")
    files["trotsky_other"].write_text(TEXT_A2, "utf-8")
    return files


@pytest.fixture(scope="module")
def twice(pipe, corpus, tmp_path_factory):
    """The same two files run twice into one store."""
    db = tmp_path_factory.mktemp("db") / "twice.db"
    paths = [corpus["trotsky"], corpus["rasputin"]]
    r1 = pipe.run(paths, db=db)
    with Store(db) as st:
        c1 = st.counts()
    r2 = pipe.run(paths, db=db)
    with Store(db) as st:
        c2 = st.counts()
    return db, r1, c1, r2, c2


def make_source(sid: str, text: str) -> Source:
    return Source(
        id=sid, path=f"/nowhere/{sid}.txt", text=text, lang="en", format="txt",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=[Sentence(0, len(text), "en")],
    )


def make_claim(cid: str, source: str, **kw) -> Claim:
    base = dict(
        id=cid, source=source, lang="en", type="internal_exile", subject="Leon Trotsky", subject_text="He",
        object=None, place="Alma-Ata", date="1928-01-17", date_text="17 January 1928", qualifier=None,
        calendar="unstated", span=(0, 45), quote="He was exiled to Alma-Ata on 17 January 1928.",
        confidence=0.7, facet=None, quantity=None,
    )
    base.update(kw)
    return Claim(**base)


# ------------------------------------------------------------------ schema

def test_schema_version_and_foreign_keys(tmp_path):
    with Store(tmp_path / "s.db") as st:
        assert st.schema_version == 2 == chronicon.store.SCHEMA_VERSION
        assert st.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"sources", "claims", "events", "event_claims", "runs", "mentions", "entities"} <= tables
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
            st.conn.execute("INSERT INTO event_claims (event_id, claim_id) VALUES ('nope', 'nope')")


def test_file_store_uses_wal(tmp_path):
    with Store(tmp_path / "w.db") as st:
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_reopen_keeps_data_and_version(tmp_path):
    db = tmp_path / "r.db"
    with Store(db) as st, st.transaction():
        st.add_document(make_source("x", TEXT_A), [make_claim("x#c001", "x")])
    with Store(db) as st:
        assert st.schema_version == 2
        assert st.counts()["sources"] == 1 and st.counts()["claims"] == 1


# ------------------------------------------------------------------ idempotent runs

def test_run_twice_adds_nothing_twice(twice):
    db, r1, c1, r2, c2 = twice
    assert c1["sources"] == 2
    assert c1["claims"] >= 4
    assert c2["sources"] == c1["sources"]
    assert c2["claims"] == c1["claims"]
    assert c2["events"] == c1["events"]
    assert c2["runs"] == 2


def test_second_run_reports_skipped(twice):
    _, r1, _, r2, _ = twice
    assert sorted(r1.skipped) == []
    assert sorted(d.source.id for d in r1.documents) == ["rasputin", "trotsky"]
    assert sorted(r2.skipped) == ["rasputin", "trotsky"]
    assert r2.documents == []
    # the second run still reconciles every stored claim
    assert len(r2.claims) == len(r1.claims)
    assert len(r2.events) == len(r1.events)


def test_run_records_are_written(twice):
    db = twice[0]
    with Store(db, readonly=True) as st:
        rows = st.conn.execute("SELECT sources_added, sources_skipped, finished_at FROM runs ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(2, 0), (0, 2)]
    assert all(r[2] for r in rows)


def test_same_stem_other_text_gets_stem_2(pipe, corpus, tmp_path):
    db = tmp_path / "stem.db"
    pipe.run([corpus["trotsky"]], db=db)
    r = pipe.run([corpus["trotsky_other"]], db=db)
    assert r.skipped == []
    with Store(db) as st:
        assert [s["id"] for s in st.sources()] == ["trotsky", "trotsky-2"]
        assert st.source_text("trotsky-2") == r.documents[0].source.text
        new = st.claims(source="trotsky-2")
        old = st.claims(source="trotsky")
    assert new, "the second text has claims"
    assert all(c.id.startswith("trotsky-2#") and c.source == "trotsky-2" for c in new)
    assert all(c.id.startswith("trotsky#") for c in old)
    assert {c.date for c in new}.isdisjoint({c.date for c in old})


# ------------------------------------------------------------------ atomicity

def test_exception_in_transaction_leaves_store_unchanged(tmp_path):
    db = tmp_path / "atomic.db"
    with Store(db) as st:
        with st.transaction():
            st.add_document(make_source("first", TEXT_A), [make_claim("first#c001", "first")])
        before = st.counts()
        with pytest.raises(RuntimeError):
            with st.transaction():
                st.add_document(make_source("second", TEXT_B), [make_claim("second#c001", "second")])
                assert st.counts()["sources"] == before["sources"] + 1  # visible inside
                raise RuntimeError("interrupted")
        assert st.counts() == before
    with Store(db) as st:
        assert st.counts() == before
        assert [s["id"] for s in st.sources()] == ["first"]


def test_failing_run_leaves_store_unchanged(pipe, corpus, tmp_path, monkeypatch):
    db = tmp_path / "failrun.db"
    pipe.run([corpus["rasputin"]], db=db)
    with Store(db) as st:
        before = st.counts()

    def boom(self, *args, **kw):
        raise RuntimeError("interrupted while writing events")

    # The new source's claims are written, then the run dies writing the events.
    monkeypatch.setattr(Store, "update_events", boom)
    monkeypatch.setattr(Store, "replace_events", boom)
    with pytest.raises(RuntimeError):
        pipe.run([corpus["trotsky"]], db=db)
    with Store(db) as st:
        assert st.counts() == before


def test_add_document_twice_is_a_no_op(tmp_path):
    with Store(tmp_path / "noop.db") as st, st.transaction():
        src = make_source("x", TEXT_A)
        assert st.add_document(src, [make_claim("x#c001", "x")]) is True
        assert st.add_document(make_source("y", TEXT_A), [make_claim("y#c001", "y")]) is False
        assert st.counts()["sources"] == 1 and st.counts()["claims"] == 1


# ------------------------------------------------------------------ errors

def test_non_sqlite_file_is_e301(tmp_path):
    f = tmp_path / "notes.db"
    f.write_text("This is a plain text file, not a database at all.\n" * 50, "utf-8")
    with pytest.raises(StoreError) as ei:
        Store(f)
    assert ei.value.code == "E301"
    assert str(f) in str(ei.value)


def test_sqlite_without_chronicon_tables_is_e303(tmp_path):
    f = tmp_path / "other.db"
    con = sqlite3.connect(f)
    con.execute("CREATE TABLE birds (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as ei:
        Store(f)
    assert ei.value.code == "E303"
    with pytest.raises(StoreError) as ei:
        Store(f, readonly=True)
    assert ei.value.code == "E303"
    # and the foreign table was not touched
    con = sqlite3.connect(f)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables == {"birds"}


def test_readonly_missing_file(tmp_path):
    f = tmp_path / "missing.db"
    with pytest.raises(StoreError) as ei:
        Store(f, readonly=True)
    assert ei.value.code == "E301"
    assert not f.exists()


def test_newer_schema_is_e302(tmp_path):
    f = tmp_path / "newer.db"
    with Store(f):
        pass
    con = sqlite3.connect(f)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as ei:
        Store(f)
    assert ei.value.code == "E302"


# ------------------------------------------------------------------ round trips

def test_claims_round_trip_with_extra_fields(tmp_path):
    claims = [
        make_claim("x#c001", "x", date_span=(29, 44), trigger="exiled to", subject_id="leon_trotsky",
                   place_id="alma_ata", facet="departure"),
        make_claim("x#c002", "x", type="death", date="1916-12-30", span=(46, 90), reported=True,
                   calendar="julian", julian_date="1916-12-17", manner="killed", object="Someone", confidence=0.55),
        make_claim("x#c003", "x", type="quantity", date=None, date_text=None, span=(91, 120),
                   quantity={"property": "distance travelled", "value": 75000, "unit": "mile", "bound": "at least"}),
    ]
    with Store(tmp_path / "rt.db") as st:
        with st.transaction():
            st.add_document(make_source("x", TEXT_A + " " * 200), claims)
        back = st.claims()
    assert back == claims
    assert back[1].reported is True and back[0].date_span == (29, 44) and back[0].trigger == "exiled to"
    assert back[2].quantity["value"] == 75000


def test_events_round_trip(tmp_path):
    claims = [make_claim("x#c001", "x"), make_claim("y#c001", "y", date="1928-01-04")]
    events = [
        Event(
            id="e0001", type="internal_exile", subject="Leon Trotsky", object=None, place="Alma-Ata",
            claims=["x#c001", "y#c001"], sources=["x", "y"],
            dates=[
                DateSupport("1928-01-04", ["y"], ["y#c001"]),
                DateSupport("1928-01-17", ["x"], ["x#c001"], calendar="gregorian", facet="departure"),
            ],
            verdict="contradiction", explanation="x and y are 13 days apart.",
            best_date="[1928-01-04,1928-01-17]", best_date_text="4 or 17 January 1928", gap_days=13,
            likely_reason="departure vs arrival", related=["e0002"],
        ),
        Event(
            id="e0002", type="internal_exile", subject="Leon Trotsky", object=None, place=None,
            claims=[], sources=[], dates=[DateSupport(None, [], [])], verdict="single",
            explanation="A report.", best_date=None, related=["e0001"],
        ),
    ]
    with Store(tmp_path / "ev.db") as st:
        with st.transaction():
            st.add_document(make_source("x", TEXT_A), claims[:1])
            st.add_document(make_source("y", TEXT_B), claims[1:])
            run_id = st.start_run("test")
            st.replace_events(events, run_id)
        back = st.events()
        assert st.counts()["events"] == 2
        # a new reconciliation replaces the old events
        with st.transaction():
            st.replace_events(events[:1], run_id)
        assert [e.id for e in st.events()] == ["e0001"]
    assert [e.id for e in back] == ["e0001", "e0002"]
    for want, got in zip(events, back):
        assert sorted(got.claims) == sorted(want.claims)
        assert got.sources == want.sources
        assert got.dates == want.dates
        assert got.related == want.related
        for f in ("type", "subject", "object", "place", "verdict", "explanation", "best_date",
                  "best_date_text", "gap_days", "likely_reason"):
            assert getattr(got, f) == getattr(want, f), f


def test_pipeline_events_match_the_store(twice):
    db, _, _, r2, _ = twice
    with Store(db, readonly=True) as st:
        stored = st.events()
        stored_claims = st.claims()
    assert [e.id for e in stored] == sorted(e.id for e in r2.events)
    by_id = {e.id: e for e in r2.events}
    for e in stored:
        assert sorted(e.claims) == sorted(by_id[e.id].claims)
        assert e.verdict == by_id[e.id].verdict
        assert e.best_date == by_id[e.id].best_date
    assert {c.id for c in stored_claims} == {c.id for c in r2.claims}
