"""`chronicon bench claims`: claims per language on a sentence-level gold set."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

import typer
import yaml
from rich.table import Table

from .._evaluate import EvaluationError, evaluate_sentences
from .._pipeline import Pipeline
from ..errors import error
from ._app import guarded, out
from ._bench import bench_app

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "bench" / "gold" / "claims_multilingual.yaml"


@bench_app.command("claims")
@guarded
def bench_claims(
    gold: Optional[Path] = typer.Argument(None, help="Sentence gold YAML (default: bench/gold/claims_multilingual.yaml)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    show_rows: bool = typer.Option(False, "--rows", help="Also list each item's found/spurious counts."),
) -> None:
    """Date recall, full recall, precision and trap accuracy of the claims stage, per language.

    Example: chronicon bench claims --json
    """
    gold = gold or DEFAULT_GOLD
    try:
        items = yaml.safe_load(Path(gold).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise error(EvaluationError, "E502", str(gold), detail=str(e).splitlines()[0]) from None
    if isinstance(items, dict):
        items = items.get("items") or []
    pipe = Pipeline()

    def run(text: str, lang: str) -> list[dict]:
        return [c.to_dict() for c in pipe.process(pipe.from_text(text, lang=lang)).claims]

    run("Warm-up.", "en")
    t0 = time.perf_counter()
    rep = evaluate_sentences(items, run)
    secs = time.perf_counter() - t0
    words = sum(len(it["text"].split()) for it in items)
    rep["words"] = words
    rep["words_per_second"] = round(words / secs) if secs else None
    if as_json:
        if not show_rows:
            rep.pop("rows")
        out.print_json(json.dumps(rep, ensure_ascii=False))
        return
    t = Table(title=f"claims on {Path(gold).name}")
    for col in ("lang", "items", "gold", "system", "date recall", "full recall", "precision", "traps right"):
        t.add_column(col, justify="right")
    for lang, r in rep["languages"].items():
        t.add_row(
            lang, str(r["items"]), str(r["gold_claims"]), str(r["system_claims"]), f"{r['date_recall']:.3f}",
            f"{r['full_recall']:.3f}", f"{r['precision']:.3f}", f"{r['trap_accuracy']:.3f} of {r['traps']}",
        )
    out.print(t)
    out.print(f"{words} words, {rep['words_per_second']:,} words/s (whole pipeline, one core)")
    if show_rows:
        for r in rep["rows"]:
            out.print(r)
