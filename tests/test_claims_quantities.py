"""Quantity claims in six languages: value, unit, bound, subject, conversions checked."""

from __future__ import annotations

import pytest

import chronicon


def quantities(text: str, lang: str):
    return [c for c in chronicon.extract(text, lang=lang) if c.type == "quantity"]


def by_value(qs):
    return {c.quantity["value"]: c for c in qs}


@pytest.mark.parametrize(
    "lang, text, value, unit, bound, prop",
    [
        ("en", "The convoy covered at least 75,000 miles during the war.", 75000, "mile", "at least", "distance"),
        ("en", "The regiment lost some 300 horses in the retreat.", 300, None, "about", "horses"),
        ("es", "La columna recorrió al menos 12.500 kilómetros en dos años.", 12500, "kilometre", "at least", "distance"),
        ("es", "El convoy llevaba unos 200 vagones de carga.", 200, None, "about", "vagones"),
        ("fr", "Le convoi parcourut au moins 1 200 kilomètres vers l'est.", 1200, "kilometre", "at least", "distance"),
        ("fr", "La garnison comptait environ 400 soldats.", 400, None, "about", "soldats"),
        ("it", "La colonna percorse almeno 3.000 chilometri in un anno.", 3000, "kilometre", "at least", "distance"),
        ("it", "La guarnigione contava circa 250 soldati.", 250, None, "about", "soldati"),
        ("pt", "A coluna percorreu pelo menos 25.000 quilômetros pelo interior.", 25000, "kilometre", "at least", "distance"),
        ("pt", "A guarnição tinha cerca de 600 soldados.", 600, None, "about", "soldados"),
        ("de", "Der Zug legte mindestens 120.000 Kilometer zurück.", 120000, "kilometre", "at least", "distance"),
        ("de", "Die Festung hatte etwa 900 Verteidiger.", 900, None, "about", "verteidiger"),
    ],
)
def test_value_unit_bound_in_six_languages(lang, text, value, unit, bound, prop):
    qs = by_value(quantities(text, lang))
    assert value in qs, [c.quantity for c in qs.values()]
    q = qs[value].quantity
    assert (q["unit"], q["bound"], q["property"]) == (unit, bound, prop)


def test_a_stated_conversion_is_checked_both_ways():
    ok = quantities("El tren recorrió unos 3.500 kilómetros (2.175 millas) hacia el este.", "es")
    assert len(ok) == 1  # the converted number is not a second claim
    q = ok[0].quantity
    assert q["converted"] == {"value": 2175, "unit": "mile"} and q["consistent"] is True
    bad = quantities("El tren recorrió unos 3.500 kilómetros (3.175 millas) hacia el este.", "es")
    assert bad[0].quantity["consistent"] is False


def test_subject_is_the_thing_named_and_carries_to_the_next_number():
    qs = quantities(
        "In the civil war the train made 36 such visits to the fronts and travelled 75,000 miles. "
        "It had 12 wagons.",
        "en",
    )
    assert [(c.quantity["value"], c.subject) for c in qs] == [(36, "the train"), (75000, "the train"), (12, "the train")]


def test_named_subject_and_date_of_the_sentence():
    qs = quantities("By 21 January 1921, Trotsky's staff counted 407 people doing 80 different jobs.", "en")
    vals = by_value(qs)
    assert set(vals) == {407, 80}
    assert vals[407].date == "1921-01-21"
    assert vals[407].subject == "Leon Trotsky"
    assert vals[80].quantity["property"] == "jobs"


def test_years_dates_ordinals_and_currency():
    qs = quantities("In 1934 the court awarded the princess £25,000; the 15th congress met in 1927.", "en")
    assert [(c.quantity["value"], c.quantity["unit"]) for c in qs] == [(25000, "pound_sterling")]


def test_numbers_that_count_nothing_are_not_claims():
    assert quantities("He was 36 when the war ended, and the vote was 12 to 3.", "en") == []
