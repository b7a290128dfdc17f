"""evaluate: score a reconcile output against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from .._evaluate import evaluate as _evaluate
from .._evaluate import load_gold, load_output
from ._app import app, guarded, out


@app.command()
@guarded
def evaluate(
    gold: Path = typer.Argument(..., help="Gold YAML (the form of shared/data/dev/seeds_gold.yaml)."),
    output: Path = typer.Argument(..., help="Output of `chronicon reconcile --format json`."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    show_missed: bool = typer.Option(False, "--missed", help="List the gold claims no system claim matched."),
) -> None:
    """Date recall, full recall, precision, clustering (B-cubed) and verdict accuracy.

    Example: chronicon reconcile examples/rasputin > out.json && chronicon evaluate examples/rasputin/gold.yaml out.json
    """
    rep = _evaluate(load_gold(gold), load_output(output))
    if as_json:
        d = rep.to_dict()
        if not show_missed:
            d.pop("missed")
        out.print_json(json.dumps(d, ensure_ascii=False))
        return
    t = Table(title=f"{gold.name} vs {output.name}")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("gold claims (dated)", str(rep.gold_claims))
    t.add_row("system claims (same sources)", str(rep.system_claims))
    t.add_row("date recall", f"{rep.date_recall:.3f}")
    t.add_row("full recall (date+type+subject)", f"{rep.full_recall:.3f}")
    t.add_row("precision (source+date+type)", f"{rep.precision:.3f}")
    t.add_row("precision (source+date)", f"{rep.date_precision:.3f}")
    t.add_row("clustering B-cubed P / R / F1", f"{rep.bcubed_precision:.3f} / {rep.bcubed_recall:.3f} / {rep.bcubed_f1:.3f}")
    t.add_row("verdict accuracy", f"{rep.verdict_accuracy:.3f} ({rep.verdicts_right}/{rep.verdicts_total})")
    if rep.quantities_total:
        t.add_row("quantities recall / precision", f"{rep.quantity_recall:.3f} / {rep.quantity_precision:.3f} (gold {rep.quantities_total})")
    out.print(t)
    v = Table(title="verdicts")
    for col in ("event", "want", "got", ""):
        v.add_column(col)
    for r in rep.verdict_rows:
        v.add_row(str(r["event"]), str(r["want"]), str(r["got"]), "[green]ok[/]" if r["ok"] else "[red]wrong[/]")
    out.print(v)
    if show_missed:
        for m in rep.missed:
            out.print(f"missed {m['id']} {m['type']} {m['date']} «{m['date_text']}»")
