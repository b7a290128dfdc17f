"""Reconcile against the synthetic generator's known truth (issue 6).

Small and seeded, so it is quick and always the same; speed lives in
``chronicon bench reconcile``, never in a test."""

from __future__ import annotations

import pytest

from chronicon.reconcile import reconcile
from chronicon.reconcile.synthetic import generate, score


@pytest.fixture(scope="module")
def figures():
    claims, truth = generate(claims=2000, seed=7)
    return score(reconcile(claims, country_of=truth.country_of), truth)


def test_clustering_bcubed_f1(figures):
    assert figures["bcubed"]["f1"] >= 0.95, figures["bcubed"]


@pytest.mark.parametrize("kind", ["single", "agree", "compatible", "calendar_style", "contradiction"])
def test_verdict_accuracy_per_kind(figures, kind):
    assert figures["verdict_accuracy"][kind] >= 0.90, figures["verdict_accuracy_by_scenario"]


def test_contradictions_found_and_explained(figures):
    c = figures["contradiction"]
    assert c["precision"] >= 0.90 and c["recall"] >= 0.90, c
    assert c["reason_accuracy"] >= 0.90, c
    assert figures["best_date_accuracy"] >= 0.90
    assert figures["reports_linked"] >= 0.90


def test_every_scenario_is_generated(figures):
    assert set(figures["verdict_accuracy_by_scenario"]) >= {
        "single", "agree", "granularity", "facets", "unmarked", "marked", "transposed digits",
        "year off by one", "day outside the month", "gap", "decision vs execution", "attack vs death",
        "copies outvoted", "report", "namesakes", "shared surname", "repeated", "expulsions",
        "interval agree", "interval nested", "interval contradiction", "journey", "old style read",
    }


@pytest.mark.parametrize("scenario", ["journey", "old style read"])
def test_journeys_and_old_style_readings_are_judged_right(figures, scenario):
    assert figures["verdict_accuracy_by_scenario"][scenario] >= 0.95, figures["verdict_accuracy_by_scenario"]


def test_generator_is_deterministic():
    a, ta = generate(claims=300, seed=3)
    b, tb = generate(claims=300, seed=3)
    assert [c.to_dict() for c in a] == [c.to_dict() for c in b]
    assert ta.event_of == tb.event_of
    c, _ = generate(claims=300, seed=4)
    assert [x.to_dict() for x in a] != [x.to_dict() for x in c]


def test_generator_renders_unresolved_spellings_and_copies():
    claims, truth = generate(claims=3000, seed=1)
    gold_subject = {i: e.subject for i, e in enumerate(truth.events)}
    unresolved = [c for c in claims if c.subject != gold_subject[truth.event_of[c.id]]]
    assert len(unresolved) > 100
    assert any(not c.subject.isascii() for c in unresolved)  # accents (Zinóviev)
    mirrors = [c for c in claims if "m" in c.source[1:]]
    assert mirrors
    # exact copies share sentences; near-copies and translations share facts, not sentences
    same_quote = [m for m in mirrors if any(o.quote == m.quote and o.source != m.source for o in claims)]
    assert 0 < len(same_quote) < len(mirrors)
    assert any(m.lang != next(o.lang for o in claims if o.source == m.source.split("m")[0]) for m in mirrors)
    from chronicon.reconcile import witness_groups

    witness = witness_groups(claims)
    grouped = {m.source for m in mirrors if witness(m.source) == witness(m.source.split("m")[0])}
    assert len(grouped) >= 0.9 * len({m.source for m in mirrors})
    assert any(c.reported for c in claims)
    assert any(c.calendar == "julian" and c.julian_date for c in claims)
