"""Organisations and countries as claim subjects (chronicon/entities/_orgs.py finds the
names by their head noun, chronicon/claims/_extract.py takes them as subjects), and the
Spanish claim rules added with them.

Every sentence was written for this file; none is in a dev or held-out set.
"""

from __future__ import annotations

import pytest

import chronicon
from chronicon._pipeline import Pipeline
from chronicon.entities import find_mentions


def _claims(text: str, lang: str) -> list[tuple]:
    return [(c.type, c.subject, c.date) for c in chronicon.extract(text, lang=lang) if c.type != "quantity"]


def _orgs(text: str, lang: str) -> list[tuple]:
    p = Pipeline(lang=lang)
    return [(m.text, m.label) for m in find_mentions(p.from_text(text, lang=lang)) if m.kind == "organization"]


# --- names of bodies found by their head noun ------------------------------------------

@pytest.mark.parametrize("text,lang,name", [
    # a head with capitalised words after it and after a connector, over a country's name
    ("El Partido Republicano Radical de Alejandro Lerroux ganó en 1933.", "es", "Partido Republicano Radical"),
    ("La Universidad de Coímbra se trasladó a Lisboa en 1290.", "es", "Universidad de Coímbra"),
    ("Nel 1882 nacque il Partito Operaio Italiano.", "it", "Partito Operaio Italiano"),
    ("O Banco do Brasil abriu as portas em 1808.", "pt", "Banco do Brasil"),
    # capitalised words before the head, a German compound head, a genitive place after it
    ("Die Unabhängige Sozialdemokratische Partei Deutschlands spaltete sich 1920.", "de",
     "Unabhängige Sozialdemokratische Partei Deutschlands"),
    ("Die Deutsche Fortschrittspartei entstand 1861.", "de", "Deutsche Fortschrittspartei"),
    # an elided connector
    ("Il Banco di Napoli e la Banca d'Italia si fusero nel 1926.", "it", "Banca d'Italia"),
])
def test_body_names_by_head_noun(text, lang, name):
    assert name in [t for t, _ in _orgs(text, lang)], _orgs(text, lang)


def test_body_name_stops_at_a_person_and_takes_no_german_noun():
    # "de Juan Negrín": a given name with a surname opens a person's name
    assert ("Gobierno", "Gobierno") in _orgs("El Gobierno de Juan Negrín dimitió en 1939.", "es")
    # German capitalises every noun: after the head, only a place in the genitive
    names = [t for t, _ in _orgs("Im Mai 1920 wählte die Verfassunggebende Versammlung Paul Löbe zum Präsidenten.", "de")]
    assert all("Löbe" not in n and "Präsidenten" not in n for n in names), names
    # a lone German noun is no name ("die Regierung"); a lone Spanish head with its article is
    assert _orgs("Die Regierung trat 1930 zurück.", "de") == []
    assert [t for t, _ in _orgs("En 1873 la República sustituyó a la monarquía.", "es")] == ["República"]


def test_acronyms_and_foreign_parties():
    assert ("PCE", "Communist Party of Spain") in _orgs("El PCE fue legalizado en abril de 1977.", "es")
    assert [t for t, _ in _orgs("Die USPD zerfiel 1922.", "de")] == ["USPD"]
    assert [t for t, _ in _orgs("Pedro II morreu em 1891.", "pt")] == []  # a regnal number
    # another country's party keeps its adjective and is not the CPSU
    got = _orgs("En 1919 se fundó el Partido Comunista mexicano.", "es")
    assert got and got[0][0] == "Partido Comunista mexicano" and got[0][1] != "Communist Party", got


# --- bodies and countries as subjects ---------------------------------------------------

@pytest.mark.parametrize("lang,text,claim", [
    # a country declares war: decision (es, it, pt, de, verb-second with coordinated countries)
    ("es", "Portugal declaró la guerra a Alemania en marzo de 1916.", ("decision", "Portugal", "1916-03")),
    ("it", "Il 24 maggio 1915 l'Italia dichiarò guerra all'Austria.", ("decision", "Italy", "1915-05-24")),
    ("pt", "Em outubro de 1917 o Brasil declarou guerra ao Império Alemão.", ("decision", "Brazil", "1917-10")),
    ("de", "Im August 1914 erklärten Frankreich und Russland Österreich den Krieg.", ("decision", "France", "1914-08")),
    # independence: the state's formation; proclaimed by a person, a decision
    ("es", "Chile declaró su independencia el 12 de febrero de 1818.", ("formation", "Chile", "1818-02-12")),
    ("es", "Bernardo O'Higgins proclamó la independencia de Chile el 12 de febrero de 1818.",
     ("decision", "Bernardo O'Higgins", "1818-02-12")),
    ("pt", "Moçambique tornou-se independente em 25 de junho de 1975.", ("formation", "Mozambique", "1975-06-25")),
    # a person's event said of a body: 'nació' is its formation, 'fue proclamada' too
    ("es", "La Falange Española nació en Madrid en octubre de 1933.", ("formation", "Falange Española de las JONS", "1933-10")),
    ("es", "La Primera República fue proclamada el 11 de febrero de 1873.", ("formation", "First Spanish Republic", "1873-02-11")),
    ("es", "En 1873 se proclamó la Primera República.", ("formation", "First Spanish Republic", "1873")),
    # a body joins, is expelled, is dissolved
    ("es", "En 1926 Alemania ingresó en la Sociedad de Naciones.", ("membership", "Germany", "1926")),
    ("pt", "A Companhia de Jesus foi expulsa do Brasil em 1759.", ("deportation", "Society of Jesus", "1759")),
    ("de", "Die KPD wurde im August 1956 verboten und 1956 aufgelöst.", ("dissolution", "Communist Party of Germany", "1956")),
    # the body founded is the object of the founder's verb
    ("es", "Francisco Largo Caballero fundó la Escuela Obrera Socialista en 1908.", ("formation", "Escuela Obrera Socialista", "1908")),
    # merged into another body: its end
    ("de", "Der Deutsche Zollverein ging 1871 im Deutschen Reich auf.", ("dissolution", "Deutsche Zollverein", "1871")),
])
def test_body_or_country_as_subject(lang, text, claim):
    assert claim in _claims(text, lang), _claims(text, lang)


def test_a_person_stays_the_subject():
    # the agent of a passive proclamation decides; the place after a verb of movement is a place
    got = _claims("Die Republik wurde am 9. November 1918 von Philipp Scheidemann ausgerufen.", "de")
    assert ("formation", "Republik", "1918-11-09") not in got
    got = _claims("Pedro Álvares Cabral partiu de Lisboa em 1500. Chegou a Portugal em 1501.", "pt")
    assert not [c for c in got if c[1] == "Portugal"], got
    # a pronoun subject: the camp after 'im' is where it happened
    got = _claims("Ernst Heilmann wurde 1933 verhaftet; er wurde 1940 im KZ Buchenwald ermordet.", "de")
    assert ("death", "Ernst Heilmann", "1940") in got and not [c for c in got if c[1] == "KZ"], got


def test_a_coordinated_verb_keeps_its_own_date():
    got = _claims("Der Rheinbund wurde 1806 gegründet und ging 1813 unter.", "de")
    assert ("formation", "Rheinbund", "1813") not in got, got


# --- Spanish rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text,claim", [
    # every form of a verb: active plural with a clitic, preterite, pronominal, pluperfect
    ("Diego de León se sublevó en 1841. Lo fusilaron en Madrid el 15 de octubre de 1841.",
     ("execution", "Diego de León", "1841-10-15")),
    ("La Guardia Civil detuvo a Blas Infante el 2 de agosto de 1936.", ("arrest", "Blas Infante", "1936-08-02")),
    ("Tras la guerra, Luis Cernuda se exilió en 1938.", ("internal_exile", "Luis Cernuda", "1938")),
    ("En 1923 supimos que el general Sanjurjo se había sublevado en Sevilla en agosto de 1932.",
     ("revolution", "José Sanjurjo", "1932-08")),
    ("Vicente Aleixandre obtuvo el premio Nobel de Literatura en 1977.", ("award", "Vicente Aleixandre", "1977")),
    ("El general Espartero entró en Madrid en octubre de 1840.", ("arrival", "Espartero", "1840-10")),
    # a fronted participle belongs to the person after its comma
    ("Nacida en Ferrol en 1820, Concepción Arenal estudió Derecho en Madrid.", ("birth", "Concepción Arenal", "1820")),
    # a nominalised death after 'tras' belongs to the person named after it
    ("Tras la muerte de Carlos II en noviembre de 1700, su sobrino Felipe heredó el trono.",
     ("death", "Carlos II", "1700-11")),
])
def test_spanish_rules(text, claim):
    got = _claims(text, "es")
    typ, subj, date = claim
    if subj is None:
        assert [c for c in got if c[0] == typ and c[2] == date], got
    elif subj == "José Sanjurjo":
        assert [c for c in got if c[0] == typ and c[2] == date and "Sanjurjo" in c[1]], got
    else:
        assert claim in got, got


def test_spanish_year_only_date_is_no_second_claim():
    got = _claims("Ramiro de Maeztu fue detenido en julio de 1936. Lo fusilaron el 29 de octubre de ese año.", "es")
    assert [c[2] for c in got if c[0] == "execution"] == ["1936-10-29"], got


def test_spanish_names_with_particles_and_thing_nouns():
    got = _claims("Miguel Primo de Rivera murió en París el 16 de marzo de 1930.", "es")
    assert ("death", "Miguel Primo de Rivera", "1930-03-16") in got, got
    # "premio Nobel de Física" names a prize, not a person
    got = _claims("El físico Blas Cabrera, premio Nobel de Física frustrado, murió en México en 1945.", "es")
    assert ("death", "Blas Cabrera", "1945") in got, got


def test_spanish_planned_or_rumoured_events_give_no_claim():
    assert _claims("Cuenta la leyenda que Boabdil lloró al salir de Granada en enero de 1492.", "es") == []
    got = _claims("Fernando VI tenía previsto viajar a Cádiz en 1758, pero murió en Villaviciosa de Odón en agosto de 1759.", "es")
    assert [c[2] for c in got] == ["1759-08"], got


def test_an_event_carries_the_verb_before_it_and_the_one_it_orders():
    # "durante el asedio de 1810": the verb before it takes its date
    got = _claims("Agustina de Aragón fue capturada durante la sublevación de febrero de 1809.", "es")
    assert ("arrest", "Agustina de Aragón", "1809-02") in got, got
    # "decretó la disolución de X": the decision and the event it orders, of the body it names
    got = _claims("En 1834 la regente María Cristina decretó la disolución de la Inquisición Española.", "es")
    assert ("dissolution", "Inquisición Española", "1834") in got, got


def test_spanish_given_name_before_a_place_and_a_verb_far_before_durante():
    # "Salvador" opens a person's name here, not the city or the country; the death takes the
    # date of the coup it happened during, past a place phrase
    got = _claims("Salvador Seguí murió en la calle de la Cadena durante la huelga general de marzo de 1923.", "es")
    assert ("death", "Salvador Seguí", "1923-03") in got, got
    # 'pronunciamiento' is an uprising, not a speech
    got = _claims("Leopoldo O'Donnell encabezó un pronunciamiento en junio de 1854.", "es")
    assert [c[0] for c in got] == ["revolution"], got


def test_spanish_modality_only_where_it_governs_the_verb():
    # a wish in a relative clause does not make the main verb unreal
    got = _claims("Alfonso XII, que esperaba un heredero, murió en El Pardo en 1885.", "es")
    assert ("death", "Alfonso XII", "1885") in got, got
    # a body's name before a possessive is not the subject of that person's death
    assert not [c for c in _claims("El diario ABC anunció su muerte el 3 de mayo de 1936.", "es") if c[0] == "dissolution"]
