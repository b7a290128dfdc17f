"""Every ``examples:`` entry of every language file of the time stage, as one test each."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from chronicon.errors import LanguageDataError
from chronicon.model import SUPPORTED_LANGS
from chronicon.time import language_codes, load, tag

CASES = [
    pytest.param(lang, i, ex, id=f"{lang}-{i:03d}-{ex['text'][:40]}")
    for lang in language_codes()
    for i, ex in enumerate(load(lang).examples)
]


def _main(found, ex):
    """The expression the example is about: the longest span (ties: the first)."""
    assert found, f"nothing found in {ex['text']!r}"
    return max(found, key=lambda e: (e.end - e.start, -e.start))


@pytest.mark.parametrize("lang,i,ex", CASES)
def test_example(lang, i, ex):
    text = ex["text"]
    found = tag(text, lang, anchor=ex.get("anchor"), dct=ex.get("dct"))
    for e in found:
        assert text[e.start:e.end] == e.text
        if e.edtf is not None:
            parse_edtf(e.edtf)
    if ex.get("no_date"):
        assert [e.text for e in found if e.type == "DATE" and e.edtf] == []
        return
    e = _main(found, ex)
    assert e.edtf == (None if ex.get("edtf") is None else str(ex["edtf"])), e
    for key in ("qualifier", "calendar", "julian", "type", "value", "resolution"):
        if key in ex:
            assert getattr(e, key) == (None if ex[key] is None else str(ex[key])), (key, e)
    if "span" in ex:
        assert e.text == ex["span"], e
    if ex.get("flagged"):
        assert e.flags, e
    else:
        assert not any("impossible" in f for f in e.flags), e


def test_every_supported_language_has_a_grammar_with_examples():
    for lang in SUPPORTED_LANGS:
        assert lang in language_codes()
        assert len(load(lang).examples) >= 40, lang


def test_examples_cover_every_kind_of_expression():
    for lang in SUPPORTED_LANGS:
        exs = load(lang).examples
        assert any(ex.get("no_date") for ex in exs), lang
        assert any(ex.get("anchor") for ex in exs), lang
        assert any(ex.get("flagged") for ex in exs), lang
        assert any(ex.get("calendar") == "julian" for ex in exs), lang
        assert any("/" in str(ex.get("edtf")) for ex in exs), lang
        assert any(ex.get("qualifier") for ex in exs), lang
        assert any(str(ex.get("edtf", "")).endswith("X") for ex in exs), lang


def test_unknown_language_raises_e101():
    with pytest.raises(LanguageDataError) as exc:
        tag("3 March 1921", "xx")
    assert exc.value.code == "E101"
    assert "xx" in str(exc.value)


def test_alternatives_are_case_insensitive():
    assert tag("31 DECEMBER 1919", "en")[0].edtf == "1919-12-31"
    assert tag("12 de MARZO de 1921", "es")[0].edtf == "1921-03-12"


def _rules_used(lang):
    used = set()
    g = load(lang)
    for ex in g.examples:
        for e in tag(ex["text"], lang, anchor=ex.get("anchor"), dct=ex.get("dct")):
            for name in (e.rule or "").split("+"):
                used.add(name)
        # a "reference" rule ("S. 1492") finds no expression: its example is a no_date one it matches
        if ex.get("no_date"):
            used |= {r.name for r in g.rules if r.kind == "reference" and r.regex.search(ex["text"])}
    return used


def test_every_rule_has_an_example():
    shared_used = set()
    for lang in SUPPORTED_LANGS:
        used = _rules_used(lang)
        shared_used |= used
        own = [r.name for r in load(lang).rules if r.name.startswith(lang + "_")]
        assert [r for r in own if r not in used] == [], lang
    shared = {r.name for r in load("en").rules if not r.name[:3] in {f"{l}_" for l in SUPPORTED_LANGS}}
    assert shared - shared_used == set()


def test_rules_use_named_groups_only():
    for lang in SUPPORTED_LANGS:
        for rule in load(lang).rules:
            assert rule.regex.groups == len(rule.regex.groupindex), (lang, rule.name)


def test_grammar_is_compiled_once():
    assert load("es") is load("es")


@pytest.mark.parametrize("lang,text", [
    ("de", "Vgl. S. 1492 und Bd. 1871."),
    ("fr", "Voir t. II, pp. 1812-1830."),
    ("it", "Si veda il vol. II, pp. 1492-1498."),
    ("pt", "Veja-se a pág. 1640 e o vol. 1822."),
])
def test_page_and_volume_numbers_are_not_years(lang, text):
    assert [e.text for e in tag(text, lang)] == []
