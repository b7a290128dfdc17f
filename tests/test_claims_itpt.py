"""Italian and Portuguese claim rules: verbs found by lemma (every tense, clitic and
pronominal form), offices named by an appointment or dismissal verb, newspaper
datelines, appositive nouns, legends, names with elided particles, given names.

Every sentence is written for this file (none comes from a bench or dev set).
"""

from __future__ import annotations

import pytest

import chronicon
from chronicon.claims._lexicon import load_lexicon, verb_triggers


def _claims(text: str, lang: str):
    return [(c.type, c.subject, c.date) for c in chronicon.extract(text, lang=lang) if c.type != "quantity"]


# (lang, text, type, subject, date)
FOUND = [
    # a verb by its lemma: gerund with an enclitic object, compound tenses, passato remoto
    ("it", "Il 3 maggio 1871 il sovrano ricevette Quintino Sella, nominandolo ministro delle Finanze.",
     "appointment", "Quintino Sella", "1871-05-03"),
    ("it", "Nel 1899 Arturo Toscanini si è dimesso dalla direzione della Scala.", "dismissal", "Arturo Toscanini", "1899"),
    ("it", "Il pittore Amedeo Modigliani si è spento a Parigi il 24 gennaio 1920.", "death", "Amedeo Modigliani", "1920-01-24"),
    ("it", "Nel 1559 Emanuele Filiberto si recò a Nizza con la corte.", "arrival", "Emanuele Filiberto", "1559"),
    ("it", "Nel 1912 Gabriele Rossetti venne incoronato poeta a Roma.", "appointment", "Gabriele Rossetti", "1912"),
    ("pt", "O ministro Duarte Pacheco demitiu-se em janeiro de 1936.", "dismissal", "Duarte Pacheco", "1936-01"),
    ("pt", "Em 1923, Raul Proença exilou-se em Paris e ali faleceu em 1941.", "death", "Raul Proença", "1941"),
    ("pt", "Em 1910 Bernardino Machado se demitiu do governo provisório.", "dismissal", "Bernardino Machado", "1910"),
    ("pt", "Em 1961, Humberto Teixeira foi reeleito para a Câmara dos Deputados.", "appointment", "Humberto Teixeira", "1961"),
    # the office after the verb is its object, not a position held
    ("it", "Nel 1935 Galeazzo Ciano si dimise da ministro della Stampa.", "dismissal", "Galeazzo Ciano", "1935"),
    ("pt", "Em 1926, o coronel Gomes da Costa tornou-se o primeiro presidente do Ministério.", "appointment", "Gomes da Costa", "1926"),
    # an appositive noun of the date's own comma segment dates it, not the verb past the comma
    ("it", "Tornò a Roma il fisico Emilio Segrè, premio Nobel per la fisica nel 1959.", "award", "Emilio Segrè", "1959"),
    # a name with an elided particle, a surname with a noun ending
    ("it", "Alessandro de' Medici fu assassinato a Firenze nel 1537.", "death", "Alessandro de' Medici", "1537"),
    # a small town after a name particle is part of the name
    ("pt", "Em 1226 morreu Francisco de Assis, fundador da ordem franciscana.", "death", "Francisco de Assis", "1226"),
    ("it", "Caterina da Siena morì a Roma il 29 aprile 1380.", "death", "Caterina da Siena", "1380-04-29"),
    # a spouse noun means the person of the other sex named before
    ("it", "Gioachino Rossini sposò Isabella Colbran nel 1822. La moglie morì a Bologna nel 1845.",
     "death", "Isabella Colbran", "1845"),
    ("pt", "Maria Lamas casou com Alfredo Lamas em 1921. O marido morreu em 1937.", "death", "Alfredo Lamas", "1937"),
    # a prize given to the person after 'a': the receivers are the subjects
    ("it", "Nel 1957 il premio fu conferito a Daniel Bovet e a Giulio Natta.", "award", "Daniel Bovet", "1957"),
    ("pt", "Em 1994, o Prémio Camões foi atribuído a Jorge Amado.", "award", "Jorge Amado", "1994"),
    # a participle before a title that opens the name is no name ("Morto D. Manuel ...")
    ("pt", "Morto D. Sebastião em África, a 4 de agosto de 1578, seguiu-se a crise dinástica.",
     "death", "Sebastian of Portugal", "1578-08-04"),
    # names known in English in another form (aliases)
    ("it", "Michelangelo Buonarroti si trasferì definitivamente a Roma nel 1534.", "residence", "Michelangelo", "1534"),
    ("pt", "Em 1498, Cristóvão Colombo partiu de Sanlúcar para a sua terceira viagem.", "departure", "Christopher Columbus", "1498"),
    # a date that opens the sentence also dates a verb joined by "and" that has none of its own
    ("pt", "Em 1975, Samora Machel proclamou a independência de Moçambique e tornou-se o primeiro presidente do país.",
     "appointment", "Samora Machel", "1975"),
    ("it", "Nel 1848 Daniele Manin guidò la rivolta di Venezia e fu eletto presidente della Repubblica di San Marco.",
     "appointment", "Daniele Manin", "1848"),
    # a survived attack is an attack
    ("it", "Il 22 aprile 1926 Benito Mussolini sopravvisse a un attentato a Roma.", "attack", "Benito Mussolini", "1926-04-22"),
    ("pt", "Em 1908, o infante D. Manuel sobreviveu ao atentado do Terreiro do Paço.", "attack", "Manuel", "1908"),
    # the verb after a relative clause closed by a comma belongs to the name before the clause
    ("it", "Ippolito Nievo, che nel 1860 aveva seguito Giuseppe Garibaldi in Sicilia, morì in un naufragio il 4 marzo 1861.",
     "death", "Ippolito Nievo", "1861-03-04"),
    ("pt", "Gonçalves Dias, que em 1846 publicara os Primeiros Cantos com António Feliciano, morreu num naufrágio em 3 de novembro de 1864.",
     "death", "Gonçalves Dias", "1864-11-03"),
    # two persons joined by 'and' and the second one's role words
    ("it", "Il 1º febbraio 1908 il re Carlo I e il principe ereditario Luigi Filippo furono assassinati a Lisbona.",
     "death", "Carlo I", "1908-02-01"),
    ("it", "Il 1º febbraio 1908 il re Carlo I e il principe ereditario Luigi Filippo furono assassinati a Lisbona.",
     "death", "Luigi Filippo", "1908-02-01"),
    ("pt", "Bartolomeu de Gusmão, que teria nascido em Santos em 1685, morreu em Toledo em 1724.", "death", "Bartolomeu de Gusmão", "1724"),
    # given names the rules did not know before
    ("it", "Piero Gobetti morì a Parigi il 15 febbraio 1926.", "death", "Piero Gobetti", "1926-02-15"),
    ("pt", "Zélia Gattai nasceu em São Paulo em 2 de julho de 1916.", "birth", "Zélia Gattai", "1916-07-02"),
]


@pytest.mark.parametrize("lang,text,typ,subject,date", FOUND)
def test_claim_found(lang, text, typ, subject, date):
    got = _claims(text, lang)
    assert (typ, subject, date) in got, got


# (lang, text, the type no claim may carry, or None for no claim at all, date)
NOT_FOUND = [
    # a pronominal verb without its pronoun is another verb: the light went out, no one died
    ("it", "Il 4 aprile 1910 il faro di Genova fu spento per tre giorni.", "death", "1910-04-04"),
    # 'parte' is 'part', not 'leaves'
    ("it", "Nel 1911 la città fu in parte ricostruita.", "departure", "1911"),
    # the office after a dismissal verb is no position held
    ("it", "Nel 1935 Galeazzo Ciano si dimise da ministro della Stampa.", "position_held", "1935"),
    # a fronted date does not reach past a semicolon
    ("it", "Il 2 giugno 1946 gli italiani scelsero la repubblica; Umberto II partì per l'esilio il 13 giugno.", "departure", "1946-06-02"),
    # the Portuguese conditional perfect reports hearsay, not a fact
    ("pt", "Bartolomeu de Gusmão, que teria voado num balão em Lisboa em 1709, morreu em Toledo em 1724.", None, "1709"),
    ("pt", "O navegador Gil Eanes teria nascido em Lagos em 1394.", None, "1394"),
    # survived: no death
    ("it", "Il 22 aprile 1926 Benito Mussolini sopravvisse a un attentato a Roma.", "death", "1926-04-22"),
    # hospital, not prison
    ("pt", "Em 1954 o escritor Graciliano Ramos foi internado num hospital do Rio.", "imprisonment", "1954"),
    # legends in the conditional are no claims
    ("it", "Secondo la leggenda, Guglielmo Tell sarebbe stato arrestato nel 1307.", None, "1307"),
    ("pt", "Reza a lenda que Gonçalo Mendes teria sido preso em Lisboa em 1420.", None, "1420"),
]


@pytest.mark.parametrize("lang,text,typ,date", NOT_FOUND)
def test_claim_not_found(lang, text, typ, date):
    got = _claims(text, lang)
    assert not [c for c in got if c[2] == date and (typ is None or c[0] == typ)], got


@pytest.mark.parametrize(
    "lang,text,event_date,dateline",
    [
        ("it", "TORINO, 3 marzo 1912 – È morto stamane il senatore Giovanni Rossi.", None, "1912-03-03"),
        ("pt", "PORTO, 9 de maio de 1931 – Faleceu o poeta José Teixeira.", None, "1931-05-09"),
    ],
)
def test_dateline_dates_no_event(lang, text, event_date, dateline):
    """The date of a newspaper dateline is the report's, never the event's."""
    assert not [c for c in _claims(text, lang) if c[2] == dateline]


def test_verb_triggers_by_lemma():
    """Every inflection of a listed verb is a trigger; pronominal ones need their pronoun."""
    lex = load_lexicon("it")
    text = "lo nominarono; si dimisero; dimessosi; spento; si è spento; la nominata; in parte"
    found = {text[s:e] for s, e, _ in verb_triggers(lex, text, 0, len(text), [])}
    assert {"nominarono", "dimisero", "dimessosi", "nominata"} <= found
    assert "spento" in found  # the one after "si è"
    assert text.count("spento") == 2 and len([1 for s, e, _ in verb_triggers(lex, text, 0, len(text), []) if text[s:e] == "spento"]) == 1
    assert "parte" not in found
    lex = load_lexicon("pt")
    text = "demitiu-se; demitiu o ministro; foram eleitos; casa"
    found = {text[s:e] for s, e, _ in verb_triggers(lex, text, 0, len(text), [])}
    assert "demitiu-se" in found and "eleitos" in found
    assert "demitiu" not in found and "casa" not in found


def test_finer_date_of_one_verb_wins():
    """Two dates for one verb and one subject, one inside the other: the finer one is the claim."""
    got = _claims("Giacomo Leopardi sperava di tornare a Recanati entro il 1837, ma morì a Napoli il 14 giugno di quell'anno.", "it")
    deaths = [c for c in got if c[0] == "death"]
    assert deaths == [("death", "Giacomo Leopardi", "1837-06-14")], got
