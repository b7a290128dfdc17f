"""tag_source: segments, anchors carried across sentences, offsets; and the hard cases
(relative dates without an anchor, impossible dates, Old Style, quantities, intervals)."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from chronicon.errors import LanguageDataError
from chronicon.model import Segment, Sentence, Source
from chronicon.time import tag, tag_source


def _source(text, lang="en", segments=None, sentences=None, dct=None):
    return Source(id="doc", path="doc.txt", text=text, lang=lang, format="txt", sha256="x",
                  segments=segments or [], sentences=sentences or [], dct=dct)


def _segments_by_sentence(text, lang):
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (2 if start + len(part) < len(text) else 0)
        out.append(Segment(start, min(end, len(text)), lang, i))
        start = end
    return out


def _by_text(found):
    return {e.text: e for e in found}


def test_year_carried_from_an_earlier_sentence():
    text = ("La oposición salió a la calle en noviembre de 1927. "
            "Los dos dirigentes perdieron el carné el 12 de noviembre.")
    found = _by_text(tag_source(_source(text, "es", _segments_by_sentence(text, "es"))))
    e = found["12 de noviembre"]
    assert e.edtf == "1927-11-12"
    assert e.resolution == "year_from_context"
    assert found["noviembre de 1927"].edtf == "1927-11"


def test_following_day_counts_from_the_last_explicit_date():
    text = ("The assassin struck with an ice axe on 20 August 1940 in the study. "
            "The victim was taken to a hospital in the city. He died there the following day.")
    found = _by_text(tag_source(_source(text, "en", _segments_by_sentence(text, "en"))))
    e = found["the following day"]
    assert (e.edtf, e.resolution, e.granularity) == ("1940-08-21", "relative", "day")


def test_coarser_date_that_contains_the_anchor_keeps_the_day():
    found = tag("He was attacked on 20 August 1940. In 1940 the house was a fortress. "
                "He died the following day.", "en")
    assert [e.edtf for e in found] == ["1940-08-20", "1940", "1940-08-21"]


def test_a_new_year_replaces_the_anchor():
    found = tag("On 3 May 1921 he left. In 1925 he came back and the next day he spoke.", "en")
    assert found[-1].text == "the next day"
    assert found[-1].edtf is None and found[-1].resolution == "unresolved"


def test_each_segment_uses_its_own_grammar_and_offsets_are_absolute():
    es = "Lo deportaron en febrero de 1929. "
    en = "The book appeared in August 1929. "
    fr = "Il arriva le 3 mars 1930."
    text = es + en + fr
    segs = [Segment(0, len(es), "es", 0), Segment(len(es), len(es) + len(en), "en", 1),
            Segment(len(es) + len(en), len(text), "fr", 2)]
    found = tag_source(_source(text, "es", segs))
    assert [(text[e.start:e.end], e.lang, e.edtf) for e in found] == [
        ("febrero de 1929", "es", "1929-02"),
        ("August 1929", "en", "1929-08"),
        ("3 mars 1930", "fr", "1930-03-03"),
    ]


def test_falls_back_to_sentences_then_to_the_whole_text():
    text = "Er kam im Herbst 1919 an. Am nächsten Tag regnete es."
    sents = [Sentence(0, 25, "de"), Sentence(26, len(text), "de")]
    found = tag_source(_source(text, "de", sentences=sents))
    assert [e.edtf for e in found] == ["1919-23", None]  # a season is too coarse for a day offset
    whole = tag_source(_source("Am 3. März 1921 kam er an. Am nächsten Tag regnete es.", "de"))
    assert [e.edtf for e in whole] == ["1921-03-03", "1921-03-04"]


def test_unknown_document_language_raises_e101():
    with pytest.raises(LanguageDataError) as exc:
        tag_source(_source("On 3 May 1921.", "zz"))
    assert exc.value.code == "E101"


def test_segment_in_a_language_without_grammar_is_read_with_the_documents():
    (e,) = tag_source(_source("On 3 May 1921.", "en", [Segment(0, 14, "ru")]))
    assert (e.edtf, e.lang) == ("1921-05-03", "en")


@pytest.mark.parametrize("text,lang", [
    ("He died the following day.", "en"),
    ("Two days later the ship sank.", "en"),
    ("Murió al día siguiente.", "es"),
    ("Il mourut le lendemain.", "fr"),
    ("Morì il giorno dopo.", "it"),
    ("Morreu no dia seguinte.", "pt"),
    ("Er starb am nächsten Tag.", "de"),
])
def test_relative_without_anchor_is_unresolved_not_today(text, lang):
    (e,) = [e for e in tag(text, lang) if e.type == "DATE"]
    assert e.edtf is None
    assert e.resolution == "unresolved"


def test_deictic_resolves_against_dct_only():
    assert tag("Yesterday the vote was held.", "en")[0].edtf is None
    assert tag("Yesterday the vote was held.", "en", anchor="1930-05-02")[0].edtf is None
    assert tag("Yesterday the vote was held.", "en", dct="1998-03-01")[0].edtf == "1998-02-28"
    src = _source("Ayer se votó la ley.", "es", dct="2000-01-01")
    assert tag_source(src)[0].edtf == "1999-12-31"


@pytest.mark.parametrize("text,lang", [
    ("El decreto lleva la fecha del 31 de febrero de 1920.", "es"),
    ("The letter is dated 30 February 1920.", "en"),
    ("La lettre est datée du 31 avril 1921.", "fr"),
    ("Der Brief trägt das Datum 29. Februar 1921.", "de"),
])
def test_impossible_dates_are_flagged_and_not_invented(text, lang):
    (e,) = tag(text, lang)
    assert e.edtf is None
    assert any("impossible" in f for f in e.flags)


def test_impossible_day_without_a_year_is_flagged_too():
    (e,) = tag("on 30 February", "en")
    assert e.edtf is None and e.flags
    (e,) = tag("on 29 February 1920", "en")  # 1920 is a leap year
    assert e.edtf == "1920-02-29" and not e.flags


def test_old_style_converted_to_gregorian():
    (e,) = tag("The Tsar died on 18 February 1855 (O.S.).", "en")
    assert (e.edtf, e.julian, e.calendar) == ("1855-03-02", "1855-02-18", "julian")
    # the 1700 leap day makes the gap 11 days in 1700-1800
    (e,) = tag("le 1er mars 1750 (vieux style)", "fr")
    assert (e.edtf, e.julian) == ("1750-03-12", "1750-03-01")


def test_dual_dates_keep_both_readings():
    (e,) = tag("Power changed hands on 25 October (7 November) 1917.", "en")
    assert (e.edtf, e.julian, e.calendar) == ("1917-11-07", "1917-10-25", "gregorian")
    assert e.flags == []
    # New Style written first: the pair is recognised by converting, not by position
    (e,) = tag("Power changed hands on 7 November (25 October) 1917.", "en")
    assert (e.edtf, e.julian, e.flags) == ("1917-11-07", "1917-10-25", [])
    # two days that are no Julian/Gregorian pair are flagged
    (e,) = tag("on 3 May (9 May) 1917", "en")
    assert e.flags
    (e,) = tag("el 7 de noviembre [estilo antiguo: 25 de octubre] de 1917", "es")
    assert (e.edtf, e.julian) == ("1917-11-07", "1917-10-25")


def test_old_style_without_year_takes_the_anchor_year_then_converts():
    text = "La revolución estalló en 1917. El gobierno cayó el 25 de octubre (estilo antiguo)."
    found = tag_source(_source(text, "es"))
    assert found[-1].edtf == "1917-11-07"
    assert found[-1].julian == "1917-10-25"
    assert found[-1].resolution == "year_from_context"


@pytest.mark.parametrize("text,lang", [
    ("The convoy logged well over 75,000 miles.", "en"),
    ("Some 1500 soldiers guarded the line.", "en"),
    ("There were 1,500 men and 407 people aboard.", "en"),
    ("La columna tenía 1500 soldados.", "es"),
    ("Recorrió 75.000 millas.", "es"),
    ("Il y avait 2000 prisonniers.", "fr"),
    ("Es waren 1200 Gefangene.", "de"),
])
def test_quantities_are_not_years(text, lang):
    assert [e.text for e in tag(text, lang) if e.type == "DATE"] == []


def test_a_year_next_to_a_noun_that_is_not_a_counting_noun_stays_a_year():
    found = tag("Losey's 1972 film and the 1500 campaign", "en")
    assert [e.edtf for e in found] == ["1972", "1500"]


@pytest.mark.parametrize("text,lang,words,edtf", [
    ("chaired the trade board (May 1925–17 November 1927) and", "en", "May 1925–17 November 1927", "1925-05/1927-11-17"),
    ("He taught there between 1919 and 1921, then left.", "en", "between 1919 and 1921", "1919/1921"),
    ("He stayed on the island (to 24 July 1933).", "en", "to 24 July 1933", "../1933-07-24"),
    ("Vivió allí de 1929 a 1933.", "es", "de 1929 a 1933", "1929/1933"),
    ("murieron en los procesos de 1936-1938, casi sin excepción", "es", "1936-1938", "1936/1938"),
    ("Le congrès siégea du 3 au 5 mars 1921.", "fr", "du 3 au 5 mars 1921", "1921-03-03/1921-03-05"),
    ("Er lebte dort von 1929 bis 1933.", "de", "von 1929 bis 1933", "1929/1933"),
    ("Membro del comitato (dal 1925).", "it", "dal 1925", "1925/.."),
])
def test_intervals_cover_exactly_their_words(text, lang, words, edtf):
    found = tag(text, lang)
    assert len(found) == 1, found
    e = found[0]
    assert text[e.start:e.end] == words == e.text
    assert e.edtf == edtf and e.granularity == "interval"


def test_every_edtf_emitted_parses():
    text = ("In the autumn of 1919 and by late 1919, during the 1930s and the 20th century, "
            "from March 1919, (August 1920–June 1921), until 1921, in 44 BC, on 25 October 1917 (O.S.), "
            "between 3 and 5 March 1921, the next day, two weeks later.")
    found = tag(text, "en", anchor="1917-01-01")
    assert len(found) >= 12
    for e in found:
        if e.edtf is not None:
            parse_edtf(e.edtf)


def test_non_date_types_have_no_edtf():
    found = tag("For three years he met them at 5 pm every week.", "en")
    assert [(e.type, e.value, e.edtf) for e in found] == [
        ("DURATION", "P3Y", None), ("TIME", "T17:00", None), ("SET", "P1W", None)]


def test_longest_match_wins_over_its_parts():
    found = tag("He was born on Monday, 7 March 1921.", "en")
    assert [e.text for e in found] == ["Monday, 7 March 1921"]


def test_written_weekday_checks_the_date():
    (e,) = tag("Monday, 7 March 1921", "en")
    assert e.edtf == "1921-03-07" and e.flags == []
    (e,) = tag("Tuesday, 7 March 1921", "en")
    assert e.edtf == "1921-03-07" and e.flags == ["weekday does not fit the date"]
    # 25 October 1917 Old Style was a Wednesday (7 November New Style)
    (e,) = tag("on Wednesday, 25 October 1917", "en")
    assert any("Old Style" in f for f in e.flags)


def test_written_weekday_picks_the_year_next_to_the_anchor():
    (e,) = tag("el lunes, 31 de diciembre", "es", anchor="2002-01-10")
    assert (e.edtf, e.resolution) == ("2001-12-31", "year_from_context")


def test_calendar_declared_once_for_the_whole_source():
    first = "All dates in this chapter are given in the Old Style."
    second = " The Tsar abdicated on 2 March 1917."
    text = first + second
    src = _source(text, "en", sentences=[Sentence(0, len(first), "en"), Sentence(len(first) + 1, len(text), "en")])
    (e,) = tag_source(src)
    assert (e.edtf, e.julian, e.calendar) == ("1917-03-15", "1917-03-02", "julian")
    # a date that states its own calendar is left as written
    text2 = first + " He was born on 18 May 1868 (N.S.)."
    src2 = _source(text2, "en", sentences=[Sentence(0, len(first), "en"), Sentence(len(first) + 1, len(text2), "en")])
    (e,) = tag_source(src2)
    assert (e.edtf, e.calendar) == ("1868-05-18", "gregorian")
