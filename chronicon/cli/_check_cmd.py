"""`chronicon check`: editor mode, an article's dated claims against sources (issue 7)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .._check import VERB, abbreviate, check_article, describe, to_markdown
from .._edtf import human
from .._pipeline import Pipeline
from ._app import (
    ALIASES_OPTION,
    LANG_OPTION,
    OUT_OPTION,
    STORE_OPTION,
    app,
    err,
    guarded,
    out,
    report_problems,
    write_text,
)

#: Styles as the timeline's verdicts: contradictions red, calendar style magenta, finer dates cyan.
RELATION_STYLE = {
    "support": "green",
    "refine": "cyan",
    "explain": "magenta",
    "contradict": "bold red",
    "undated": "dim",
}
FORMATS = ("table", "markdown")


def check_table(rows, title: str) -> Table:
    """One row per article claim: its sentence, date and event, then each source's verdict."""
    table = Table(title=title, show_lines=True, expand=False)
    table.add_column("article says", max_width=40)
    table.add_column("date as written", max_width=18)
    table.add_column("event", max_width=24)
    table.add_column("what the sources say")
    for row in rows:
        c = row.claim
        what = c.type.replace("_", " ") + (f": {c.subject}" if c.subject else "")
        cell = Text()
        for sc in row.checks:
            if cell:
                cell.append("\n")
            cell.append(VERB[sc.relation], style=RELATION_STYLE.get(sc.relation, ""))
            cell.append(f"  {sc.source}", style="bold")
            cell.append(f"  {human(sc.date) if sc.date else 'no date'}")
            note = describe(sc)
            if note:
                cell.append(f"  ({abbreviate(note, 70)})", style=RELATION_STYLE.get(sc.relation, ""))
            cell.append(f"  «{abbreviate(sc.quote, 60)}»", style="italic dim")
        if row.silent:
            if cell:
                cell.append("\n")
            cell.append("silent", style="dim")
            cell.append(f"  {', '.join(row.silent)}", style="dim")
        if not cell:
            cell.append("no source to check against", style="dim")
        table.add_row(
            abbreviate(c.quote, 120),
            Text(c.date_text or human(c.date), style="bold"),
            what,
            cell,
        )
    return table


@app.command("check")
@guarded
def check_cmd(
    article: Path = typer.Argument(..., metavar="ARTICLE", help="The article to check (one file: txt, md, html, xml/tei)."),
    against: List[Path] = typer.Option(
        ..., "--against", "-a", help="Source files or folders to check it against (repeat the option or list them)."
    ),
    extra: Optional[List[Path]] = typer.Argument(
        None, metavar="SOURCES", show_default=False,
        help="More sources: in 'check ARTICLE --against A B C', B and C are sources too.",
    ),
    format: str = typer.Option("table", "--format", "-f", help="table (terminal) or markdown."),
    out_file: Optional[Path] = OUT_OPTION,
    db: Optional[Path] = STORE_OPTION,
    lang: Optional[str] = LANG_OPTION,
    aliases: Optional[List[Path]] = ALIASES_OPTION,
) -> None:
    """Check an article's dated claims against sources: who supports, refines, explains or contradicts each.

    Example: chronicon check wikipedia_section.md --against sources/ --format markdown --out report.md
    """
    if format not in FORMATS:
        raise typer.BadParameter(f"unknown format '{format}' ({' or '.join(FORMATS)})", param_hint="--format")
    sources = list(against) + list(extra or [])
    result = check_article(article, sources, db=db, pipeline=Pipeline(lang=lang, aliases=aliases or ()))
    report_problems(result.problems)
    n = len(result.sources)
    title = f"{article.name} checked against {n} source{'s' if n != 1 else ''}"
    if format == "markdown":
        write_text(to_markdown(result.rows, title=title), out_file)
        return
    if out_file is not None:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        with out_file.open("w", encoding="utf-8") as fh:
            Console(file=fh, width=160, soft_wrap=False).print(check_table(result.rows, title))
        err.print(f"wrote {out_file}")
        return
    if not result.rows:
        out.print(f"{article.name}: no dated claim found")
        return
    out.print(check_table(result.rows, title))
    counts = {r: sum(1 for row in result.rows if row.sources_that(r)) for r in ("support", "refine", "explain", "contradict")}
    silent = sum(1 for row in result.rows if not row.checks)
    out.print(
        f"{len(result.rows)} dated claims: {counts['support']} supported, {counts['refine']} refined, "
        f"{counts['explain']} explained by the calendar, [bold red]{counts['contradict']} contradicted[/], "
        f"{silent} with no source"
    )
