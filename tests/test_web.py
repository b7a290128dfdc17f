"""The web viewer's API and pages (FastAPI TestClient) over a small hand-made store."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from chronicon.errors import ChroniconError  # noqa: E402
from chronicon.model import Claim, DateSupport, Entity, Event, Sentence, Source  # noqa: E402
from chronicon.store import Store  # noqa: E402
from chronicon.web import create_app  # noqa: E402
from chronicon.web._data import placement, quote_parts  # noqa: E402

XSS = '<script>window.__pwned=1</script> "onerror=window.__pwned=1 x="'

TEXT_A = (
    f"Rasputin was born on 21 January 1869 in Pokrovskoye {XSS}. "
    "Rasputin was murdered on 30 December 1916 in Petrograd."
)
TEXT_B = "Rasputín nació en 1871 en Pokróvskoye. Rasputín fue asesinado el 17 de diciembre de 1916."
TEXT_C = "Nicolas II abdiqua en mars 1917. Il partit en 1919."


def _source(sid: str, text: str, lang: str, title: str | None = None) -> Source:
    return Source(
        id=sid, path=f"/corpus/{sid}.txt", text=text, lang=lang, format="txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(), sentences=[Sentence(0, len(text), lang)], title=title,
    )


def _claim(cid: str, src: Source, typ: str, subject: str, date: str, date_text: str, sentence: str, **kw) -> Claim:
    start = src.text.index(sentence)
    ds = src.text.index(date_text, start)
    return Claim(
        id=cid, source=src.id, lang=src.lang, type=typ, subject=subject, subject_text=subject, object=None,
        place=kw.pop("place", None), date=date, date_text=date_text, qualifier=None,
        calendar=kw.pop("calendar", "unstated"), span=(start, start + len(sentence)), quote=sentence,
        confidence=0.8, date_span=(ds, ds + len(date_text)), **kw,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "viewer.db"
    a = _source("a_chronicle_en", TEXT_A, "en", title=f"A chronicle {XSS}")
    b = _source("b_biografia_es", TEXT_B, "es")
    c = _source("c_journal_fr", TEXT_C, "fr")
    a1 = _claim("a_chronicle_en#c001", a, "birth", "Grigori Rasputin", "1869-01-21", "21 January 1869",
                f"Rasputin was born on 21 January 1869 in Pokrovskoye {XSS}.", place="Pokrovskoye")
    a2 = _claim("a_chronicle_en#c002", a, "death", "Grigori Rasputin", "1916-12-30", "30 December 1916",
                "Rasputin was murdered on 30 December 1916 in Petrograd.")
    b1 = _claim("b_biografia_es#c001", b, "birth", "Grigori Rasputin", "1871", "1871",
                "Rasputín nació en 1871 en Pokróvskoye.")
    b2 = _claim("b_biografia_es#c002", b, "death", "Grigori Rasputin", "1916-12-30", "17 de diciembre de 1916",
                "Rasputín fue asesinado el 17 de diciembre de 1916.", calendar="julian", julian_date="1916-12-17")
    c1 = _claim("c_journal_fr#c001", c, "abdication", "Nicholas II", "1917-03", "mars 1917",
                "Nicolas II abdiqua en mars 1917.")
    c2 = _claim("c_journal_fr#c002", c, "departure", "Nicholas II", "1919", "1919", "Il partit en 1919.")
    people = [
        Entity("grigori_rasputin", "Grigori Rasputin", "person", ["Rasputin", "Rasputín"]),
        Entity("nicholas_ii", "Nicholas II", "person", ["Nicolas II"]),
    ]
    events = [
        Event(
            id="e0001", type="birth", subject="Grigori Rasputin", object=None, place="Pokrovskoye",
            claims=[a1.id, b1.id], sources=[a.id, b.id],
            dates=[DateSupport("1869-01-21", [a.id], [a1.id]), DateSupport("1871", [b.id], [b1.id])],
            verdict="contradiction", explanation=f"21 January 1869 and 1871 are 710 days apart {XSS}",
            best_date="1869-01-21", best_date_text="21 January 1869 or 1871 (one source each)", gap_days=710,
            comparisons=[{"dates": ["1869-01-21", "1871"], "claims": [[a1.id], [b1.id]], "verdict": "contradiction",
                          "explanation": "21 January 1869 and 1871 are 710 days apart"}],
        ),
        Event(
            id="e0002", type="death", subject="Grigori Rasputin", object=None, place="Petrograd",
            claims=[a2.id, b2.id], sources=[a.id, b.id],
            dates=[DateSupport("1916-12-30", [a.id, b.id], [a2.id, b2.id], calendar="julian")],
            verdict="calendar_style", explanation="17 December 1916 (Old Style) is 30 December 1916 (New Style)",
            best_date="1916-12-30", best_date_text="30 December 1916",
        ),
        Event(
            id="e0003", type="abdication", subject="Nicholas II", object=None, place=None, claims=[c1.id],
            sources=[c.id], dates=[DateSupport("1917-03", [c.id], [c1.id])], verdict="single",
            explanation="one source", best_date="1917-03", best_date_text="March 1917",
        ),
        Event(
            id="e0004", type="departure", subject="Nicholas II", object=None, place=None, claims=[c2.id],
            sources=[c.id], dates=[DateSupport("1919", [c.id], [c2.id])], verdict="single",
            explanation="one source", best_date="1919", best_date_text="1919",
        ),
    ]
    with Store(path) as st, st.transaction():
        st.add_document(a, [a1, a2], entities=people)
        st.add_document(b, [b1, b2])
        st.add_document(c, [c1, c2])
        st.replace_events(events)
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["events"]]


# -- API ---------------------------------------------------------------------------------------

def test_events_all_in_date_order(client):
    data = client.get("/api/events").json()
    assert data["count"] == data["total"] == 4
    assert [e["id"] for e in data["events"]] == ["e0001", "e0002", "e0003", "e0004"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("verdict=contradiction", ["e0001"]),
        ("verdict=contradiction,calendar_style", ["e0001", "e0002"]),
        ("person=grigori_rasputin", ["e0001", "e0002"]),
        ("person=Nicholas II", ["e0003", "e0004"]),
        ("type=death", ["e0002"]),
        ("type=birth,abdication", ["e0001", "e0003"]),
        ("source=c_journal_fr", ["e0003", "e0004"]),
        ("source=b_biografia_es&type=birth", ["e0001"]),
        ("q=pokrovskoye", ["e0001"]),
        ("q=ASESINADO", ["e0002"]),  # words of a quote, any case
        ("q=nicholas abdication", ["e0003"]),  # every word must match
        ("q=nothing-like-this", []),
        ("min_sources=2", ["e0001", "e0002"]),
        ("person=grigori_rasputin&verdict=single", []),
    ],
)
def test_event_filters(client, query, expected):
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_placement_day_point_month_and_year_spans(client):
    by_id = {e["id"]: e for e in client.get("/api/events").json()["events"]}
    assert by_id["e0001"]["placement"] == {"kind": "point", "start": "1869-01-21", "end": None, "granularity": "day"}
    assert by_id["e0003"]["placement"] == {"kind": "range", "start": "1917-03-01", "end": "1917-04-01",
                                           "granularity": "month"}
    assert by_id["e0004"]["placement"] == {"kind": "range", "start": "1919-01-01", "end": "1920-01-01",
                                           "granularity": "year"}
    assert placement(None) is None
    assert placement("0044")["start"] == "0044-01-01"
    assert placement("-0043-03-15")["start"].startswith("-0000")


def test_event_detail_claims_side_by_side(client):
    d = client.get("/api/events/e0001").json()
    assert d["verdict"] == "contradiction"
    assert d["best_date_text"] == "21 January 1869 or 1871 (one source each)"
    claims = {c["source"]: c for c in d["claims_detail"]}
    assert set(claims) == {"a_chronicle_en", "b_biografia_es"}
    en, es = claims["a_chronicle_en"], claims["b_biografia_es"]
    assert en["quote_parts"]["date"] == "21 January 1869"
    assert en["quote_parts"]["before"] == "Rasputin was born on "
    assert "".join(en["quote_parts"].values()) == en["quote"]
    assert es["quote_parts"]["date"] == "1871" and es["lang"] == "es" and es["lang_name"] == "Spanish"
    assert {en["reading"], es["reading"]} == {"A", "B"}
    (comp,) = d["comparisons"]
    assert comp["verdict"] == "contradiction"
    assert [s["date_human"] for s in comp["sides"]] == ["21 January 1869", "1871"]
    assert [s["sources"] for s in comp["sides"]] == [["a_chronicle_en"], ["b_biografia_es"]]


def test_event_detail_old_style(client):
    d = client.get("/api/events/e0002").json()
    es = next(c for c in d["claims_detail"] if c["source"] == "b_biografia_es")
    assert es["calendar"] == "julian" and es["julian_human"] == "17 December 1916"
    assert es["quote_parts"]["date"] == "17 de diciembre de 1916"


def test_unknown_event_is_404(client):
    r = client.get("/api/events/e9999")
    assert r.status_code == 404 and r.json() == {"detail": "no event e9999"}
    assert client.get("/events/e9999").status_code == 404
    assert client.get("/persons/nobody").status_code == 404


def test_persons_and_sources(client):
    persons = {p["id"]: p for p in client.get("/api/persons").json()["persons"]}
    assert set(persons) == {"grigori_rasputin", "nicholas_ii"}
    assert persons["grigori_rasputin"]["n_events"] == 2
    assert persons["grigori_rasputin"]["n_contradictions"] == 1
    assert persons["grigori_rasputin"]["born"] == "21 January 1869"
    one = client.get("/api/persons/nicholas_ii").json()
    assert [e["id"] for e in one["events"]] == ["e0003", "e0004"]
    sources = {s["id"]: s for s in client.get("/api/sources").json()["sources"]}
    assert sources["b_biografia_es"]["n_claims"] == 2 and sources["b_biografia_es"]["lang"] == "es"
    assert sources["a_chronicle_en"]["n_contradictions"] == 1
    facets = client.get("/api/facets").json()
    assert [v["id"] for v in facets["verdicts"]][-1] == "contradiction"
    assert {t["id"] for t in facets["types"]} == {"birth", "death", "abdication", "departure"}


# -- pages ---------------------------------------------------------------------------------------

def test_pages_render(client):
    for url in ("/", "/persons", "/persons/grigori_rasputin", "/sources", "/events/e0002"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
    index = client.get("/").text
    assert "/static/vendor/vis_timeline/vis-timeline-graph2d.min.js" in index  # vendored, no CDN
    assert "https://" not in index and "http://" not in index.replace("http://www.w3.org/2000/svg", "")
    for label in ("Contradiction", "Calendar style", "Compatible", "Agree", "Single source"):
        assert label in index  # the legend


def test_event_page_side_by_side(client):
    html = client.get("/events/e0001").text
    assert html.count('class="claim ') == 2
    assert '<mark class="date-words">21 January 1869</mark>' in html
    assert '<mark class="date-words">1871</mark>' in html
    assert "21 January 1869 or 1871 (one source each)" in html
    assert "Contradiction" in html
    old_style = client.get("/events/e0002").text
    assert "Old Style" in old_style and "17 December 1916" in old_style


def test_source_text_is_escaped_in_html(client):
    for url in ("/events/e0001", "/sources", "/"):
        html = client.get(url).text
        assert "<script>window.__pwned" not in html, url
        assert '"onerror=' not in html, url
    event = client.get("/events/e0001").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in event
    assert "&#34;onerror=window.__pwned=1" in event
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get("/sources").text  # the title
    # the API hands the text over as is; the page's script writes it with textContent
    assert XSS in client.get("/api/events/e0001").json()["claims_detail"][0]["quote"]


def test_script_never_writes_html():
    js = (Path(__file__).resolve().parents[1] / "chronicon" / "web" / "static" / "app.js").read_text("utf-8")
    code = re.sub(r"/\*.*?\*/", "", js, flags=re.S)
    assert "innerHTML" not in code and "outerHTML" not in code and "insertAdjacentHTML" not in code
    assert "document.write" not in code


def test_vendored_timeline_with_licence(client):
    for name in ("vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css", "LICENSE.md", "LICENSE.MIT.txt",
                 "LICENSE.Apache-2.0.txt"):
        r = client.get(f"/static/vendor/vis_timeline/{name}")
        assert r.status_code == 200 and len(r.content) > 200, name


def test_quote_parts_fallbacks():
    src = _source("x", "On 3 May 1920 he left.", "en")
    c = _claim("x#c1", src, "departure", "X", "1920-05-03", "3 May 1920", "On 3 May 1920 he left.")
    assert quote_parts(c) == {"before": "On ", "date": "3 May 1920", "after": " he left."}
    c.date_span = (500, 510)  # out of the quote: found by its words
    assert quote_parts(c)["date"] == "3 May 1920"
    c.date_text, c.date_span = None, None
    assert quote_parts(c) == {"before": c.quote, "date": "", "after": ""}


def test_store_changes_are_picked_up(tmp_path, db):
    path = tmp_path / "copy.db"
    path.write_bytes(db.read_bytes())
    client = TestClient(create_app(path))
    assert client.get("/api/events").json()["total"] == 4
    with Store(path) as st, st.transaction():
        st.replace_events(
            [Event(id="e0100", type="birth", subject="Nicholas II", object=None, place=None, claims=[],
                   sources=[], dates=[], verdict="single", explanation="", best_date="1868-05-18")]
        )
    assert ids(client.get("/api/events")) == ["e0100"]


def test_missing_store_fails_at_once(tmp_path):
    with pytest.raises(ChroniconError):
        create_app(tmp_path / "nope.db")


def test_serve_command(tmp_path):
    from typer.testing import CliRunner

    from chronicon.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.output and "--host" in r.output
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "nope.db")])
    assert r.exit_code == 2
    assert "nope.db" in r.output and "Traceback" not in r.output
