"""Reconcile: synthetic claims -> events, verdicts, explanations, best dates."""

from __future__ import annotations

import itertools

import pytest
from edtf import parse_edtf

from chronicon._edtf import parse_range
from chronicon.model import Claim, Event
from chronicon.reconcile import reconcile, witness_groups

COUNTRY = {"Alma-Ata": "KZ", "Moscow": "RU", "Petrograd": "RU", "Paris": "FR", "London": "GB"}
_counter = itertools.count(1)


def claim(
    source: str,
    date,
    *,
    type: str = "internal_exile",
    subject: str = "Leon Trotsky",
    object=None,
    place=None,
    facet=None,
    quote=None,
    calendar: str = "unstated",
    julian_date=None,
    reported: bool = False,
) -> Claim:
    n = next(_counter)
    return Claim(
        id=f"{source}#c{n:03d}",
        source=source,
        lang="en",
        type=type,
        subject=subject,
        subject_text=subject,
        object=object,
        place=place,
        date=date,
        date_text=date,
        qualifier=None,
        calendar=calendar,
        span=(0, 40),
        # every default quote is distinct, so sources are independent unless a test says otherwise
        quote=quote or f"Test sentence number {n} says something about {subject} here.",
        confidence=0.8,
        facet=facet,
        reported=reported,
        julian_date=julian_date,
    )


def run(*claims: Claim) -> list[Event]:
    return reconcile(list(claims), country_of=lambda label, eid: COUNTRY.get(label))


def one(*claims: Claim) -> Event:
    events = run(*claims)
    assert len(events) == 1, [(e.type, e.claims) for e in events]
    return events[0]


# ------------------------------------------------------------------ agree / single

def test_agree():
    e = one(claim("a", "1928-01-17", place="Alma-Ata"), claim("b", "1928-01-17", place="Alma-Ata"))
    assert e.verdict == "agree"
    assert e.best_date == "1928-01-17"
    assert e.sources == ["a", "b"]
    assert [d.date for d in e.dates] == ["1928-01-17"]
    assert e.dates[0].sources == ["a", "b"]


def test_single_source():
    e = one(claim("a", "1928-01-17", place="Alma-Ata"))
    assert e.verdict == "single"
    assert e.best_date == "1928-01-17"


# ------------------------------------------------------------------ compatible

@pytest.mark.parametrize(
    "coarse,fine,type,best",
    [
        ("1927-10", "1927-10-23", "expulsion_from_organization", "1927-10-23"),
        ("1929", "1929-02-12", "deportation", "1929-02-12"),
        # a residence is a period: a day within it attests it, the period stays its date
        ("1928-01/1929-02", "1928-06-01", "residence", "1928-01/1929-02"),
    ],
)
def test_compatible_by_granularity_best_date(coarse, fine, type, best):
    e = one(claim("a", coarse, type=type, place="Alma-Ata"), claim("b", fine, type=type, place="Alma-Ata"))
    assert e.verdict == "compatible"
    assert e.best_date == best
    assert "precision" in e.explanation


@pytest.mark.parametrize(
    "a,b,verdict,reason",
    [
        ("1905/1910", "1907", "compatible", None),  # a year within the period
        ("1905/1910", "../1910", "compatible", None),  # an open start
        ("1905/1910", "1905-03/1910-11", "compatible", None),  # the same ends, finer
        ("1905/1910", "1906/1910", "contradiction", "year off by one"),  # two starts
        ("1905/1910", "1908/1910", "contradiction", None),
        ("1905/1910", "1905/1914", "contradiction", None),  # two ends
    ],
)
def test_periods(a, b, verdict, reason):
    evs = reconcile([claim("a", a, type="residence", place="Paris"), claim("b", b, type="residence", place="Paris"),
                     claim("c", a, type="residence", place="Paris")])
    assert len(evs) == 1
    e = evs[0]
    assert e.verdict == verdict, e.explanation
    assert e.likely_reason == reason
    if verdict == "contradiction":
        assert e.best_date == a  # two sources against one
        assert "start" in e.explanation or "end" in e.explanation


def test_compatible_by_facets_in_order():
    e = one(claim("a", "1928-01-10", facet="decision"), claim("b", "1928-01-17", facet="departure"))
    assert e.verdict == "compatible"
    assert e.best_date == "1928-01-10"  # the first stage
    assert "decision" in e.explanation and "departure" in e.explanation


def test_facets_against_the_dates_are_a_contradiction():
    # the decision dated after the departure: stages cannot explain that
    e = one(claim("a", "1928-01-17", facet="decision"), claim("b", "1928-01-10", facet="departure"))
    assert e.verdict == "contradiction"
    assert e.gap_days == 7


# ------------------------------------------------------------------ calendar style

@pytest.mark.parametrize(
    "old,new,place,type,offset",
    [
        ("1916-12-17", "1916-12-30", "Petrograd", "death", 13),
        ("1869-01-09", "1869-01-21", "Moscow", "birth", 12),
        ("1740-05-01", "1740-05-12", "London", "birth", 11),
    ],
)
def test_calendar_style_when_the_gap_is_the_julian_offset(old, new, place, type, offset):
    e = one(
        claim("a", old, type=type, subject="Grigori Rasputin", place=place),
        claim("b", new, type=type, subject="Grigori Rasputin", place=place),
    )
    assert e.verdict == "calendar_style"
    assert e.best_date == new  # the Gregorian reading
    assert f"{offset}-day" in e.explanation


def test_thirteen_days_in_1928_russia_is_not_calendar_style():
    e = one(claim("a", "1928-01-04", place="Moscow"), claim("b", "1928-01-17", place="Moscow"))
    assert e.verdict == "contradiction"
    assert e.gap_days == 13
    assert "13 days" in e.explanation


def test_thirteen_days_in_1916_france_is_not_calendar_style():
    e = one(
        claim("a", "1916-12-17", type="death", subject="Someone", place="Paris"),
        claim("b", "1916-12-30", type="death", subject="Someone", place="Paris"),
    )
    assert e.verdict == "contradiction"
    assert "13 days" in e.explanation


def test_source_marked_old_style_agreeing_after_conversion():
    e = one(
        claim("a", "1916-12-30", type="death", subject="Grigori Rasputin"),
        claim("b", "1916-12-30", type="death", subject="Grigori Rasputin", calendar="julian",
              julian_date="1916-12-17"),
    )
    assert e.verdict == "calendar_style"
    assert e.best_date == "1916-12-30"
    assert "Old Style" in e.explanation and "17 December 1916" in e.explanation


# ------------------------------------------------------------------ contradictions explained

def test_transposed_digits():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("b", "1927-11-21", type="expulsion_from_organization", object="Communist Party"),
    )
    assert e.verdict == "contradiction"
    assert e.gap_days == 9
    assert "9 days" in e.explanation
    assert e.likely_reason == "transposed digits"
    assert "transposed" in e.explanation


def test_year_off_by_one():
    e = one(claim("a", "1869-01-21", type="birth", subject="R"), claim("b", "1870-01-21", type="birth", subject="R"))
    assert e.verdict == "contradiction"
    assert e.likely_reason == "year off by one"
    assert "365 days" in e.explanation and "year off by one" in e.explanation


def test_day_outside_a_month():
    e = one(claim("a", "1916-11-30", type="death", subject="R"), claim("b", "1916-12", type="death", subject="R"))
    assert e.verdict == "contradiction"
    assert "falls outside" in e.explanation
    assert "30 November 1916" in e.explanation and "December 1916" in e.explanation


def test_internal_exile_fourteen_days_is_not_the_offset():
    e = one(claim("a", "1928-01-03", place="Alma-Ata"), claim("b", "1928-01-17", place="Alma-Ata"))
    assert e.verdict == "contradiction"
    assert e.gap_days == 14
    assert "14 days" in e.explanation
    assert "not the 13-day" in e.explanation


# ------------------------------------------------------------------ best date, witnesses

def test_tie_is_an_edtf_set_naming_both():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("b", "1927-11-14", type="expulsion_from_organization", object="Communist Party"),
    )
    assert e.verdict == "contradiction"
    assert e.best_date == "[1927-11-12,1927-11-14]"
    parse_edtf(e.best_date)  # raises if not EDTF
    assert e.best_date_text.startswith("12 or 14 November 1927 (one source each; November 1927 agreed)")


def test_majority_of_independent_sources_wins():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("c", "1927-11-14", type="expulsion_from_organization", object="Communist Party"),
    )
    assert e.verdict == "contradiction"
    assert e.best_date == "1927-11-12"
    assert "copies" not in e.explanation


def test_copies_count_as_one_witness():
    q1 = "Trotsky left Moscow for the east with his wife and elder son."
    q2 = "The journey to the Kazakh capital took many long days by train."
    claims = [
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party", quote=q1),
        claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party", quote=q1),
        claim("a", "1930", type="speech", quote=q2),
        claim("b", "1930", type="speech", quote=q2),
        claim("c", "1927-11-14", type="expulsion_from_organization", object="Communist Party"),
    ]
    w = witness_groups(claims)
    assert w("a") == w("b") != w("c")
    events = run(*claims)
    e = next(e for e in events if e.type == "expulsion_from_organization")
    assert e.verdict == "contradiction"
    assert e.best_date == "[1927-11-12,1927-11-14]"  # 1 witness vs 1 witness
    assert "copies" in e.explanation


def test_one_shared_long_sentence_is_not_a_copy():
    q1 = "Trotsky left Moscow for the east with his wife and elder son."
    claims = [
        claim("a", "1927-11-12", type="expulsion_from_organization", quote=q1),
        claim("b", "1927-11-12", type="expulsion_from_organization", quote=q1),
        claim("a", "1930", type="speech"),
        claim("b", "1930", type="speech"),
    ]
    w = witness_groups(claims)
    assert w("a") != w("b")


# ------------------------------------------------------------------ what never merges

def test_attack_and_death_are_two_events():
    events = run(
        claim("a", "1916-12-30", type="attack", subject="Grigori Rasputin"),
        claim("b", "1916-12-30", type="death", subject="Grigori Rasputin"),
    )
    assert sorted(e.type for e in events) == ["attack", "death"]
    assert all(len(e.claims) == 1 for e in events)


def test_a_report_is_related_not_merged():
    fact = claim("a", "1916-12-30", type="death", subject="Grigori Rasputin")
    report = claim("b", "1917-01-03", type="death", subject="Grigori Rasputin", reported=True)
    events = run(fact, report)
    assert len(events) == 2
    ev_fact = next(e for e in events if fact.id in e.claims)
    ev_report = next(e for e in events if report.id in e.claims)
    assert ev_fact is not ev_report
    assert ev_fact.related == [ev_report.id]
    assert ev_report.related == [ev_fact.id]
    assert "report" in ev_report.explanation


def test_a_report_on_the_same_day_is_still_not_merged():
    fact = claim("a", "1916-12-30", type="death", subject="Grigori Rasputin")
    report = claim("b", "1916-12-30", type="death", subject="Grigori Rasputin", reported=True)
    events = run(fact, report)
    assert len(events) == 2
    assert all(e.verdict == "single" for e in events)


def test_different_subjects_never_merge():
    events = run(
        claim("a", "1928-01-17", subject="Leon Trotsky", place="Alma-Ata"),
        claim("b", "1928-01-17", subject="Christian Rakovsky", place="Alma-Ata"),
    )
    assert len(events) == 2
    assert sorted(e.subject for e in events) == ["Christian Rakovsky", "Leon Trotsky"]


def test_different_objects_never_merge():
    events = run(
        claim("a", "1927-10-23", type="expulsion_from_organization", object="Central Committee"),
        claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
    )
    assert len(events) == 2
    assert sorted(e.object for e in events) == ["Central Committee", "Communist Party"]
    assert all(e.verdict == "single" for e in events)


def test_undated_objectless_claim_is_not_merged_when_ambiguous():
    cc = claim("a", "1927-10-23", type="expulsion_from_organization", object="Central Committee")
    party = claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party")
    vague = claim("c", None, type="expulsion_from_organization")
    events = run(cc, party, vague)
    assert len(events) == 3
    assert [e.claims for e in events if vague.id in e.claims] == [[vague.id]]


def test_undated_claim_joins_the_only_event():
    party = claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party")
    vague = claim("c", None, type="expulsion_from_organization")
    e = one(party, vague)
    assert sorted(e.claims) == sorted([party.id, vague.id])


def test_dated_objectless_claim_is_not_merged_with_the_wrong_object():
    cc = claim("a", "1927-10-23", type="expulsion_from_organization", object="Central Committee")
    party = claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party")
    vague = claim("c", "1927-11", type="expulsion_from_organization")
    events = run(cc, party, vague)
    ev_cc = next(e for e in events if cc.id in e.claims)
    assert vague.id not in ev_cc.claims
    assert ev_cc.verdict == "single"


def test_dates_far_apart_are_two_events():
    events = run(
        claim("a", "1918-08-30", type="attack", subject="Vladimir Lenin"),
        claim("b", "1919-06-01", type="attack", subject="Vladimir Lenin"),
    )
    assert len(events) == 2


# ------------------------------------------------------------------ ids and order

def test_event_ids_unique_and_in_date_order():
    events = run(
        claim("a", "1930-05-01", type="speech"),
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("b", "1927-11-21", type="expulsion_from_organization", object="Communist Party"),
        claim("c", "1928-01-17", place="Alma-Ata"),
        claim("d", None, type="arrest"),
        claim("a", "1925", type="resignation"),
    )
    ids = [e.id for e in events]
    assert len(set(ids)) == len(ids) == 5
    assert ids == sorted(ids)
    starts = [parse_range(e.best_date).lo for e in events if e.best_date]
    assert starts == sorted(starts)
    assert [e.type for e in events] == [
        "resignation", "expulsion_from_organization", "internal_exile", "speech", "arrest",
    ]
    assert events[-1].best_date is None  # undated last


def test_quantities_are_not_events():
    q = claim("a", "1930", type="quantity")
    q.quantity = {"property": "trips", "value": 36, "unit": None, "bound": None}
    events = run(q, claim("a", "1928-01-17", place="Alma-Ata"))
    assert [e.type for e in events] == ["internal_exile"]


def test_explanation_grammar_for_several_sources():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("b", "1927-11-12", type="expulsion_from_organization", object="Communist Party"),
        claim("c", "1927-11-14", type="expulsion_from_organization", object="Communist Party"),
    )
    assert "a and b give 12 November 1927" in e.explanation


# ------------------------------------------------------------------ rules the synthetic bench showed (issue 6)

def test_unresolved_spellings_of_one_person_meet():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", subject="Grigory Zinoviev", object="Communist Party"),
        claim("b", "1927-11-12", type="expulsion_from_organization", subject="Grigori Sinowjew", object="Communist Party"),
        claim("c", "1927-11-12", type="expulsion_from_organization", subject="Grigorij Zinóviev", object="Communist Party"),
    )
    assert e.verdict == "agree"
    assert e.subject == "Grigory Zinoviev" or len(e.sources) == 3


@pytest.mark.parametrize("a,b", [("Lev Kamenev", "Olga Kameneva"), ("Olga Kamenev", "Olga Kameneva"),
                                 ("Nicholas I", "Nicholas II"), ("Alexander II", "Alexander III")])
def test_different_people_with_close_names_stay_apart(a, b):
    events = run(
        claim("a", "1881-03-13", type="death", subject=a, place="Petrograd"),
        claim("b", "1855-03-02", type="death", subject=b, place="Petrograd"),
    )
    assert len(events) == 2


def test_dated_decision_then_the_event_itself_is_compatible():
    e = one(
        claim("a", "1928-01-03", type="deportation", facet="decision"),
        claim("b", "1928-01-17", type="deportation"),
        claim("c", "1928-01-17", type="deportation"),
    )
    assert e.verdict == "compatible"
    assert e.best_date == "1928-01-03"
    assert "decision" in e.explanation and "event itself" in e.explanation


def test_decision_date_given_for_the_execution_is_a_contradiction():
    e = one(
        claim("a", "1928-01-03", type="deportation", facet="decision"),
        claim("b", "1928-01-03", type="deportation"),  # dates the deportation itself on the decision's day
        claim("c", "1928-01-17", type="deportation"),
        claim("d", "1928-01-17", type="deportation"),
    )
    assert e.verdict == "contradiction"
    assert e.likely_reason == "decision vs execution"


def test_marked_old_style_with_a_coarser_date_is_calendar_style():
    e = one(
        claim("a", "1916-12-30", type="death", subject="Grigori Rasputin", calendar="julian", julian_date="1916-12-17"),
        claim("b", "1916-12-30", type="death", subject="Grigori Rasputin"),
        claim("c", "1916-12", type="death", subject="Grigori Rasputin"),
    )
    assert e.verdict == "calendar_style"
    assert e.best_date == "1916-12-30"
    assert "Old Style" in e.explanation and "17 December 1916" in e.explanation


def test_attack_dated_instead_of_the_death():
    events = run(
        claim("a", "1918-08-30", type="attack", subject="Moisei Uritsky"),
        claim("b", "1918-08-30", type="attack", subject="Moisei Uritsky"),
        claim("c", "1918-08-30", type="death", subject="Moisei Uritsky"),
        claim("d", "1918-09-25", type="death", subject="Moisei Uritsky"),
        claim("e", "1918-09-25", type="death", subject="Moisei Uritsky"),
    )
    death = next(e for e in events if e.type == "death")
    attack = next(e for e in events if e.type == "attack")
    assert death.verdict == "contradiction"
    assert death.best_date == "1918-09-25"
    assert death.likely_reason == "attack vs death"
    assert "attack" in death.explanation and attack.id in death.related


def test_day_outside_the_month_has_a_reason():
    e = one(claim("a", "1929-01-16", type="deportation"), claim("b", "1929-02", type="deportation"))
    assert e.verdict == "contradiction"
    assert e.likely_reason == "day outside the month"


def test_calendar_pairs_do_not_give_the_contradiction_its_reason():
    # 17 and 30 December 1916 in Petrograd are Old/New Style; 29 December contradicts both
    e = one(
        claim("a", "1916-12-17", type="death", subject="R", place="Petrograd"),
        claim("b", "1916-12-30", type="death", subject="R", place="Petrograd"),
        claim("c", "1916-12-29", type="death", subject="R", place="Petrograd"),
    )
    assert e.verdict == "contradiction"
    assert e.likely_reason != "calendar style"


def test_two_sources_agreeing_read_both():
    e = one(claim("a", "1928-01-17", place="Alma-Ata"), claim("b", "1928-01-17", place="Alma-Ata"))
    assert e.explanation == "a and b both give 17 January 1928."


def test_a_surname_alone_joins_the_one_full_name_that_ends_with_it():
    e = one(
        claim("a", "1927-11-12", type="expulsion_from_organization", subject="Grigory Zinoviev", object="Communist Party"),
        claim("b", "1927-11-12", type="expulsion_from_organization", subject="Sinowjew", object="Communist Party"),
    )
    assert e.subject in ("Grigory Zinoviev", "Sinowjew") and len(e.sources) == 2


def test_a_surname_shared_by_two_full_names_stays_apart():
    events = run(
        claim("a", "1938-02-16", type="death", subject="Lev Sedov"),
        claim("b", "1937-10-29", type="death", subject="Sergei Sedov"),
        claim("c", "1938-02-16", type="death", subject="Sedov"),
    )
    assert len(events) == 3


def test_a_report_naming_no_object_is_related_to_the_only_event():
    fact = claim("a", "1927-11-12", type="expulsion_from_organization", object="Communist Party")
    report = claim("b", "1927-11-20", type="expulsion_from_organization", reported=True)
    events = run(fact, report)
    ev_fact = next(e for e in events if fact.id in e.claims)
    ev_report = next(e for e in events if report.id in e.claims)
    assert ev_report.related == [ev_fact.id]


# ------------------------------------------------------------------ names, places, organisations (issue 6)

from chronicon.reconcile._cluster import label_key, person_keys  # noqa: E402


def _person(labels):
    full = person_keys(labels)
    return {x: full.get(label_key(x), label_key(x)) for x in labels}


def test_one_person_however_written():
    names = ["Lev Trotsky", "L. D. Trotsky", "L. Trotsky", "Trotsky", "Trotzki", "Lev Davidovich Trotsky",
             "Lew Trotzki", "Trockij"]
    assert len(set(_person(names).values())) == 1


@pytest.mark.parametrize("names", [
    ["Nikolai Bukharin", "Nikolai Bucharin", "Nikolai Bujarin", "Nikolai Boukharine", "Nikolaj Bucharin"],
    ["Grigory Zinoviev", "Grigori Sinowjew", "Grigorij Zinov'ev", "Grigori Zinóviev", "Zinovieff"],
    ["Georgy Zhukov", "Georgi Joukov", "Georgi Schukow", "Georgij Žukov"],
])
def test_spellings_of_the_languages_meet(names):
    assert len(set(_person(names).values())) == 1, _person(names)


def test_people_kept_apart():
    keys = _person(["Lev Sedov", "Sergei Sedov", "Sedov", "S. Sedov", "Lev Kamenev", "Olga Kameneva",
                    "Alexander Romanov II", "Alexander Romanov III"])
    assert keys["Lev Sedov"] != keys["Sergei Sedov"]
    assert keys["Sedov"] not in (keys["Lev Sedov"], keys["Sergei Sedov"])  # two fit: no guess
    assert keys["S. Sedov"] == keys["Sergei Sedov"]  # the initial decides
    assert keys["Lev Kamenev"] != keys["Olga Kameneva"]
    assert keys["Alexander Romanov II"] != keys["Alexander Romanov III"]


def test_surname_alone_spellings_meet_without_a_full_name():
    keys = _person(["Sinowjew", "Zinoviev", "Zinóviev"])
    assert len(set(keys.values())) == 1


def test_two_arrests_a_year_apart_are_two_events_and_a_year_joins_its_own():
    evs = run(claim("a", "1905-03-10", type="arrest"), claim("b", "1905-03-10", type="arrest"),
              claim("c", "1906-01-20", type="arrest"), claim("d", "1906-01", type="arrest"),
              claim("e", "1906", type="arrest"))
    assert len(evs) == 2
    by_date = {e.best_date: e for e in evs}
    assert by_date["1905-03-10"].verdict == "agree"
    late = by_date["1906-01-20"]
    assert late.verdict == "compatible" and len(late.claims) == 3


def test_places_named_in_other_languages_meet():
    e = one(claim("a", "1929-02-12", type="arrival", place="Constantinople"),
            claim("b", "1929-02-12", type="arrival", place="Konstantinopel"),
            claim("c", "1929-02-12", type="arrival", place="Istanbul"))
    assert e.verdict == "agree"
    evs = run(claim("a", "1929/1933", type="residence", place="Paris"),
              claim("b", "1929/1933", type="residence", place="London"))
    assert len(evs) == 2


def test_organisations_named_in_other_languages_meet_and_two_bodies_stay_apart():
    evs = run(claim("a", "1927-10-23", type="expulsion_from_organization", object="Central Committee"),
              claim("b", "1927-10-23", type="expulsion_from_organization", object="Zentralkomitee"),
              claim("c", "1927-11-14", type="expulsion_from_organization", object="Communist Party"),
              claim("d", "1927-11-14", type="expulsion_from_organization", object="Parti communiste"))
    assert sorted(len(e.claims) for e in evs) == [2, 2]
    assert all(e.verdict == "agree" for e in evs)


def test_undated_claim_joins_the_event_of_its_place():
    evs = run(claim("a", "1905-03-10", type="arrest", place="Moscow"),
              claim("b", "1906-11-20", type="arrest", place="Paris"),
              claim("c", None, type="arrest", place="Paris"))
    paris = next(e for e in evs if e.best_date == "1906-11-20")
    assert len(paris.claims) == 2 and len(evs) == 2


def test_translation_shares_facts_not_sentences_and_counts_once():
    facts = [("birth", "1879-11-07"), ("arrest", "1898-01-28"), ("deportation", "1929-02-12"), ("death", "1940-08-21")]
    a = [claim("orig", d, type=t) for t, d in facts]
    b = [claim("transl", d, type=t, subject="Leon Trotzki") for t, d in facts]
    c = [claim("other", "1940-08-21", type="death")]
    w = witness_groups(a + b + c)
    assert w("orig") == w("transl") != w("other")


def test_a_decision_date_is_no_witness_for_the_execution():
    e = one(claim("a", "1928-01-10", type="deportation", facet="decision"),
            claim("b", "1928-01-10", type="deportation"),
            claim("c", "1928-01-17", type="deportation"),
            claim("d", "1928-01-17", type="deportation"))
    assert e.verdict == "contradiction" and e.best_date == "1928-01-17"


def test_given_names_in_their_language_forms():
    keys = _person(["Lev Trotsky", "Léon Trotsky", "Leo Trotzki", "León Trotski",
                    "Nikolai Bukharin", "Nicolas Boukharine", "Nicolás Bujarin", "Nikolaus Bucharin",
                    "Pyotr Petrov", "Pierre Petrov", "Ivan Petrov"])
    assert len({keys[n] for n in ("Lev Trotsky", "Léon Trotsky", "Leo Trotzki", "León Trotski")}) == 1
    assert len({keys[n] for n in ("Nikolai Bukharin", "Nicolas Boukharine", "Nicolás Bujarin",
                                  "Nikolaus Bucharin")}) == 1
    assert keys["Pyotr Petrov"] == keys["Pierre Petrov"] != keys["Ivan Petrov"]


# -- an unmarked date equal to another source's Old Style date -------------------------

def test_unmarked_date_equal_to_a_marked_old_style_date_is_read_as_old_style():
    enc = claim("enc", "1916-12-30", type="death", subject="Grigori Rasputin", place="Petrograd", calendar="gregorian")
    mus = claim("mus", "1916-12-30", type="death", subject="Grigori Rasputin", place="Petrograd",
                calendar="julian", julian_date="1916-12-17")
    bio = claim("bio", "1916-12-17", type="death", subject="Grigori Rasputin", place="Petrograd")
    e = one(enc, mus, bio)
    assert [d.date for d in e.dates] == ["1916-12-30"]
    assert set(e.dates[0].old_style) == {mus.id, bio.id}
    assert e.verdict == "calendar_style"  # the encyclopedia wrote New Style, the other two Old Style
    assert "bio names no calendar for 17 December 1916" in e.explanation
    assert bio.date == "1916-12-17" and bio.calendar == "unstated"  # the claim is not changed


def test_two_sources_writing_one_old_style_day_agree():
    mus = claim("mus", "1916-12-30", type="death", subject="Grigori Rasputin", place="Petrograd",
                calendar="julian", julian_date="1916-12-17")
    bio = claim("bio", "1916-12-17", type="death", subject="Grigori Rasputin", place="Petrograd")
    e = one(mus, bio)
    assert e.verdict == "agree" and e.best_date == "1916-12-30"
    assert "17 December 1916 in the Old Style" in e.explanation


def test_unmarked_date_stays_as_written_where_it_cannot_be_old_style():
    # Paris in 1916: the Julian calendar was not in use, so 17 December is 17 December.
    mus = claim("mus", "1916-12-30", type="death", subject="Jean Dupont", place="Paris",
                calendar="julian", julian_date="1916-12-17")
    bio = claim("bio", "1916-12-17", type="death", subject="Jean Dupont", place="Paris")
    e = one(mus, bio)
    assert sorted(d.date for d in e.dates) == ["1916-12-17", "1916-12-30"]
    assert e.verdict == "contradiction"


def test_unmarked_date_not_read_old_style_when_a_new_style_source_gives_that_day():
    mus = claim("mus", "1916-12-30", type="death", subject="Grigori Rasputin", place="Petrograd",
                calendar="julian", julian_date="1916-12-17")
    ns = claim("ns", "1916-12-17", type="death", subject="Grigori Rasputin", place="Petrograd", calendar="gregorian")
    bio = claim("bio", "1916-12-17", type="death", subject="Grigori Rasputin", place="Petrograd")
    e = one(mus, ns, bio)
    assert {d.date for d in e.dates} == {"1916-12-17", "1916-12-30"}
    assert not any(bio.id in d.old_style for d in e.dates)


# -- a departure and the arrival after it: one journey ---------------------------------

def _journey_events(*claims):
    return [e for e in run(*claims) if e.type in ("departure", "arrival")]


def test_departure_then_arrival_elsewhere_is_one_journey():
    dep = claim("a", "1917-04-09", type="departure", subject="Vladimir Lenin", place="Zurich")
    arr = claim("b", "1917-04-16", type="arrival", subject="Vladimir Lenin", place="Petrograd")
    (e,) = _journey_events(dep, arr)
    assert set(e.claims) == {dep.id, arr.id}
    assert (e.type, e.place, e.verdict) == ("arrival", "Petrograd", "compatible")
    assert "9 April 1917 is the departure and 16 April 1917 the arrival" in e.explanation
    assert dep.facet is None  # the claims themselves are not changed


@pytest.mark.parametrize("dep_date,arr_date,dep_place,arr_place", [
    ("1917-04-16", "1917-04-09", "Zurich", "Petrograd"),   # the arrival before the departure
    ("1917-03-01", "1917-04-16", "Zurich", "Petrograd"),   # six weeks apart: two movements
    ("1917-04-09", "1917-04-16", "Petrograd", "Petrograd"),  # left and came back: a round trip
    ("1917", "1917-04-16", "Zurich", "Petrograd"),          # a year is no stage of a journey
])
def test_departure_and_arrival_that_are_not_one_journey(dep_date, arr_date, dep_place, arr_place):
    dep = claim("a", dep_date, type="departure", subject="Vladimir Lenin", place=dep_place)
    arr = claim("b", arr_date, type="arrival", subject="Vladimir Lenin", place=arr_place)
    assert len(_journey_events(dep, arr)) == 2


def test_a_string_of_legs_stays_a_string_of_journeys():
    legs = [
        claim("a", "1850-05-03", type="departure", subject="Jean Dupont", place="Paris"),
        claim("a", "1850-05-04", type="arrival", subject="Jean Dupont", place="Lyon"),
        claim("b", "1850-05-10", type="departure", subject="Jean Dupont", place="Lyon"),
        claim("b", "1850-05-11", type="arrival", subject="Jean Dupont", place="Marseille"),
    ]
    events = _journey_events(*legs)
    assert sorted(frozenset(e.claims) for e in events) == sorted(
        [frozenset({legs[0].id, legs[1].id}), frozenset({legs[2].id, legs[3].id})])
    assert sorted(e.place for e in events) == ["Lyon", "Marseille"]


def test_another_persons_arrival_is_not_the_journeys_end():
    dep = claim("a", "1917-04-09", type="departure", subject="Vladimir Lenin", place="Zurich")
    arr = claim("b", "1917-04-10", type="arrival", subject="Leon Trotsky", place="Petrograd")
    assert len(_journey_events(dep, arr)) == 2
