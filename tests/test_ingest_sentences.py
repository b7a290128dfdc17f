"""Ingest: sentence splitting, language identification, segments, speed."""

from __future__ import annotations


import pytest

from chronicon.ingest import from_text, identify_language, split_sentences
from chronicon.model import SUPPORTED_LANGS


def texts(text: str, lang: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


# ------------------------------------------------------------------ splitting

def test_initials_do_not_split():
    t = ("The armies of A. I. Denikin and N. N. Iudenich advanced in the autumn of 1919. "
         "L. D. Trotsky went to Petrograd, and G. E. Zinov′ev stayed in the city. "
         "Nobody expected it.")
    assert texts(t, "en") == [
        "The armies of A. I. Denikin and N. N. Iudenich advanced in the autumn of 1919.",
        "L. D. Trotsky went to Petrograd, and G. E. Zinov′ev stayed in the city.",
        "Nobody expected it.",
    ]


def test_english_abbreviations_and_boundaries():
    t = ("Gen. Wrangel met Dr. Hughes in St. Petersburg on 3 May 1917. "
         "Mr. and Mrs. Dale left approx. two weeks later, i.e. in the middle of May! "
         "Was it wise? “Nobody knows,” she wrote. 1918 was worse.")
    assert texts(t, "en") == [
        "Gen. Wrangel met Dr. Hughes in St. Petersburg on 3 May 1917.",
        "Mr. and Mrs. Dale left approx. two weeks later, i.e. in the middle of May!",
        "Was it wise?",
        "“Nobody knows,” she wrote.",
        "1918 was worse.",
    ]


def test_dot_comma_boundary_from_pasted_wikipedia():
    t = ("Los dos jefes fueron detenidos el 4 de agosto., Sus seguidores huyeron al norte en septiembre de 1934. "
         "Fue el último acto público del grupo.; Después vino el silencio.")
    assert texts(t, "es") == [
        "Los dos jefes fueron detenidos el 4 de agosto.",
        "Sus seguidores huyeron al norte en septiembre de 1934.",
        "Fue el último acto público del grupo.",
        "Después vino el silencio.",
    ]


def test_dot_comma_after_abbreviation_is_not_a_boundary():
    t = "Llevaron armas, víveres, etc., y salieron de noche hacia la frontera."
    assert texts(t, "es") == [t]


def test_spanish_abbreviations():
    t = ("El Sr. Ortega y la Sra. Vidal visitaron a Dña. Elvira el 2 de mayo de 1890. "
         "Véase la pág. 14 y el núm. 3 de la revista. Luego el Gral. Prim habló.")
    assert texts(t, "es") == [
        "El Sr. Ortega y la Sra. Vidal visitaron a Dña. Elvira el 2 de mayo de 1890.",
        "Véase la pág. 14 y el núm. 3 de la revista.",
        "Luego el Gral. Prim habló.",
    ]


def test_french_abbreviations():
    t = ("M. Lambert et Mme Roux arrivèrent à Lyon en 1848. "
         "Mgr Dubois les reçut avec MM. Petit et Blanc vers 52 av. J.-C. Garnier resta.")
    out = texts(t, "fr")
    assert out[0] == "M. Lambert et Mme Roux arrivèrent à Lyon en 1848."
    assert out[1].startswith("Mgr Dubois les reçut avec MM. Petit et Blanc vers 52 av. J.-C.")


def test_german_abbreviations_and_ordinals():
    t = ("Am 3. März 1921 begann der Aufstand in der Festung. "
         "Im 15. Jahrhundert war die Stadt z. B. viel kleiner bzw. ärmer als Nr. 4 der Liste. "
         "Danach zog Dr. Weber nach Berlin usw. Dort starb er 1950.")
    assert texts(t, "de") == [
        "Am 3. März 1921 begann der Aufstand in der Festung.",
        "Im 15. Jahrhundert war die Stadt z. B. viel kleiner bzw. ärmer als Nr. 4 der Liste.",
        "Danach zog Dr. Weber nach Berlin usw.",
        "Dort starb er 1950.",
    ]


def test_ordinal_dot_recognised_in_other_languages_before_german_month():
    # A year at the end of a sentence is a boundary.
    assert texts("He left in 1921. The others stayed.", "en") == ["He left in 1921.", "The others stayed."]


def test_italian_and_portuguese_abbreviations():
    assert texts("Il dott. Bruni e il sig. Neri partirono nel 1860. Poi tornarono.", "it") == [
        "Il dott. Bruni e il sig. Neri partirono nel 1860.", "Poi tornarono."]
    assert texts("O Sr. Costa e a Dra. Lima chegaram em 1908. Depois partiram.", "pt") == [
        "O Sr. Costa e a Dra. Lima chegaram em 1908.", "Depois partiram."]


def test_newlines_always_split_and_offsets_are_exact():
    t = "  First line without a stop\n\nSecond line. Third sentence here.  \n   \nLast one"
    sents = split_sentences(t, "en")
    assert [t[s.start:s.end] for s in sents] == [
        "First line without a stop", "Second line.", "Third sentence here.", "Last one"]
    for s in sents:
        chunk = t[s.start:s.end]
        assert chunk == chunk.strip() and "\n" not in chunk
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))


def test_headings_and_captions():
    t = ("The years of exile (1929-1940)\n"
         "Trotsky with his grandson in Coyoacán, 1939\n"
         "He lived in a fortified house and wrote every day, mostly about the past.\n"
         "Was it safe\n"
         "This long line has no final punctuation but it is far too long to be a heading because it "
         "goes on and on for many words and clauses and never seems to end at all here")
    sents = split_sentences(t, "en")
    flags = [s.heading for s in sents]
    assert flags == [True, True, False, True, False]


# ------------------------------------------------------------------ language

def test_identify_language():
    assert identify_language("Der Aufstand begann am frühen Morgen, und die Soldaten besetzten die Brücken.")[0] == "de"
    lang, p = identify_language("La ciudad fue tomada por las tropas al amanecer del día siguiente.")
    assert lang == "es" and 0.0 < p <= 1.0
    assert identify_language("Город был взят войсками на рассвете следующего дня.")[0] == "ru"


def test_document_language_is_majority_by_characters():
    en = "The garrison held the fortress through the whole winter and surrendered only in the spring of 1710. "
    fr = ("La ville fut assiégée pendant tout l'hiver et les habitants manquèrent de pain jusqu'au printemps. "
          "Les soldats quittèrent la forteresse au mois d'avril, après de longues négociations avec l'ennemi. "
          "Le traité fut signé dans l'église du village, devant tous les officiers des deux armées.")
    src = from_text(en + "\n" + fr)
    assert src.lang == "fr"
    langs = [s.lang for s in src.sentences]
    assert langs == ["en", "fr", "fr", "fr"]
    src2 = from_text(fr.split(". ")[0] + ".\n" + en * 1 + en.replace("1710", "1711") + en.replace("1710", "1712"))
    assert src2.lang == "en"


def test_short_sentences_take_document_language():
    t = ("El ejército cruzó el río al amanecer y ocupó las colinas del norte sin encontrar resistencia. "
         "Hubo pocas bajas. Total: 12. Los oficiales celebraron la victoria en la plaza del pueblo aquella misma noche.")
    src = from_text(t)
    assert src.lang == "es"
    assert all(s.lang == "es" for s in src.sentences)


# ------------------------------------------------------------------ segments

def _check_tiling(src):
    for i, s in enumerate(src.sentences):
        segs = [g for g in src.segments if g.sentence == i]
        assert segs, i
        assert segs[0].start == s.start and segs[-1].end == s.end
        for a, b in zip(segs, segs[1:]):
            assert a.end == b.start
        assert all(g.lang in SUPPORTED_LANGS for g in segs)


def test_spanish_sentence_with_english_run():
    t = ("Trotsky vivió en la isla de Prinkipo durante cuatro años.\n"
         "En Londres apareció la traducción de sus recuerdos My Years in Exile as reported in the British press in March 1932, "
         "con un prólogo del autor y varias fotografías.\n"
         "El libro se vendió poco en España.")
    src = from_text(t)
    assert src.lang == "es"
    assert src.sentences[1].lang == "es"
    en = [g for g in src.segments if g.lang == "en"]
    assert len(en) == 1
    assert src.text[en[0].start:en[0].end] == "My Years in Exile as reported in the British press in March 1932"
    assert en[0].sentence == 1
    assert src.lang_at(t.index("March 1932")) == "en"
    assert src.lang_at(t.index("prólogo")) == "es"
    _check_tiling(src)


def test_quoted_english_inside_spanish_sentence():
    t = ("La carta llegó a México en el verano de 1939.\n"
         "Según el diario, el secretario escribió: \"We left the house in Coyoacán on 20 August 1940\", y nadie lo desmintió.")
    src = from_text(t)
    en = [src.text[g.start:g.end] for g in src.segments if g.lang == "en"]
    assert en == ["We left the house in Coyoacán on 20 August 1940"]
    _check_tiling(src)


def test_english_run_inside_french_and_german_sentences():
    fr = ("Le livre fut traduit très vite dans plusieurs pays.\n"
          "Le journal publia alors The History of the Russian Revolution in 1932, avec une préface de son fils.")
    src = from_text(fr)
    assert src.lang == "fr"
    assert [src.text[g.start:g.end] for g in src.segments if g.lang == "en"] == [
        "The History of the Russian Revolution in 1932"]
    de = ("Das Buch wurde in vielen Ländern gelesen.\n"
          "Er schrieb darüber im Buch My Life as told to the world in 1930, das in Berlin erschien.")
    src = from_text(de)
    assert src.lang == "de"
    assert [src.text[g.start:g.end] for g in src.segments if g.lang == "en"] == ["My Life as told to the world in 1930"]
    _check_tiling(src)


def test_no_false_foreign_runs_in_plain_sentences():
    t = ("Trotsky fue expulsado del partido en noviembre de 1927 y exiliado a Alma Ata en enero de 1928. "
         "La Unión Soviética lo expulsó a Turquía en febrero de 1929, junto con su esposa y su hijo.\n"
         "In 1929 he went to Prinkipo, where he wrote his autobiography and the history of the revolution.")
    src = from_text(t)
    for g in src.segments:
        assert g.lang == src.sentences[g.sentence].lang
    _check_tiling(src)


def test_every_sentence_has_segments_in_real_order():
    src = from_text("Primera frase del texto, bastante corta.\nSegunda frase con algo más de contenido para el análisis.")
    _check_tiling(src)
    assert [g.sentence for g in src.segments] == sorted(g.sentence for g in src.segments)


def test_stray_comma_after_dot_at_line_end_and_capitals_heading():
    t = "THE RETURN OF THE FLEET.\nLa flota volvió al puerto en mayo de 1588, muy dañada.,\nNadie la esperaba."
    sents = split_sentences(t, "es")
    assert [t[s.start:s.end] for s in sents] == [
        "THE RETURN OF THE FLEET.", "La flota volvió al puerto en mayo de 1588, muy dañada.", "Nadie la esperaba."]
    assert [s.heading for s in sents] == [True, False, False]


@pytest.mark.parametrize("doc,run,run_lang", [
    ("Trotsky arrivò in Messico nel gennaio del 1937 e fu ospitato da Diego Rivera nella casa azzurra di Coyoacán.\n"
     "Negli anni successivi scrisse molti articoli per la stampa americana, in cui criticava duramente il governo di Mosca.\n"
     "Secondo il giornale, the attack was carried out by a man who had gained the confidence of the household in the spring of 1940, "
     "e la notizia fece il giro del mondo.",
     "e la notizia fece il giro del mondo", "it"),
    ("Trotsky chegou ao México em janeiro de 1937 e foi recebido pelo pintor Diego Rivera na sua casa em Coyoacán.\n"
     "Nos anos seguintes escreveu muitos artigos para a imprensa americana, nos quais criticava o governo de Moscou.\n"
     "O jornal escreveu que el asesino había entrado en la casa con un abrigo en pleno verano de 1940, segundo os relatos da época.",
     "segundo os relatos da época", "pt"),
])
def test_sentence_mostly_in_another_language_keeps_document_language_runs(doc, run, run_lang):
    src = from_text(doc)
    assert src.lang == run_lang
    assert src.sentences[-1].lang != run_lang
    runs = [src.text[g.start:g.end] for g in src.segments if g.lang == run_lang and g.sentence == len(src.sentences) - 1]
    assert runs == [run]
    _check_tiling(src)


def test_capitalised_abbreviation_matches_only_as_written():
    t = "He said no. Then he left. See No. 5 in the list."
    assert texts(t, "en") == ["He said no.", "Then he left.", "See No. 5 in the list."]
