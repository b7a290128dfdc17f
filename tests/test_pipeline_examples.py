"""The bundled example corpus (examples/rasputin), end to end, against its gold.

Seven sources in English, Spanish and French that disagree the way real ones
do: Old Style dates marked, declared once for a whole page, or silent; a year
that differs; a day off; an attack that did not kill; newspaper reports of the
death dated when they were printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import chronicon
from chronicon._evaluate import evaluate, load_gold
from chronicon.cli._run import reconcile_json

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "rasputin"


@pytest.fixture(scope="module")
def result():
    return chronicon.Pipeline().run([CORPUS])


@pytest.fixture(scope="module")
def report(result):
    return evaluate(load_gold(CORPUS / "gold.yaml"), reconcile_json(result.events, result.claims))


def _event_with(result, typ, source, date, subject="Grigori Rasputin"):
    for e in result.events:
        if e.type == typ and e.subject == subject and any(source in d.sources and d.date == date for d in e.dates):
            return e
    raise AssertionError(f"no {typ} event of {subject} with {source} giving {date}")


def _pair(e, a, b):
    for comp in e.comparisons:
        if set(comp["dates"]) == {a, b}:
            return comp
    raise AssertionError(f"no comparison of {a} and {b} in {e.id}: {e.comparisons}")


def test_every_gold_verdict_is_right(report):
    """Issue 6: every cross-source verdict of the example corpus's gold."""
    wrong = [r for r in report.verdict_rows if not r["ok"]]
    assert report.verdicts_right == report.verdicts_total == 35, wrong


def test_unmarked_old_style_equal_to_a_marked_one_agrees(result, report):
    """The biography's unmarked 17 December is the museum's 17 December Old Style:
    the two agree, and both stand 13 days from the encyclopedia's 30 December."""
    e = _event_with(result, "death", "04_museo_es", "1916-12-30")
    row = next(d for d in e.dates if d.date == "1916-12-30")
    assert {"04_museo_es", "05_biografia_es", "01_encyclopedia_en"} <= set(row.sources)
    bio = next(c for c in result.claims if c.id in e.claims and c.source == "05_biografia_es")
    assert bio.date == "1916-12-17" and bio.calendar == "unstated"  # the claim itself is as written
    assert bio.id in row.old_style and not any(c.startswith("01_encyclopedia_en") for c in row.old_style)
    assert "05_biografia_es names no calendar for 17 December 1916" in e.explanation


def test_departure_and_arrival_are_one_journey(result):
    """Nicholas II leaves Mogilev on 31 December and reaches Tsarskoye Selo on 1 January."""
    e = _event_with(result, "arrival", "06_magazine_fr", "1917-01-01", subject="Nicholas II")
    assert {"02_newspaper_en", "04_museo_es", "06_magazine_fr"} <= set(e.sources)
    assert e.place == "Tsarskoye Selo"
    comp = _pair(e, "1916-12-31", "1917-01-01")
    assert comp["verdict"] == "compatible" and "departure" in comp["explanation"]


def test_evaluation_figures(report):
    assert report.date_recall >= 0.80, report
    # guards against regressions of what is reached today (see the closing note)
    assert report.precision >= 0.75, report
    assert report.bcubed_f1 >= 0.80, report


def test_declared_old_style_is_converted_and_called_calendar_style(result):
    """The museum page says once that its dates are Old Style: 17 December -> 30 December."""
    e = _event_with(result, "death", "04_museo_es", "1916-12-30")
    museum = [c for c in result.claims if c.id in e.claims and c.source == "04_museo_es"][0]
    assert (museum.calendar, museum.julian_date, museum.date_text) == ("julian", "1916-12-17", "17 de diciembre de 1916")
    assert "01_encyclopedia_en" in e.sources


def test_unmarked_old_style_gap_is_calendar_style(result):
    """A Spanish textbook gives Guseva's attack in Old Style without saying so (29 June = 12 July)."""
    e = _event_with(result, "attack", "03_libro_texto_es", "1914-06-29")
    comp = _pair(e, "1914-06-29", "1914-07-12")
    assert comp["verdict"] == "calendar_style"
    assert "13-day" in comp["explanation"]


def test_birth_year_disagreement_and_granularity(result):
    e = _event_with(result, "birth", "07_blog_en", "1871")
    assert _pair(e, "1869", "1871")["verdict"] == "contradiction"
    assert _pair(e, "1869", "1869-01-21")["verdict"] == "compatible"
    assert e.best_date == "1869-01-21"


def test_one_day_and_fourteen_day_gaps_are_contradictions(result):
    e = _event_with(result, "death", "02_newspaper_en", "1916-12-29")
    assert _pair(e, "1916-12-29", "1916-12-30")["verdict"] == "contradiction"
    fourteen = _pair(e, "1916-12-16", "1916-12-30")
    assert fourteen["verdict"] == "contradiction"
    # 14 days in 1916 Russia: near the 13-day Julian offset but not it, and it says so
    assert "13-day" in fourteen["explanation"] and "not equal" in fourteen["explanation"]


def test_attack_that_did_not_kill_is_not_the_death(result):
    attack = _event_with(result, "attack", "01_encyclopedia_en", "1914-07-12")
    death = _event_with(result, "death", "01_encyclopedia_en", "1916-12-30")
    assert attack.id != death.id
    assert not set(attack.claims) & set(death.claims)


def test_newspaper_reports_are_not_the_death(result):
    reports = [c for c in result.claims if c.source == "02_newspaper_en" and c.reported]
    assert {c.date for c in reports} >= {"1917-01-03"}
    death = _event_with(result, "death", "01_encyclopedia_en", "1916-12-30")
    assert not {c.id for c in reports} & set(death.claims)


def test_abdication_old_style_against_new_style(result):
    e = _event_with(result, "abdication", "06_magazine_fr", "1917-03-15", subject="Nicholas II")
    museum = [c for c in result.claims if c.id in e.claims and c.source == "04_museo_es"]
    assert museum and museum[0].julian_date == "1917-03-02"
    assert e.verdict in ("calendar_style", "compatible")


def test_relative_date_in_french(result):
    """'Le même jour' takes the date of the sentence before it."""
    c = next(c for c in result.claims if c.source == "06_magazine_fr" and c.date_text == "Le même jour")
    assert (c.type, c.date, c.subject) == ("arrival", "1917-01-01", "Nicholas II")
