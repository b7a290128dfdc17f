"""The command line, through typer's CliRunner (and the installed script for --help).

Bad input must give one clear line on stderr naming the file and the problem,
never a traceback, and must not stop the rest of the batch.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicon
from chronicon.cli import app
from chronicon.ingest import read
from chronicon.model import VERDICTS

CLAIM_FIELDS = (
    "id", "source", "lang", "type", "subject", "subject_text", "object", "place", "date", "date_text",
    "qualifier", "calendar", "span", "quote", "confidence", "facet", "quantity",
)
EVENT_FIELDS = (
    "id", "type", "subject", "object", "place", "claims", "sources", "dates", "verdict", "explanation", "best_date",
)

GOOD_EN = (
    "Leon Trotsky was expelled from the Communist Party on 12 November 1927. "
    "He was exiled to Alma-Ata on 17 January 1928. "
    "Trotsky was deported to Turkey in February 1929.\n"
)
GOOD_EN_2 = (
    "On 17 January 1928 Leon Trotsky was exiled to Alma-Ata. "
    "His supporters wrote to him there for a whole year.\n"
)
RUSSIAN = (
    "Лев Троцкий был исключён из партии в ноябре 1927 года. "
    "Затем его сослали в Алма-Ату в январе 1928 года. "
    "В феврале 1929 года его выслали в Турцию. "
    "Он прожил в эмиграции до конца своей жизни.\n"
)

runner = CliRunner()


def invoke(*args: str):
    res = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.stdout + res.stderr
    # typer.Exit / sys.exit are the only acceptable ways out
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli")
    f = {
        "good": root / "trotsky_en.txt",
        "good2": root / "exile_note.txt",
        "binary": root / "scan.pdf",
        "empty": root / "blank.txt",
        "russian": root / "trotsky_ru.txt",
        "nofiles": root / "pictures",
        "missing": root / "no_such_file.txt",
    }
    f["good"].write_text(GOOD_EN, "utf-8")
    f["good2"].write_text(GOOD_EN_2, "utf-8")
    f["binary"].write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 16)
    f["empty"].write_bytes(b"")
    f["russian"].write_text(RUSSIAN, "utf-8")
    f["nofiles"].mkdir()
    (f["nofiles"] / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return f


BAD = {  # key -> a word the problem line must contain
    "binary": "binary",
    "empty": "empty",
    "russian": "not supported",
    "nofiles": "no text files",
    "missing": "does not exist",
}


def assert_one_line_per_bad_file(stderr: str, files: dict[str, Path]) -> None:
    # With --db, one more line says what the run stored ("... 3 event(s) rebuilt, ...").
    lines = [ln for ln in stderr.splitlines() if ln.strip() and "event(s) rebuilt" not in ln]
    for key, word in BAD.items():
        mine = [ln for ln in lines if str(files[key]) in ln]
        assert len(mine) == 1, (key, lines)
        assert word in mine[0], (key, mine[0])
    assert "'ru'" in next(ln for ln in lines if str(files["russian"]) in ln)
    assert len(lines) == len(BAD), lines


# ------------------------------------------------------------------ extract

@pytest.fixture(scope="module")
def extract_mixed(files):
    return invoke("extract", *(files[k] for k in ("binary", "good", "empty", "russian", "nofiles", "missing")),
                  "--format", "jsonl")


def test_extract_mixed_batch_exit_zero(extract_mixed):
    assert extract_mixed.exit_code == 0, extract_mixed.stderr


def test_extract_mixed_batch_one_line_per_problem(extract_mixed, files):
    assert_one_line_per_bad_file(extract_mixed.stderr, files)


def test_extract_jsonl_contract(extract_mixed, files):
    lines = [ln for ln in extract_mixed.stdout.splitlines() if ln.strip()]
    claims = [json.loads(ln) for ln in lines]
    assert len(claims) >= 3
    text = read(files["good"]).text
    ids = set()
    for c in claims:
        for f in CLAIM_FIELDS:
            assert f in c, f
        assert c["source"] == "trotsky_en"
        assert c["lang"] == "en"
        assert c["calendar"] in ("gregorian", "julian", "unstated")
        assert 0 <= c["confidence"] <= 1
        s, e = c["span"]
        assert c["quote"] == text[s:e]
        ids.add(c["id"])
    assert len(ids) == len(claims)
    assert {c["date"] for c in claims} >= {"1927-11-12", "1928-01-17"}
    exile = next(c for c in claims if c["date"] == "1928-01-17")
    assert exile["date_text"] == "17 January 1928"
    assert exile["date_text"] in exile["quote"]


def test_extract_all_bad_is_nonzero(files):
    res = invoke("extract", *(files[k] for k in BAD))
    assert res.exit_code != 0
    assert res.stdout.strip() == ""
    assert_one_line_per_bad_file(res.stderr, files)


# ------------------------------------------------------------------ reconcile

@pytest.fixture(scope="module")
def reconciled(files, tmp_path_factory):
    db = tmp_path_factory.mktemp("rdb") / "store.db"
    res = invoke("reconcile", *(files[k] for k in ("good", "binary", "empty", "good2", "russian", "nofiles",
                                                     "missing")), "--format", "json", "--db", db)
    return res, db


def test_reconcile_mixed_batch(reconciled, files):
    res, _ = reconciled
    assert res.exit_code == 0, res.stderr
    assert_one_line_per_bad_file(res.stderr, files)
    assert re.search(r"2 source\(s\) added, 0 already stored; [1-9]\d* event\(s\) rebuilt, 0 left", res.stderr)


def test_reconcile_json_contract(reconciled):
    res, _ = reconciled
    out = json.loads(res.stdout)
    assert set(out) >= {"events", "claims"}
    claim_ids = {c["id"] for c in out["claims"]}
    assert len(claim_ids) == len(out["claims"]) >= 4
    for c in out["claims"]:
        for f in CLAIM_FIELDS:
            assert f in c, f
    assert out["events"]
    event_ids = [e["id"] for e in out["events"]]
    assert len(set(event_ids)) == len(event_ids)
    named = set()
    for e in out["events"]:
        for f in EVENT_FIELDS:
            assert f in e, f
        assert e["verdict"] in VERDICTS
        assert isinstance(e["explanation"], str) and e["explanation"]
        assert e["claims"], e
        named.update(e["claims"])
        for d in e["dates"]:
            assert "date" in d and "sources" in d
            assert set(d["sources"]) <= set(e["sources"])
    assert named <= claim_ids
    # both files date the exile to Alma-Ata: one event, two sources
    exile = [e for e in out["events"] if e["type"] == "internal_exile"]
    assert len(exile) == 1
    assert exile[0]["sources"] == ["exile_note", "trotsky_en"]
    assert exile[0]["verdict"] == "agree"
    assert exile[0]["best_date"] == "1928-01-17"


def test_reconcile_db_stores_only_the_good_sources(reconciled):
    res, db = reconciled
    out = json.loads(res.stdout)
    with chronicon.Store(db, readonly=True) as st:
        assert sorted(s["id"] for s in st.sources()) == ["exile_note", "trotsky_en"]
        counts = st.counts()
        stored_ids = {c.id for c in st.claims()}
    assert counts["claims"] == len(out["claims"])
    assert counts["events"] == len(out["events"])
    assert stored_ids == {c["id"] for c in out["claims"]}


def test_timeline_from_db_without_paths(reconciled):
    _, db = reconciled
    res = invoke("timeline", "--db", db, "--all")
    assert res.exit_code == 0, res.stderr
    assert "Chronicon timeline" in res.stdout
    assert "agree" in res.stdout


def test_timeline_missing_db_is_one_line(tmp_path):
    db = tmp_path / "nothing.db"
    res = invoke("timeline", "--db", db)
    assert res.exit_code != 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(db) in lines[0] and "E301" in lines[0]
    assert not db.exists()


# ------------------------------------------------------------------ timeline

def test_timeline_all_prints_a_table_with_verdicts(files):
    res = invoke("timeline", files["good"], "--all")
    assert res.exit_code == 0, res.stderr
    table, _, summary = res.stdout.rpartition("events:")
    assert "Chronicon timeline" in table
    assert "┃" in table or "|" in table
    assert "single" in table
    assert "Leon Trotsky" in table
    assert "single" in summary


# ------------------------------------------------------------------ demo

@pytest.fixture(scope="module")
def demo_twice(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    first = invoke("demo", "--db", db)
    with chronicon.Store(db, readonly=True) as st:
        c1 = st.counts()
        sources = [s["id"] for s in st.sources()]
    second = invoke("demo", "--db", db)
    with chronicon.Store(db, readonly=True) as st:
        c2 = st.counts()
    return db, first, c1, sources, second, c2


def test_demo_runs_and_stores(demo_twice):
    db, first, c1, sources, _, _ = demo_twice
    assert first.exit_code == 0, first.stderr
    assert "store:" in first.stdout
    assert db.exists()
    assert c1["sources"] >= 7 and c1["claims"] > c1["sources"]
    assert c1["events"] > 0
    assert "01_encyclopedia_en" in sources


def test_demo_twice_adds_nothing_twice(demo_twice):
    _, _, c1, _, second, c2 = demo_twice
    assert second.exit_code == 0, second.stderr
    assert "store:" in second.stdout
    assert "0 sources added" in second.stdout
    for key in ("sources", "claims", "events", "mentions"):
        assert c2[key] == c1[key], key
    assert c2["runs"] == c1["runs"] + 1


def test_demo_reads_only_the_example_sources(demo_twice):
    # examples/README.md documents the corpus; it is not a historical source
    sources = demo_twice[3]
    assert "README" not in sources
    assert len(sources) == 7


# ------------------------------------------------------------------ usage and odd names

def test_problem_line_names_a_file_with_brackets(tmp_path):
    f = tmp_path / "notes [draft].txt"
    f.write_bytes(b"")
    res = invoke("extract", f)
    assert res.exit_code != 0
    assert str(f) in res.stderr


def test_usage_error_is_not_an_internal_error():
    res = invoke("timeline")
    assert res.exit_code == 2
    assert "internal error" not in res.stderr


# ------------------------------------------------------------------ installed script

def test_installed_script_help_for_every_command():
    exe = shutil.which("chronicon") or str(Path(sys.executable).parent / "chronicon")
    assert Path(exe).exists(), "the chronicon script is not installed (pip install -e .)"
    commands = ("extract", "reconcile", "timeline", "demo", "evaluate")
    procs = {
        c: subprocess.Popen([exe, c, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    }
    outs = {}
    for c, p in procs.items():
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, (c, err)
        assert "Usage:" in out and c in out, c
        assert "Traceback" not in out + err
        outs[c] = out
    assert "--format" in outs["extract"] and "--format" in outs["reconcile"]
    assert "--db" in outs["demo"] and "--all" in outs["timeline"]
