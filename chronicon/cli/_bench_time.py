"""`chronicon bench time --lang en|es [--json]`: the in-repo TempEval-3 evaluation of
the time stage (issue 4) on ../shared/data/tempeval3 (scorer: chronicon/time/_tempeval.py);
`--lang fr|it|pt|de`: the project's own test sets, bench/gold/time/<lang>.yaml
(scorer: chronicon/time/_owntests.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ._app import dumps, guarded, out
from ._bench import bench_app

#: ../shared/data/tempeval3 next to the repository (override: --data or CHRONICON_TEMPEVAL3)
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tempeval3"

ROWS = [
    ("strict span", "strict_precision", "strict_recall", "strict_f1"),
    ("relaxed span", "relaxed_precision", "relaxed_recall", "relaxed_f1"),
]


def data_dir(given: Optional[Path]) -> Path:
    return given or Path(os.environ.get("CHRONICON_TEMPEVAL3", DEFAULT_DATA))


@bench_app.command("time")
@guarded
def bench_time(
    lang: str = typer.Option(..., "--lang", help="en (te3-platinum), es (Spanish TimeBank test), "
                                                 "or fr, it, pt, de (own test sets, bench/gold/time)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON (same keys)."),
    split: str = typer.Option("test", "--split", help="test (report) or train (tuning)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
    data: Optional[Path] = typer.Option(None, "--data", help="The tempeval3 data folder."),
    errors: bool = typer.Option(False, "--errors", help="Own test sets: also list the mistakes."),
) -> None:
    """TempEval-3 TIMEX3 scores (strict and relaxed spans, value F1, type accuracy) and speed;
    for fr, it, pt, de the own test sets (accuracy, EDTF value accuracy, precision)."""
    from ..time._owntests import LANGS as OWN_LANGS
    from ..time._tempeval import bench

    if lang in OWN_LANGS:
        own_tests(lang, as_json, errors)
        return
    if lang not in ("en", "es"):
        raise typer.BadParameter(f"no test data for '{lang}' (en, es, {', '.join(OWN_LANGS)})",
                                 param_hint="--lang")
    if split not in ("test", "train"):
        raise typer.BadParameter(f"unknown split '{split}' (test or train)", param_hint="--split")
    root = data_dir(data)
    if not root.is_dir():
        from ..errors import ChroniconError

        raise ChroniconError(f"{root}: no TempEval-3 data folder (see --data)")
    figures, _ = bench(root, lang, split, limit, repeat=1 if limit else 5)
    if as_json:
        out.print(dumps(figures), highlight=False, markup=False)
        return
    t = Table(title=f"TempEval-3 {lang} {split}: {figures['documents']} documents, "
                    f"{figures['gold']} gold / {figures['system']} system TIMEX3")
    for col in ("measure", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "measure" else "right")
    for label, p, r, f in ROWS:
        t.add_row(label, f"{figures[p]:.2f}", f"{figures[r]:.2f}", f"{figures[f]:.2f}")
    t.add_row("value F1", "", "", f"{figures['value_f1']:.2f}")
    t.add_row("value accuracy", "", "", f"{figures['value_accuracy']:.2f}")
    t.add_row("type accuracy", "", "", f"{figures['type_accuracy']:.2f}")
    t.add_row("type F1", "", "", f"{figures['type_f1']:.2f}")
    out.print(t)
    out.print(f"tokens/s (time stage alone, one core): {figures['tokens_per_second']:,} wall-clock "
              f"({figures['tokens']:,} tokens in {figures['seconds']:.3f} s), "
              f"{figures['cpu_tokens_per_second']:,} CPU ({figures['cpu_seconds']:.3f} s of process time)",
              highlight=False)


OWN_ROWS = [
    ("gold expressions", "gold", "{}"),
    ("system expressions", "system", "{}"),
    ("found (span overlap)", "found", "{:.2%}"),
    ("exact span", "exact_span", "{:.2%}"),
    ("EDTF value accuracy (over gold)", "value_accuracy", "{:.2%}"),
    ("precision (spurious: {spurious})", "precision", "{:.2%}"),
    ("accuracy = right / (gold + spurious)", "accuracy", "{:.2%}"),
    ("sentence accuracy ({sentences} sentences)", "sentence_accuracy", "{:.2%}"),
]


def own_tests(lang: str, as_json: bool, errors: bool) -> None:
    """The own test set of ``lang`` (bench/gold/time/<lang>.yaml), scored."""
    from ..time._owntests import bench as own_bench

    figures = own_bench(lang)
    mistakes = figures.pop("mistakes")
    if errors:
        figures["mistakes"] = mistakes
    if as_json:
        out.print(dumps(figures), highlight=False, markup=False)
        return
    t = Table(title=f"Own time test set {lang}: bench/gold/time/{lang}.yaml")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for label, key, fmt in OWN_ROWS:
        t.add_row(label.format(**figures), fmt.format(figures[key]))
    out.print(t)
    if errors:
        for res in mistakes:
            for g in res["gold"]:
                if not g["right"]:
                    out.print(f"{res['id']}: {g['span']!r} -> {g['found']!r}: {'; '.join(g['errors'])}",
                              highlight=False, markup=False)
            for sp in res["spurious"]:
                out.print(f"{res['id']}: spurious {sp['span']!r} ({sp['type']} {sp['edtf']})",
                          highlight=False, markup=False)
