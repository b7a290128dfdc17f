"""`chronicon bench claims`: per-language scoring of sentence gold."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from chronicon.cli import app

GOLD = """
- {id: en-1, lang: en, text: "Trotsky was banished to Alma-Ata on 17 January 1928.", claims: [{type: internal_exile, subject: Leon Trotsky, date: 1928-01-17}]}
- {id: en-2, lang: en, text: "Trotsky was never arrested in 1930.", claims: []}
- {id: en-3, lang: en, text: "Lenin was born in 1870.", claims: [{type: death, subject: Vladimir Lenin, date: 1870}]}
- {id: es-1, lang: es, text: "Trotsky y Zinóviev fueron expulsados del partido el 12 de noviembre de 1927.", claims: [{type: expulsion_from_organization, subject: Leon Trotsky, date: 1927-11-12}, {type: expulsion_from_organization, subject: Grigory Zinoviev, date: 1927-11-12}]}
"""


def test_bench_claims_scores_each_language(tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, "utf-8")
    res = CliRunner().invoke(app, ["bench", "claims", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    en, es = rep["languages"]["en"], rep["languages"]["es"]
    # en-3's gold says "death" on purpose: the birth claim has the date but not the type
    assert (en["gold_claims"], en["date_recall"], en["full_recall"]) == (2, 1.0, 0.5)
    assert en["precision"] == 0.5 and (en["traps"], en["trap_accuracy"]) == (1, 1.0)
    assert (es["full_recall"], es["precision"]) == (1.0, 1.0)


def test_bench_claims_bad_gold_is_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: [unclosed", "utf-8")
    res = CliRunner().invoke(app, ["bench", "claims", str(bad)])
    assert res.exit_code == 2
    assert "Traceback" not in res.output and "bad.yaml" in res.output
