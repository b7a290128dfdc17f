"""The own time test sets (bench/gold/time/<lang>.yaml, fr/it/pt/de): each language at
>= 95% accuracy, and the scorer itself on tiny hand-made cases."""

from __future__ import annotations

import pytest

from chronicon.time._owntests import LANGS, bench, check, load_set, score
from chronicon.model import TimeExpression


@pytest.mark.parametrize("lang", LANGS)
def test_own_test_set_accuracy_is_at_least_95_percent(lang):
    figures = bench(lang)
    assert figures["sentences"] >= 45 and figures["gold"] >= 45, figures
    wrong = [(m["id"], [g for g in m["gold"] if not g["right"]], m["spurious"]) for m in figures["mistakes"]]
    assert figures["accuracy"] >= 0.95, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_own_test_set_covers_the_forms_of_the_issue(lang):
    items = load_set(lang)
    gold = [g for it in items for g in it.get("expect") or []]
    edtf = [str(g.get("edtf")) for g in gold]
    assert any(e.endswith("-23") or e.endswith("-21") for e in edtf)  # seasons
    assert any(e.endswith("XX") for e in edtf) and any(e[-1] == "X" and e[-2] != "X" for e in edtf)
    assert any(e.startswith("../") for e in edtf) and any(e.endswith("/..") for e in edtf)
    assert any("/" in e and ".." not in e for e in edtf)  # closed intervals
    assert any(e.endswith("~") for e in edtf) and any(e.startswith("-") for e in edtf)  # approximate, BC
    assert {"early", "mid", "late"} <= {g.get("qualifier") for g in gold}
    assert any(g.get("calendar") == "julian" for g in gold) and any(g.get("julian") for g in gold)
    assert any(g.get("flagged") for g in gold)
    assert any(g.get("resolution") == "unresolved" for g in gold)
    assert {"DURATION", "SET", "TIME"} <= {g.get("type") for g in gold}
    assert any(it.get("dct") for it in items)
    assert sum(1 for it in items if not it.get("expect")) >= 2  # traps


def test_every_gold_span_is_in_its_text_and_every_value_parses():
    from edtf import parse_edtf

    for lang in LANGS:
        for it in load_set(lang):
            pos = 0
            for g in it.get("expect") or []:
                pos = it["text"].index(g["span"], pos)  # ValueError if missing
                if g.get("edtf") is not None:
                    parse_edtf(str(g["edtf"]))


TINY = [
    {"id": "right", "text": "Il arriva le 3 mars 1921 à Paris.",
     "expect": [{"span": "3 mars 1921", "edtf": "1921-03-03"}]},
    {"id": "wrong", "text": "Le 3 mars 1921, il partit.",
     "expect": [{"span": "3 mars 1921", "edtf": "1921-03-04"}]},  # deliberately wrong gold
]


def test_scorer_counts_one_right_and_one_wrong():
    f = score(TINY, "fr")
    assert (f["gold"], f["right"], f["spurious"]) == (2, 1, 0)
    assert f["accuracy"] == 0.5 and f["value_accuracy"] == 0.5 and f["sentence_accuracy"] == 0.5
    assert f["found"] == 1.0 and f["precision"] == 1.0
    assert [m["id"] for m in f["mistakes"]] == ["wrong"]
    assert f["mistakes"][0]["gold"][0]["errors"] == ["edtf: expected '1921-03-04', got '1921-03-03'"]


def test_scorer_counts_a_spurious_expression_and_a_miss():
    items = [{"id": "trap", "text": "Il partit en 1930.", "expect": []},  # "1930" is spurious here
             {"id": "miss", "text": "Rien ici.", "expect": [{"span": "Rien", "edtf": "1921"}]}]
    f = score(items, "fr")
    assert f["spurious"] == 1 and f["precision"] == 0.0
    assert f["found"] == 0.0 and f["right"] == 0
    assert f["accuracy"] == 0.0 and f["sentence_accuracy"] == 0.0


def test_check_compares_qualifier_and_calendar_by_default():
    e = TimeExpression(0, 8, "fin 1932", edtf="1932", value="1932", qualifier="late", lang="fr")
    assert check({"span": "fin 1932", "edtf": "1932", "qualifier": "late"}, e) == []
    assert check({"span": "fin 1932", "edtf": "1932"}, e) == ["qualifier: expected None, got 'late'"]
    e.calendar = "julian"
    assert "calendar: expected 'unstated', got 'julian'" in check({"span": "x", "edtf": "1932", "qualifier": "late"}, e)


def test_cli_prints_the_own_figures(tmp_path):
    import json

    from typer.testing import CliRunner

    from chronicon.cli import app

    res = CliRunner().invoke(app, ["bench", "time", "--lang", "pt", "--json"])
    assert res.exit_code == 0, res.output
    f = json.loads(res.output)
    assert f["lang"] == "pt" and f["accuracy"] >= 0.95 and "mistakes" not in f
