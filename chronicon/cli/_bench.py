"""`chronicon bench ...`: measurements (each subcommand lives in its own module)."""

from __future__ import annotations

import typer

from ._app import app

bench_app = typer.Typer(help="Measure Chronicon: accuracy and speed of a stage.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
