"""Exports (issue 7): every format written from one small store and checked by
an outside reader: json/csv round trips, the TimelineJS3 schema (jsonschema),
networkx for GraphML, rdflib + SPARQL for JSON-LD, pyld for Web Annotations, a
QuickStatements parser written from its documentation plus golden files.

The store: two short sources, English and Spanish, about Trotsky, with an Old
Style birth date (calendar_style), a contradiction (12 vs 14 November 1927),
month- and year-level dates, and a sentence carrying quotes, ``<script>`` and
``&``. Source text that is awkward for every format (quotes, ``<script>``,
newlines, tabs, ``|``) is also pushed through each writer directly.
"""

from __future__ import annotations

import copy
import csv
import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicon
from chronicon.cli import app
from chronicon.errors import ExportError
from chronicon.export import FORMATS, export
from chronicon.export import _csv, _graphml, _json, _jsonld, _quickstatements, _timelinejs, _webanno
from chronicon.export._common import ExportData
from chronicon.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "export"

EN = (
    "Leon Trotsky was born on 26 October 1879 (Old Style) in Yanovka.\n"
    "Trotsky was expelled from the Communist Party on 12 November 1927.\n"
    "Trotsky was exiled to Alma-Ata\n"
    "on 17 January 1928, \"a <script>alert('x')</script> & 'final' decision\".\n"
    "Trotsky became a member of the Politburo in October 1917.\n"
    "Trotsky was deported from the Soviet Union in February 1929.\n"
)
ES = (
    "León Trotski nació el 7 de noviembre de 1879 en Yanovka.\n"
    "Trotski fue expulsado del Partido Comunista el 14 de noviembre de 1927.\n"
    "Trotski fue desterrado a Alma-Ata en enero de 1928.\n"
    "Trotski murió en Coyoacán en 1940.\n"
)
# A test-only entity with a QID, so that an item-valued QuickStatements line (P463) is made.
ALIASES = """\
entities:
- id: politburo
  label: Politburo
  kind: organization
  ids: {wikidata: Q103951}
  aliases: [Politburo, Politburó]
"""
NASTY = "He wrote \"no\" and 'yes' <script>alert(1)</script> & <b>bold</b>\nsecond line\tTAB | bar ]]> --> \\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    src = root / "sources"
    src.mkdir()
    (src / "trotsky_en.txt").write_text(EN, "utf-8")
    (src / "trotsky_es.txt").write_text(ES, "utf-8")
    aliases = root / "aliases.yaml"
    aliases.write_text(ALIASES, "utf-8")
    db = root / "store.db"
    chronicon.Pipeline(aliases=[aliases]).run([src], db=db)
    with Store(db, readonly=True) as st:
        data = ExportData.from_store(st)
    return root, db, data


@pytest.fixture(scope="module")
def db(built):
    return built[1]


@pytest.fixture(scope="module")
def data(built):
    return built[2]


@pytest.fixture(scope="module")
def out(built):
    return built[0]


def _export(db: Path, fmt: str, dest: Path) -> list[Path]:
    with Store(db, readonly=True) as st:
        return export(st, fmt, dest)


@pytest.fixture
def nasty(data) -> ExportData:
    """The store's data with one quote (and its source text) full of characters formats care about."""
    d = copy.deepcopy(data)
    c = d.claims[0]
    src = d.source_by_id[c.source]
    text = src["text"]
    src["text"] = text[: c.span[0]] + NASTY + text[c.span[1]:]
    c.quote = NASTY
    c.span = (c.span[0], c.span[0] + len(NASTY))
    return ExportData(events=d.events, claims=d.claims, sources=d.sources, entities=d.entities)


# -- the store itself is what the tests need ------------------------------------------------------
def test_store_has_the_cases_the_formats_must_carry(data):
    verdicts = {e.verdict for e in data.events}
    assert {"calendar_style", "contradiction", "single"} <= verdicts
    assert any(c.julian_date and c.calendar == "julian" for c in data.claims)
    assert {c.lang for c in data.claims} == {"en", "es"}
    assert any("<script>" in c.quote for c in data.claims)
    assert data.wikidata("leon_trotsky") == "Q33391"


def test_unknown_format_is_e501_listing_the_known_ones(db, out):
    with Store(db, readonly=True) as st, pytest.raises(ExportError) as e:
        export(st, "pdf", out / "x.pdf")
    assert e.value.code == "E501"
    for name in FORMATS:
        assert name in str(e.value)


# -- json -------------------------------------------------------------------------------------------
def test_json_round_trip(db, data, out):
    (path,) = _export(db, "json", out / "all.json")
    doc = json.loads(path.read_text("utf-8"))
    claims = [chronicon.model.Claim.from_dict(c) for c in doc["claims"]]
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in data.claims]
    assert [e["id"] for e in doc["events"]] == [e.id for e in data.events]
    for e_json, e in zip(doc["events"], data.events):
        assert e_json["verdict"] == e.verdict and e_json["best_date"] == e.best_date
        for d in e_json["dates"]:
            assert {"date", "precision", "calendar", "sources"} <= set(d)
    for c in doc["claims"]:
        assert {"date", "precision", "calendar", "source"} <= set(c)
    birth = next(c for c in doc["claims"] if c["julian_date"])
    assert (birth["precision"], birth["calendar"]) == ("day", "julian")
    assert {s["id"] for s in doc["sources"]} == {"trotsky_en", "trotsky_es"}


# -- csv --------------------------------------------------------------------------------------------
def test_csv_round_trip(db, data, out):
    ev_path, cl_path = _export(db, "csv", out / "events.csv")
    assert cl_path == out / "events_claims.csv"
    assert [c.to_dict() for c in _csv.read_claims(cl_path)] == [c.to_dict() for c in data.claims]
    back = _csv.read_events(ev_path)
    strip = lambda e: {k: v for k, v in e.to_dict().items() if k != "comparisons"}  # noqa: E731
    assert [strip(e) for e in back] == [strip(e) for e in data.events]
    with cl_path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert all(r["source"] and r["calendar"] and "precision" in r for r in rows)
    assert {r["precision"] for r in rows if r["date"]} >= {"day", "month", "year"}
    with ev_path.open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for d in json.loads(r["dates"]):
                assert {"precision", "calendar", "sources"} <= set(d)


def test_csv_into_a_folder(db, out):
    folder = out / "csvdir"
    folder.mkdir()
    paths = _export(db, "csv", folder)
    assert paths == [folder / "events.csv", folder / "claims.csv"]


# -- timelinejs -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tl_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "timelinejs3.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_timelinejs_schema_rejects_what_timelinejs_would(tl_validator):
    assert list(tl_validator.iter_errors({"events": [{"start_date": {"month": 1}}]}))
    assert list(tl_validator.iter_errors({"events": [{"start_date": {"year": 1900}, "colour": "red"}]}))
    assert list(tl_validator.iter_errors({"title": {"text": {"headline": "x"}}}))  # events required
    assert not list(tl_validator.iter_errors({"events": [{"start_date": {"year": "1900"}}]}))


def test_timelinejs_valid_and_drawn_as_ranges(db, data, out, tl_validator):
    (path,) = _export(db, "timelinejs", out / "timeline.json")
    doc = json.loads(path.read_text("utf-8"))
    errors = [e.message for e in tl_validator.iter_errors(doc)]
    assert not errors, errors
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert len(slides) == len([e for e in data.events if e.best_date])
    by_type = {e.type: slides[f"event-{e.id}"] for e in data.events}
    month = by_type["membership"]  # October 1917: the whole month
    assert (month["start_date"]["year"], month["start_date"]["month"], month["start_date"]["day"]) == (1917, 10, 1)
    assert (month["end_date"]["month"], month["end_date"]["day"]) == (10, 31)
    year = by_type["death"]  # 1940: the year, no month
    assert year["start_date"]["year"] == 1940 and "month" not in year["start_date"] and "end_date" not in year
    day = by_type["decision"]
    assert day["start_date"]["day"] == 17 and "end_date" not in day
    contra = by_type["expulsion_from_organization"]
    assert "Contradiction" in contra["text"]["text"]
    for src, words in (("trotsky_en", "12 November 1927"), ("trotsky_es", "14 November 1927")):
        assert re.search(rf"{src}</b>: {words}", contra["text"]["text"])
    birth = by_type["birth"]
    assert "julian" in birth["text"]["text"] and "Old Style 26 October 1879" in birth["text"]["text"]


def test_timelinejs_escapes_source_text(nasty, tl_validator):
    doc = _timelinejs.document(nasty)
    assert not list(tl_validator.iter_errors(doc))
    text = "".join(s["text"]["text"] for s in doc["events"])
    assert "<script>" not in text
    assert html.escape(NASTY) in text  # the HTML shows exactly the source's characters
    assert NASTY in html.unescape(text)


# -- graphml ----------------------------------------------------------------------------------------
def test_graphml_read_back_by_networkx(db, data, out):
    nx = pytest.importorskip("networkx")
    (path,) = _export(db, "graphml", out / "graph.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    kinds: dict[str, int] = {}
    for _, a in g.nodes(data=True):
        kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
    # expected, from the store: one node per event and source; one per distinct subject/place/object
    ents = set()
    for e in data.events:
        cl = data.event_claims(e)
        ents.add(next((c.subject_id for c in cl if c.subject_id), None) or e.subject)
        if e.place:
            ents.add(next((c.place_id for c in cl if c.place_id), None) or e.place)
        if e.object:
            ents.add(next((c.object_id for c in cl if c.object_id), None) or e.object)
    assert kinds["event"] == len(data.events)
    assert kinds["source"] == 2
    assert kinds.get("person", 0) >= 1 and kinds.get("place", 0) >= 1
    assert g.number_of_nodes() == len(data.events) + 2 + len(ents)
    roles: dict[str, int] = {}
    for _, _, a in g.edges(data=True):
        roles[a["role"]] = roles.get(a["role"], 0) + 1
    assert roles["subject"] == len(data.events)
    assert roles["source"] == sum(len(e.claims) for e in data.events)
    assert roles["place"] == sum(1 for e in data.events if e.place)
    assert roles["object"] == sum(1 for e in data.events if e.object)
    assert g.number_of_edges() == sum(roles.values())
    julian = [a for _, _, a in g.edges(data=True) if a.get("calendar") == "julian"]
    assert julian and julian[0]["precision"] == "day" and julian[0]["julian_date"] == "1879-10-26"


def test_graphml_keeps_source_text(nasty, out):
    nx = pytest.importorskip("networkx")
    path = out / "nasty.graphml"
    _graphml.write(nasty, path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert NASTY in [a.get("quote") for _, _, a in g.edges(data=True)]


# -- json-ld ----------------------------------------------------------------------------------------
SPARQL_EVENTS = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX chr: <urn:chronicon:ns:>
SELECT ?event ?verdict ?when ?actor WHERE {
  ?event a sem:Event ; chr:verdict ?verdict ; sem:hasActor ?actor .
  OPTIONAL { ?event sem:hasTimeStamp ?when }
}
"""
SPARQL_PROV = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX chr: <urn:chronicon:ns:>
SELECT ?claim ?source ?quote ?precision ?calendar WHERE {
  ?claim a chr:Claim ; prov:wasDerivedFrom ?source ; prov:value ?quote ; chr:calendar ?calendar .
  ?source a chr:Source .
  OPTIONAL { ?claim chr:precision ?precision }
}
"""


def _rdf(**kw):
    rdflib = pytest.importorskip("rdflib")
    g = rdflib.Graph()
    g.parse(**kw, format="json-ld")
    return g


def test_jsonld_parsed_by_rdflib_and_queried(db, data, out):
    (path,) = _export(db, "jsonld", out / "events.jsonld")
    g = _rdf(source=str(path))
    rows = list(g.query(SPARQL_EVENTS))
    verdicts = {str(r.event).rsplit(":", 1)[1]: str(r.verdict) for r in rows}
    assert verdicts == {e.id: e.verdict for e in data.events}
    edtf = {str(r.when.datatype) for r in rows if r.when is not None}
    assert edtf == {_jsonld.EDTF}
    when = {str(r.event).rsplit(":", 1)[1]: str(r.when) for r in rows if r.when is not None}
    contra = next(e for e in data.events if e.verdict == "contradiction")
    assert when[contra.id] == contra.best_date
    prov = list(g.query(SPARQL_PROV))
    assert len(prov) == len(data.claims)
    quotes = {str(r.quote) for r in prov}
    assert {c.quote for c in data.claims} == quotes
    assert {str(r.calendar) for r in prov} == {"julian", "unstated"}
    # each of an event's dates: precision, calendar and the sources that give it
    q = """PREFIX chr: <urn:chronicon:ns:> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?d ?p ?c ?s WHERE { ?e chr:dateReading ?d . ?d chr:precision ?p ; chr:calendar ?c ; prov:wasDerivedFrom ?s }"""
    assert len(list(g.query(q))) == sum(len(d.sources) for e in data.events for d in e.dates if d.date)


def test_jsonld_keeps_source_text(nasty):
    g = _rdf(data=json.dumps(_jsonld.document(nasty), ensure_ascii=False))
    assert NASTY in {str(r.quote) for r in g.query(SPARQL_PROV)}


# -- web annotation ---------------------------------------------------------------------------------
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"


def _expand(doc):
    jsonld = pytest.importorskip("pyld.jsonld")
    return jsonld.expand(doc, {"documentLoader": _webanno.document_loader})


def _annotations(expanded):
    return expanded[0][AS + "first"][0][AS + "items"][0]["@list"]


def test_webanno_expanded_by_pyld(db, data, out):
    (path,) = _export(db, "webanno", out / "anno.jsonld")
    doc = json.loads(path.read_text("utf-8"))
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    annos = _annotations(_expand(doc))
    assert len(annos) == len(data.claims)
    with Store(db, readonly=True) as st:
        texts = {s["id"]: st.source_text(s["id"]) for s in st.sources()}
    for a, c in zip(annos, data.claims):
        assert a["@type"] == [OA + "Annotation"]
        target = a[OA + "hasTarget"][0]
        assert target["@type"] == [OA + "SpecificResource"]
        sels = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
        quote, pos = sels[OA + "TextQuoteSelector"], sels[OA + "TextPositionSelector"]
        start, end = pos[OA + "start"][0]["@value"], pos[OA + "end"][0]["@value"]
        text = texts[c.source]
        assert text[int(start):int(end)] == quote[OA + "exact"][0]["@value"] == c.quote
        assert text[: int(start)].endswith(quote[OA + "prefix"][0]["@value"])
        assert text[int(end):].startswith(quote[OA + "suffix"][0]["@value"])
        body = a[OA + "hasBody"][0]
        assert body["@type"] == [OA + "TextualBody"]
        assert c.source in body["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0]["@value"]
        assert body["urn:chronicon:ns:calendar"][0]["@value"] == c.calendar
        if c.date:
            assert body["urn:chronicon:ns:date"][0] == {"@value": c.date, "@type": _jsonld.EDTF}
            assert body["urn:chronicon:ns:precision"][0]["@value"]


def test_webanno_keeps_source_text_and_needs_no_network(nasty):
    annos = _annotations(_expand(_webanno.document(nasty)))
    exacts = [s[OA + "exact"][0]["@value"] for a in annos for s in a[OA + "hasTarget"][0][OA + "hasSelector"]
              if OA + "exact" in s]
    assert NASTY in exacts
    with pytest.raises(ValueError):
        _webanno.document_loader("https://example.org/context.jsonld")


# -- quickstatements --------------------------------------------------------------------------------
# A parser written from https://www.wikidata.org/wiki/Help:QuickStatements (V1 commands): one
# command per line, parts separated by TABs: item, property, value, then qualifier pairs
# (Pnnn value) and source pairs (Snnn value). Values: an item Qnnn, a string "...", a monolingual
# text lang:"...", a time +YYYY-MM-DDT00:00:00Z/precision (optionally /J for the Julian calendar),
# a quantity, somevalue/novalue.
_TIME = re.compile(r"^(?P<sign>[+-])(?P<y>\d{1,16})-(?P<m>\d\d)-(?P<d>\d\d)T00:00:00Z/(?P<p>\d{1,2})(?P<j>/J)?$")


def qs_value(v: str) -> dict:
    if re.fullmatch(r"Q\d+", v):
        return {"type": "item", "id": v}
    if m := re.fullmatch(r'"(.*)"', v, re.S):
        return {"type": "string", "text": m.group(1)}
    if m := re.fullmatch(r'([a-z]{2,3}(?:-[a-z0-9]+)*):"(.*)"', v, re.S):
        return {"type": "monolingual", "lang": m.group(1), "text": m.group(2)}
    if m := _TIME.match(v):
        y, mo, d, p = int(m["y"]), int(m["m"]), int(m["d"]), int(m["p"])
        if not 0 <= p <= 14:
            raise ValueError(f"precision {p}")
        if p >= 11 and not (1 <= mo <= 12 and 1 <= d <= 31):
            raise ValueError(f"day precision needs a day: {v}")
        if p == 10 and not (1 <= mo <= 12 and d == 0):
            raise ValueError(f"month precision: month set, day 00: {v}")
        if p <= 9 and (mo, d) != (0, 0):
            raise ValueError(f"year precision: month and day 00: {v}")
        return {"type": "time", "year": y if m["sign"] == "+" else -y, "month": mo, "day": d, "precision": p,
                "calendar": "Q1985786" if m["j"] else "Q1985727"}
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", v):
        return {"type": "quantity", "amount": v}
    if v in ("somevalue", "novalue"):
        return {"type": v}
    raise ValueError(f"not a QuickStatements value: {v!r}")


def parse_quickstatements(text: str) -> list[dict]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3 or len(parts) % 2 == 0:
            raise ValueError(f"line {n}: item, property, value and pairs expected")
        item, prop, value = parts[:3]
        if not re.fullmatch(r"Q\d+|LAST", item) or not re.fullmatch(r"P\d+", prop):
            raise ValueError(f"line {n}: bad item or property")
        st = {"item": item, "property": prop, "value": qs_value(value), "qualifiers": [], "references": []}
        for k, v in zip(parts[3::2], parts[4::2]):
            if re.fullmatch(r"P\d+", k):
                st["qualifiers"].append((k, qs_value(v)))
            elif re.fullmatch(r"S\d+", k):
                st["references"].append((k, qs_value(v)))
            else:
                raise ValueError(f"line {n}: {k} is neither a qualifier nor a source property")
        out.append(st)
    return out


def test_qs_parser_rejects_malformed_lines():
    for bad in ("Q1\tP569", "Q1\tP569\t1879-10-26", "Q1\tP569\t+1879-10-26T00:00:00Z/10",
                "Q1\tP569\t+1879-00-00T00:00:00Z/11", "Q1\tP569\t+1879T00Z/9\tX1\tQ2"):
        with pytest.raises(ValueError):
            parse_quickstatements(bad)


def test_quickstatements_golden(db, out):
    (path,) = _export(db, "quickstatements", out / "trotsky.qs")
    got = path.read_text("utf-8")
    golden = FIXTURES / "trotsky.qs"
    assert got == golden.read_text("utf-8")
    sts = parse_quickstatements(got)
    assert sts and all(s["item"] == "Q33391" for s in sts)  # only subjects with a QID (Trotsky)
    births = [s for s in sts if s["property"] == "P569"]
    julian = [s for s in births if s["value"]["calendar"] == "Q1985786"]
    assert [(s["value"]["year"], s["value"]["month"], s["value"]["day"], s["value"]["precision"]) for s in julian] \
        == [(1879, 10, 26, 11)]  # the Old Style date as the source gives it, Julian calendar model
    greg = [s for s in births if s["value"]["calendar"] == "Q1985727"]
    assert [(s["value"]["month"], s["value"]["day"]) for s in greg] == [(11, 7)]
    death = next(s for s in sts if s["property"] == "P570")
    assert (death["value"]["precision"], death["value"]["month"], death["value"]["day"]) == (9, 0, 0)
    member = next(s for s in sts if s["property"] == "P463")
    assert member["value"] == {"type": "item", "id": "Q103951"}
    (q, t), = member["qualifiers"]
    assert q == "P585" and (t["precision"], t["year"], t["month"]) == (10, 1917, 10)
    for s in sts:
        refs = dict(s["references"])
        assert refs["S1683"]["type"] == "monolingual" and refs["S1683"]["lang"] in ("en", "es")
    langs = {dict(s["references"])["S1683"]["lang"] for s in births}
    assert langs == {"en", "es"}


def test_quickstatements_dates_golden():
    """Precisions and calendar models, one line per case (fixtures/export/dates.qs)."""
    cases = [
        ("1928-01-17", "unstated", None), ("1928-01", "unstated", None), ("1928", "unstated", None),
        ("192X", "unstated", None), ("19XX", "unstated", None), ("1879-11-07", "julian", "1879-10-26"),
        ("1700-03-11", "julian", None), ("1879-11", "julian", None), ("1919-23", "unstated", None),
        ("1925-05/1927-11-17", "unstated", None), ("[1927-11-12,1927-11-14]", "unstated", None),
    ]
    lines = [f"{d}\t{cal}\t{_quickstatements.qs_time(d, cal, j)}" for d, cal, j in cases]
    assert "\n".join(lines) + "\n" == (FIXTURES / "dates.qs").read_text("utf-8")
    for ln in lines:
        value = ln.split("\t")[2]
        if value != "None":
            qs_value(value)  # the parser accepts each


def test_quickstatements_strings_survive(nasty):
    lines = _quickstatements.document(nasty)
    sts = parse_quickstatements(lines)
    quotes = [dict(s["references"])["S1683"]["text"] for s in sts]
    flat = NASTY.replace("\n", " ").replace("\t", " ").replace("|", "¦")
    assert flat in quotes  # quotes, <script> and & as written; line breaks, tabs and | cannot be


# -- the command line -------------------------------------------------------------------------------
runner = CliRunner()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_export_every_format(db, out, fmt):
    dest = out / "cli" / f"out.{fmt}"
    res = runner.invoke(app, ["export", "--db", str(db), "--to", fmt, "--out", str(dest)])
    assert res.exit_code == 0, res.stderr
    assert dest.exists() and dest.stat().st_size > 0
    assert "wrote" in res.stderr


def test_cli_unknown_format_one_line_exit_2(db, out):
    res = runner.invoke(app, ["export", "--db", str(db), "--to", "pdf", "--out", str(out / "x.pdf")])
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "E501" in lines[0] and "timelinejs" in lines[0]
    assert "Traceback" not in res.stdout + res.stderr


def test_cli_missing_store_one_line(out):
    res = runner.invoke(app, ["export", "--db", str(out / "nope.db"), "--to", "json", "--out", str(out / "x.json")])
    assert res.exit_code == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "E301" in lines[0]


def test_cli_help_documents_csv_out():
    res = runner.invoke(app, ["export", "--help"])
    assert res.exit_code == 0
    assert "_claims.csv" in res.stdout.replace("\n", "")
