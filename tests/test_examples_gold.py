"""Integrity of the bundled example corpus and its gold file (examples/rasputin/).

The gold file is hand-written; these tests keep it honest: every claim points
at a real file and quotes it verbatim, every date is valid EDTF, every
cross-source comparison names the right claims and dates, and every verdict is
consistent with the dates it compares (calendar_style gaps are recomputed with
convertdate).
"""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest
import yaml
from convertdate import gregorian, julian
from edtf import parse_edtf

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "rasputin"
GOLD = CORPUS / "gold.yaml"

VERDICTS = {"agree", "compatible", "calendar_style", "contradiction", "not_same_event"}
# starting vocabulary (docs event_types.md) plus the types this corpus adds
EVENT_TYPES = {
    "birth", "death", "attack", "execution", "arrest", "imprisonment", "trial", "sentence",
    "internal_exile", "deportation", "escape_attempt", "expulsion_from_organization",
    "membership", "position_held", "appointment", "dismissal", "residence", "arrival",
    "departure", "award", "publication", "formation", "dissolution", "rename",
    "capitulation", "rehabilitation", "alliance", "demonstration", "speech",
    "commemoration", "marriage", "period", "revolution", "meeting", "asylum_granted",
    "return_from_exile", "calendar_reform", "decision", "quantity",
    # added by this corpus
    "discovery", "burial", "exhumation", "abdication",
}
FACETS = {"decision", "announcement", "departure", "arrival", "start", "end", "verdict"}
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
REQUIRED = ("id", "source", "subject", "type", "date", "date_text", "event")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix in {".html", ".htm"}:
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return _norm(raw)


@pytest.fixture(scope="module")
def gold() -> dict:
    with GOLD.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    files = [p for p in CORPUS.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file()]
    return {p.stem: _visible_text(p) for p in files}


@pytest.fixture(scope="module")
def claims(gold) -> dict[str, dict]:
    return {c["id"]: c for c in gold["claims"]}


def _s(value) -> str:
    # PyYAML turns 1916-12-30 into a date and 1927 into an int: compare as text
    return str(value)


def written(claim: dict) -> str:
    """The date as the source wrote it: the Old Style date for julian claims."""
    if claim.get("calendar") == "julian":
        return _s(claim["julian_date"])
    return _s(claim["date"])


def bounds(edtf_text: str) -> tuple[tuple, tuple]:
    e = parse_edtf(edtf_text)
    return tuple(e.lower_strict())[:3], tuple(e.upper_strict())[:3]


def nested(a: str, b: str) -> bool:
    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    return (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)


def ymd(text: str) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in text.split("-"))
    return y, m, d


def julian_offset(text: str) -> int:
    """Days to add to a Julian y-m-d to get the Gregorian one."""
    y, m, d = ymd(text)
    return int(julian.to_jd(y, m, d) - gregorian.to_jd(y, m, d))


def day_gap(greg_text: str, julian_written: str) -> int:
    return int(gregorian.to_jd(*ymd(greg_text)) - gregorian.to_jd(*ymd(julian_written)))


# ------------------------------------------------------------------ corpus


def test_corpus_has_enough_texts_in_three_languages(texts):
    assert len(texts) >= 7, sorted(texts)
    langs = {stem.rsplit("_", 1)[-1] for stem in texts}
    assert {"en", "es", "fr"} <= langs, langs
    per_lang = {lang: sum(1 for s in texts if s.endswith("_" + lang)) for lang in langs}
    assert per_lang["en"] >= 3 and per_lang["es"] >= 3 and per_lang["fr"] >= 1, per_lang


def test_file_names_follow_convention(texts):
    for stem in texts:
        assert re.fullmatch(r"\d\d_[a-z_]+_[a-z]{2}", stem), stem


def test_texts_are_short_sources(texts):
    for stem, text in texts.items():
        assert 100 <= len(text.split()) <= 330, (stem, len(text.split()))


# ------------------------------------------------------------------ claims


def test_claims_have_required_fields_and_unique_ids(gold):
    ids = [c["id"] for c in gold["claims"]]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    for c in gold["claims"]:
        missing = [f for f in REQUIRED if c.get(f) in (None, "")]
        assert not missing, (c["id"], missing)
        assert c["type"] in EVENT_TYPES, (c["id"], c["type"])
        if "facet" in c:
            assert c["facet"] in FACETS, (c["id"], c["facet"])
        if "qualifier" in c:
            assert c["qualifier"] in {"early", "mid", "late"}, c["id"]


def test_every_source_exists(gold, texts):
    for c in gold["claims"]:
        assert c["source"] in texts, (c["id"], c["source"])
    for q in gold.get("quantities", []):
        assert q["source"] in texts, q


def test_every_source_has_claims(gold, texts):
    assert {c["source"] for c in gold["claims"]} == set(texts)


def test_date_text_is_verbatim(gold, texts):
    for c in gold["claims"]:
        assert _norm(c["date_text"]) in texts[c["source"]], (c["id"], c["date_text"])


def test_calendar_marker_is_verbatim(gold, texts):
    for c in gold["claims"]:
        if "calendar_marker" in c:
            assert _norm(c["calendar_marker"]) in texts[c["source"]], c["id"]


def test_quantity_text_is_verbatim(gold, texts):
    for q in gold.get("quantities", []):
        assert _norm(q["value_text"]) in texts[q["source"]], q
        assert isinstance(q["value"], (int, float)), q


def test_dates_parse_as_edtf(gold):
    for c in gold["claims"]:
        assert parse_edtf(_s(c["date"])) is not None, c["id"]
        if "julian_date" in c:
            assert parse_edtf(_s(c["julian_date"])) is not None, c["id"]
    for q in gold.get("quantities", []):
        if "date" in q:
            assert parse_edtf(_s(q["date"])) is not None, q


def test_julian_claims_convert_to_their_gregorian_date(gold):
    for c in gold["claims"]:
        assert c.get("calendar", "gregorian") in {"gregorian", "julian"}, c["id"]
        if c.get("calendar") == "julian":
            y, m, d = ymd(_s(c["julian_date"]))
            g = "%04d-%02d-%02d" % gregorian.from_jd(julian.to_jd(y, m, d))
            assert g == _s(c["date"]), (c["id"], g, c["date"])
        else:
            assert "julian_date" not in c, c["id"]


# ------------------------------------------------------------------ conflicts


def test_conflict_claims_exist_and_dates_match(gold, claims):
    for k in gold["conflicts"]:
        assert k["verdict"] in VERDICTS, k
        assert k.get("note"), k["event"]
        for cid, date in k["claims"].items():
            assert cid in claims, (k["event"], cid)
            assert _s(date) == written(claims[cid]), (k["event"], cid, date)


def test_conflicts_span_two_sources(gold, claims):
    for k in gold["conflicts"]:
        sources = {claims[cid]["source"] for cid in k["claims"]}
        assert len(sources) >= 2, k["event"]
        events = {claims[cid]["event"] for cid in k["claims"]}
        if k["verdict"] == "not_same_event":
            assert len(events) >= 2, k["event"]
        else:
            assert events == {k["event"]}, (k["event"], events)


def test_every_cross_source_event_is_compared(gold):
    by_event: dict[str, set] = {}
    for c in gold["claims"]:
        by_event.setdefault(c["event"], set()).add(c["source"])
    covered: dict[str, set] = {}
    for k in gold["conflicts"]:
        if k["verdict"] != "not_same_event":
            covered.setdefault(k["event"], set()).update(k["claims"])
    for event, sources in by_event.items():
        if len(sources) < 2:
            continue
        ids = {c["id"] for c in gold["claims"] if c["event"] == event}
        assert event in covered, f"{event}: claims from {sorted(sources)} but no conflict entry"
        assert ids <= covered[event], (event, sorted(ids - covered[event]))


def _cross_pairs(k, claims):
    for a, b in itertools.combinations(k["claims"], 2):
        if claims[a]["source"] != claims[b]["source"]:
            yield claims[a], claims[b]


def test_agree_means_same_written_date(gold, claims):
    for k in (k for k in gold["conflicts"] if k["verdict"] == "agree"):
        assert len({_s(d) for d in k["claims"].values()}) == 1, k["event"]


def test_calendar_style_gap_is_julian_offset(gold, claims):
    for k in (k for k in gold["conflicts"] if k["verdict"] == "calendar_style"):
        pairs = list(_cross_pairs(k, claims))
        assert pairs, k["event"]
        for a, b in pairs:
            jul = [c for c in (a, b) if c.get("calendar") == "julian"]
            assert len(jul) == 1, (k["event"], a["id"], b["id"])
            j = jul[0]
            g = b if j is a else a
            jw = written(j)
            offset = julian_offset(jw)
            year = ymd(jw)[0]
            assert offset == (13 if 1900 <= year < 2100 else 12 if 1800 <= year < 1900 else offset)
            assert day_gap(written(g), jw) == offset, (k["event"], written(g), jw, offset)
            assert _s(a["date"]) == _s(b["date"]), k["event"]


def test_compatible_is_nesting_or_stages(gold, claims):
    for k in (k for k in gold["conflicts"] if k["verdict"] == "compatible"):
        for a, b in _cross_pairs(k, claims):
            staged = a.get("facet") and b.get("facet") and a["facet"] != b["facet"]
            if staged:
                continue
            assert nested(_s(a["date"]), _s(b["date"])), (k["event"], a["id"], b["id"])


def test_staged_events_are_ordered(gold, claims):
    order = ["decision", "announcement", "departure", "start", "arrival", "verdict", "end"]
    for k in (k for k in gold["conflicts"] if k["verdict"] == "compatible"):
        for a, b in _cross_pairs(k, claims):
            fa, fb = a.get("facet"), b.get("facet")
            if fa and fb and fa != fb and _s(a["date"]).count("-") == 2 == _s(b["date"]).count("-"):
                first, second = (a, b) if order.index(fa) < order.index(fb) else (b, a)
                assert _s(first["date"]) <= _s(second["date"]), (k["event"], a["id"], b["id"])


def test_contradictions_are_not_explained(gold, claims):
    for k in (k for k in gold["conflicts"] if k["verdict"] == "contradiction"):
        for a, b in _cross_pairs(k, claims):
            wa, wb = written(a), written(b)
            assert wa != wb, k["event"]
            assert not nested(_s(a["date"]), _s(b["date"])), (k["event"], a["id"], b["id"])
            if wa.count("-") == 2 == wb.count("-") and "/" not in wa + wb:
                gap = abs(day_gap(wa, wb))
                assert gap not in {12, 13}, (k["event"], gap)


def test_required_disagreements_are_present(gold, claims):
    verdicts = [k["verdict"] for k in gold["conflicts"]]
    assert verdicts.count("calendar_style") >= 2
    assert verdicts.count("contradiction") >= 2
    assert {"agree", "compatible", "not_same_event"} <= set(verdicts)
    cal = [k for k in gold["conflicts"] if k["verdict"] == "calendar_style"]
    marked = unmarked = False
    for k in cal:
        for cid in k["claims"]:
            c = claims[cid]
            if c.get("calendar") == "julian":
                marked |= "calendar_marker" in c
                unmarked |= "calendar_marker" not in c
    assert marked and unmarked, "need one marked and one unmarked Old Style pair"
    # an agree pair across two languages
    assert any(
        len({claims[c]["source"].rsplit("_", 1)[-1] for c in k["claims"]}) >= 2
        for k in gold["conflicts"] if k["verdict"] == "agree"
    )
