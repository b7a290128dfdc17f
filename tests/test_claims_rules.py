"""Claim rules that a careful reader gets right, on sentences written for the tests."""

from __future__ import annotations

import chronicon


def claims(text: str, lang: str):
    return [(c.type, c.subject, c.object, c.date) for c in chronicon.extract(text, lang=lang) if c.type != "quantity"]


def test_office_is_the_object_of_a_dismissal_and_goes_to_the_agent():
    got = claims(
        "Trotsky led the army. On 26 January 1925 he was replaced as People’s Commissar for Military "
        "and Naval Affairs by M. V. Frunze.",
        "en",
    )
    office = "People’s Commissar for Military and Naval Affairs"
    assert ("dismissal", "Leon Trotsky", office, "1925-01-26") in got
    assert ("appointment", "Mikhail Frunze", office, "1925-01-26") in got


def test_office_with_a_place_name_inside_it():
    assert claims("Rakovsky fue nombrado Comisario del Pueblo de Salud en 1934.", "es") == [
        ("appointment", "Christian Rakovsky", "Comisario del Pueblo de Salud", "1934")
    ]


def test_a_pronoun_does_not_mean_the_agent_of_its_own_verb():
    # with nobody else named, "he" stays unresolved: no claim rather than a wrong one
    assert claims("On 26 January 1925 he was replaced as chairman by M. V. Frunze.", "en") == [
        ("appointment", "Mikhail Frunze", None, "1925-01-26")
    ]


def test_the_person_after_a_noun_trigger_is_its_subject():
    got = claims("La ejecución de Rakovsky tuvo lugar en septiembre de 1941.", "es")
    assert ("execution", "Christian Rakovsky", None, "1941-09") in got


def test_coordinated_verbs_share_the_date_but_a_title_word_is_no_second_verb():
    got = claims("Rakovsky fue arrestado y encarcelado a finales de 1937.", "es")
    assert {t for t, *_ in got} == {"arrest", "imprisonment"}
    assert {t for t, *_ in claims("Rakovsky fue nombrado Comisario del Pueblo de Salud en 1934.", "es")} == {"appointment"}


def test_negated_event_gives_no_claim_in_three_languages():
    assert claims("Trotsky was never arrested in 1930.", "en") == []
    assert claims("Trotsky no fue arrestado en 1930.", "es") == []
    assert claims("Trotsky ne fut pas arrêté en 1930.", "fr") == []


def test_topic_marker_makes_the_pronoun_mean_that_person():
    text = (
        "Raspoutine est né en 1869. Il gagne la confiance du tsar. "
        "Quant à Youssoupov, il quitte la Russie en 1919."
    )
    got = claims(text, "fr")
    assert ("departure", "Felix Yusupov", None, "1919") in [(t, s, None, d) for t, s, o, d in got]


def test_pronoun_means_the_subject_of_the_sentence_not_its_object():
    text = (
        "The advances of General Denikin and General Yudenich threatened the capital, when Trotsky persuaded "
        "Lenin to defend the city (for which he won the Order of the Red Banner on 31 December 1919)."
    )
    got = claims(text, "en")
    assert [s for t, s, o, d in got if t == "award"] == ["Leon Trotsky"]
