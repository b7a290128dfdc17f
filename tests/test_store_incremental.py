"""Adding sources to a store rebuilds only the events they touch, and the result is
the same as reconciling everything again (except that stored ids are kept)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from chronicon import Pipeline, Store
from chronicon.model import Claim
from chronicon.reconcile import reconcile, update

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "data" / "seeds"
EXAMPLES = ROOT / "examples" / "rasputin"


def _files() -> list[Path]:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})
    files += sorted(p for p in SEEDS.iterdir() if p.is_file())
    return files


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def stores(pipe, tmp_path_factory):
    """The same nine sources: all in one run, and one source per run."""
    if not SEEDS.exists():
        pytest.skip("../shared/data/seeds is not there")
    root = tmp_path_factory.mktemp("inc")
    files = _files()
    whole, step = root / "whole.db", root / "step.db"
    pipe.run(files, db=whole)
    # Interleave the two corpora, so Trotsky and Rasputin events are rebuilt in turn.
    order = [f for pair in zip(files[:7], files[7:] + [None] * 5) for f in pair if f is not None]
    assert sorted(order) == sorted(files)
    runs = []
    for f in order:
        pipe.run([f], db=step)
        with Store(step, readonly=True) as st:
            runs.append(st.events())
    return whole, step, runs


def _canonical(events) -> dict:
    """Events keyed by their claims, with ids inside explanations and links replaced
    by the claims of the event they name (ids differ between the two stores)."""
    claims_of = {e.id: frozenset(e.claims) for e in events}
    names = {e.id: "<" + ",".join(sorted(e.claims)) + ">" for e in events}

    def unid(text: str) -> str:
        return re.sub(r"\be\d{4,}\b", lambda m: names.get(m.group(0), m.group(0)), text)

    return {
        claims_of[e.id]: (
            e.type, e.subject, e.object, e.place, e.verdict, unid(e.explanation), e.best_date,
            e.best_date_text, e.gap_days, e.likely_reason, sorted(names[r] for r in e.related),
            [(d.date, sorted(d.sources)) for d in e.dates],
        )
        for e in events
    }


def test_step_by_step_equals_one_run(stores):
    whole, step, _ = stores
    with Store(whole, readonly=True) as a, Store(step, readonly=True) as b:
        ea, eb = a.events(), b.events()
        assert {c.id for c in a.claims()} == {c.id for c in b.claims()}
    assert len(ea) == len(eb) > 40
    assert _canonical(ea) == _canonical(eb)


def test_untouched_events_are_left_as_they_were(stores):
    _, step, runs = stores
    with Store(step, readonly=True) as st:
        rows = st.conn.execute("SELECT sources_added, events_rebuilt, events_kept FROM runs ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [1] * len(rows)
    # Every run after the first kept some events and rebuilt fewer than all of them.
    for (added, rebuilt, kept), before, after in zip(rows[1:], runs, runs[1:]):
        assert kept > 0 and rebuilt < len(after), (rebuilt, kept)
        assert kept + rebuilt >= len(after)
        old = {e.id: e for e in before}
        same = [e for e in after if e.id in old and e.claims == old[e.id].claims]
        assert len(same) >= kept
    # A kept event is the stored row itself, made by an earlier run.
    with Store(step, readonly=True) as st:
        run_ids = {r[0] for r in st.conn.execute("SELECT DISTINCT run_id FROM events")}
    assert len(run_ids) > 1


def test_an_event_that_gains_a_source_keeps_its_id(stores):
    _, _, runs = stores
    grown = 0
    for before, after in zip(runs, runs[1:]):
        new_by_claims = {frozenset(e.claims): e.id for e in after}
        for e in before:
            for claims, eid in new_by_claims.items():
                if set(e.claims) < claims:
                    assert eid == e.id
                    grown += 1
    assert grown >= 3  # the seeds and the examples each have events told by several sources


def test_ids_stay_unique_and_stored_events_are_in_date_order(stores):
    _, step, _ = stores
    with Store(step, readonly=True) as st:
        events = st.events()
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    from chronicon.reconcile import event_order

    assert events == sorted(events, key=event_order)


def test_full_rebuild_renumbers_in_date_order(pipe, stores, tmp_path):
    _, step, _ = stores
    db = tmp_path / "copy.db"
    with sqlite3.connect(step) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    pipe.run([], db=db, full=True)
    with Store(db, readonly=True) as st:
        events = st.events()
        last = st.conn.execute("SELECT events_rebuilt, events_kept FROM runs ORDER BY id DESC").fetchone()
    assert [e.id for e in events] == [f"e{i:04d}" for i in range(1, len(events) + 1)]
    assert tuple(last) == (len(events), 0)


# ------------------------------------------------------------------ the rules, on claims

def _claim(cid: str, source: str, subject: str, date: str, type: str = "arrest", quote: str = "") -> Claim:
    return Claim(
        id=cid, source=source, lang="en", type=type, subject=subject, subject_text=subject, object=None,
        place=None, date=date, date_text=date, qualifier=None, calendar="unstated", span=(0, 10),
        quote=quote or f"{subject} {type} {date} in {source}.", confidence=0.8, facet=None, quantity=None,
    )


def test_a_new_full_name_rebuilds_the_old_bare_surname_events():
    # "Sedov" alone meets "Lev Sedov" while he is the only Sedov; a new source naming
    # Sergei Sedov makes the bare surname ambiguous, so the old events are rebuilt.
    old = [
        _claim("a#1", "a", "Lev Sedov", "1937-03-01"),
        _claim("b#1", "b", "Sedov", "1937-03-01"),
        _claim("c#1", "c", "Nikolai Bukharin", "1937-02-27"),
    ]
    new = [_claim("d#1", "d", "Sergei Sedov", "1937-03-04")]
    events = reconcile(old)
    assert len(events) == 2  # the bare "Sedov" joined Lev Sedov
    change = update(events, old + new, {"d"})
    bukharin = next(e for e in events if e.subject == "Nikolai Bukharin")
    assert bukharin.id not in change.removed and change.kept == 1
    after = [e for e in events if e.id not in change.removed] + change.events
    want = reconcile(old + new)
    assert _canonical(after) == _canonical(want)
    assert len(after) == 4  # Lev Sedov, bare Sedov (now ambiguous), Sergei Sedov, Bukharin


def test_a_new_copy_joining_two_old_sources_rebuilds_their_events():
    # a and b share no sentence; c copies two sentences of each: all three become one witness.
    s1 = "Grigori Rasputin was murdered at the Yusupov Palace in Petrograd that night."
    s2 = "His body was found in the frozen Malaya Nevka river three days later."
    s3 = "The autopsy was carried out by Professor Dmitry Kosorotov in the city morgue."
    s4 = "The tsaritsa had him buried in the park at Tsarskoye Selo a few days afterwards."
    old = [
        _claim("a#1", "a", "Grigori Rasputin", "1916-12-30", "death", s1),
        _claim("a#2", "a", "Grigori Rasputin", "1917-01-01", "arrival", s2),
        _claim("b#1", "b", "Grigori Rasputin", "1916-12-17", "death", s3),
        _claim("b#2", "b", "Grigori Rasputin", "1917-01-03", "departure", s4),
        _claim("x#1", "x", "Anna Vyrubova", "1917-03-21", "arrest"),
    ]
    new = [
        _claim("c#1", "c", "Felix Yusupov", "1917-01-01", "departure", s1),
        _claim("c#2", "c", "Felix Yusupov", "1917-01-02", "departure", s2),
        _claim("c#3", "c", "Dmitri Pavlovich", "1917-01-01", "departure", s3),
        _claim("c#4", "c", "Dmitri Pavlovich", "1917-01-02", "departure", s4),
    ]
    events = reconcile(old)
    change = update(events, old + new, {"c"})
    death = next(e for e in events if e.type == "death")
    assert death.id in change.removed  # Rasputin's events, although c says nothing of him
    vyrubova = next(e for e in events if e.subject == "Anna Vyrubova")
    assert vyrubova.id not in change.removed
    after = [e for e in events if e.id not in change.removed] + change.events
    assert _canonical(after) == _canonical(reconcile(old + new))


# ------------------------------------------------------------------ migration

def test_a_version_1_store_is_migrated(pipe, tmp_path):
    db = tmp_path / "v1.db"
    with Store(db) as st, st.transaction():
        st.start_run("old")
    with sqlite3.connect(db) as conn:  # make it look like a store written by version 1
        conn.execute("ALTER TABLE runs DROP COLUMN events_rebuilt")
        conn.execute("ALTER TABLE runs DROP COLUMN events_kept")
        conn.execute("DELETE FROM _chronicon_migrations WHERE version > 1")
        conn.execute("PRAGMA user_version = 1")
    with Store(db) as st:
        assert st.schema_version == 2
        cols = {r[1] for r in st.conn.execute("PRAGMA table_info(runs)")}
        assert {"events_rebuilt", "events_kept"} <= cols
        assert [r[0] for r in st.conn.execute("SELECT version FROM _chronicon_migrations ORDER BY version")] == [1, 2]
        assert st.conn.execute("SELECT command FROM runs").fetchone()[0] == "old"
