"""The Typer app, shared options, and the one rule of every command: bad input
gives one clear line naming the file and the problem, never a traceback."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import ChroniconError
from ..model import Problem

#: Click's base error as Typer ships it (Typer vendors its own Click): usage mistakes.
_CLICK_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

app = typer.Typer(
    name="chronicon",
    help="Read sources in several languages, extract dated claims, and lay them side by side.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB_HELP = "SQLite store (one file is the whole state)."
LANG_HELP = "Force the language of every source (en, es, fr, it, pt, de) instead of detecting it."
ALIASES_HELP = "Extra alias file(s) (YAML, same form as chronicon/entities/data/aliases.yaml)."

# Options shared by several commands, declared once (each command names them as defaults).
LANG_OPTION = typer.Option(None, "--lang", help=LANG_HELP)
ALIASES_OPTION = typer.Option(None, "--aliases", help=ALIASES_HELP)
OUT_OPTION = typer.Option(None, "--out", "-o", help="Write here instead of standard output.")
STORE_OPTION = typer.Option(None, "--db", help=DB_HELP + " Without it nothing is stored.")


def report_problems(problems: list[Problem]) -> None:
    for p in problems:
        err.print(f"[yellow]skipped[/yellow] {escape(str(p))}", highlight=False, markup=True)


def guarded(fn: Callable) -> Callable:
    """Turn Chronicon's errors (and any other failure) into one line and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ChroniconError as e:
            err.print(f"[red]error[/red] {escape(str(e))}", highlight=False)
            raise typer.Exit(2)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, _CLICK_ERROR):
            raise  # usage errors are Click's: it prints the usage line and exits with 2
        except Exception as e:  # noqa: BLE001 - the user gets one line, developers a traceback on demand
            if os.environ.get("CHRONICON_DEBUG"):
                raise
            err.print(
                f"[red]internal error[/red] {type(e).__name__}: {escape(str(e))} (set CHRONICON_DEBUG=1 for the traceback)",
                highlight=False,
            )
            raise typer.Exit(3)

    return wrapper


def progress_bar(total_label: str = "reading"):
    """A progress callback for Pipeline runs (drawn only on a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    prog = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = None

    def callback(done: int, total: int, current: str) -> None:
        nonlocal task
        if task is None:
            task = prog.add_task(total_label, total=total, current="")
        prog.update(task, completed=done, current=current)

    return prog, callback


def write_text(text: str, dest: Optional[Path]) -> None:
    if dest is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text if text.endswith("\n") else text + "\n", "utf-8")
        err.print(f"wrote {dest}")


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def exit_if_nothing_read(n_read: int, problems: list[Problem]) -> None:
    if n_read == 0:
        if not problems:
            err.print("[red]error[/red] no sources given")
        raise typer.Exit(1)
