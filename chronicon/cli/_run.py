"""extract, reconcile, timeline, demo: the verbs that run the pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

from .._edtf import human, parse_range
from .._pipeline import Pipeline, RunResult
from ..model import Claim, Event
from ._app import (
    ALIASES_OPTION,
    DB_HELP,
    LANG_OPTION,
    OUT_OPTION,
    STORE_OPTION,
    app,
    dumps,
    err,
    exit_if_nothing_read,
    guarded,
    out,
    progress_bar,
    report_problems,
    write_text,
)

PATHS = typer.Argument(..., help="Source files or folders (txt, md, html, xml/tei).")

VERDICT_STYLE = {
    "contradiction": "bold red",
    "calendar_style": "magenta",
    "compatible": "cyan",
    "agree": "green",
    "single": "dim",
}


def _pipeline(lang: Optional[str], aliases: Optional[List[Path]]) -> Pipeline:
    return Pipeline(lang=lang, aliases=aliases or ())


def _run(pipe: Pipeline, paths: List[Path], db: Optional[Path], command: str, full: bool = False) -> RunResult:
    prog, cb = progress_bar()
    with prog:
        result = pipe.run(paths, db=db, command=command, progress=cb, full=full)
    report_problems(result.problems)
    exit_if_nothing_read(len(result.documents) + len(result.skipped), result.problems)
    if db is not None:
        _report_store_run(db)
    return result


def _report_store_run(db: Path) -> None:
    """One line on stderr: what the run added to the store and which events it rebuilt."""
    from ..store import Store

    with Store(db, readonly=True) as st:
        r = st.conn.execute(
            "SELECT sources_added, sources_skipped, events_rebuilt, events_kept FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    if r is not None:
        err.print(
            f"{db}: {r[0]} source(s) added, {r[1]} already stored; "
            f"{r[2] or 0} event(s) rebuilt, {r[3] or 0} left as they were"
        )


def _check_format(fmt: str, known: tuple[str, ...]) -> None:
    """Before any work: a wrong --format is a usage error, not a late failure."""
    if fmt not in known:
        raise typer.BadParameter(f"unknown format '{fmt}' ({' or '.join(known)})", param_hint="--format")


def reconcile_json(events: list[Event], claims: list[Claim]) -> dict:
    return {"events": [e.to_dict() for e in events], "claims": [c.to_dict() for c in claims]}


@app.command()
@guarded
def extract(
    paths: List[Path] = PATHS,
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one claim per line) or json."),
    out_file: Optional[Path] = OUT_OPTION,
    lang: Optional[str] = LANG_OPTION,
    aliases: Optional[List[Path]] = ALIASES_OPTION,
) -> None:
    """Extract dated claims from every source, one JSON object per claim.

    Example: chronicon extract examples/rasputin --format jsonl > claims.jsonl
    """
    _check_format(format, ("jsonl", "json"))
    pipe = _pipeline(lang, aliases)
    prog, cb = progress_bar()
    with prog:
        result = pipe.extract(paths, progress=cb)
    report_problems(result.problems)
    exit_if_nothing_read(len(result.documents), result.problems)
    if format == "jsonl":
        text = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in result.claims)
    else:
        text = dumps([c.to_dict() for c in result.claims])
    write_text(text, out_file)


@app.command()
@guarded
def reconcile(
    paths: List[Path] = PATHS,
    format: str = typer.Option("json", "--format", "-f", help="json ({events, claims}) or table."),
    out_file: Optional[Path] = OUT_OPTION,
    db: Optional[Path] = STORE_OPTION,
    lang: Optional[str] = LANG_OPTION,
    aliases: Optional[List[Path]] = ALIASES_OPTION,
    full: bool = typer.Option(
        False, "--full", help="With --db: rebuild every event, not only those the new sources touch."
    ),
) -> None:
    """Group claims of all sources into events, with verdicts and explanations.

    With --db, sources are added to the store and only the events they touch are
    rebuilt; the output is every stored event.

    Example: chronicon reconcile ../shared/data/seeds --format json > events.json
    """
    _check_format(format, ("json", "table"))
    result = _run(_pipeline(lang, aliases), paths, db, "reconcile", full)
    if format == "json":
        write_text(dumps(reconcile_json(result.events, result.claims)), out_file)
    else:
        out.print(timeline_table(result.events, result.claims))


def _sort_key(e: Event):
    r = parse_range(e.best_date)
    return (r.lo if r and r.lo is not None else 10**9, e.subject)


def timeline_table(events: list[Event], claims: list[Claim], *, only_multi: bool = False) -> Table:
    """One row per event in date order; contradictions stand out."""
    by_id = {c.id: c for c in claims}
    table = Table(title="Chronicon timeline", show_lines=False, expand=False)
    table.add_column("best date", max_width=34)
    table.add_column("subject")
    table.add_column("event")
    table.add_column("verdict", no_wrap=True)
    table.add_column("what each source says")
    for e in sorted(events, key=_sort_key):
        if only_multi and len(e.sources) < 2:
            continue
        style = VERDICT_STYLE.get(e.verdict, "")
        what = e.type.replace("_", " ")
        if e.object:
            what += f": {e.object}"
        if e.place:
            what += f" ({e.place})"
        per_source = Text()
        for i, d in enumerate(e.dates):
            if i:
                per_source.append("\n")
            words = []
            for cid in d.claims:
                c = by_id.get(cid)
                if c and c.date_text and c.date_text not in words:
                    words.append(c.date_text)
            per_source.append(f"{human(d.date)}", style="bold" if e.verdict == "contradiction" else "")
            per_source.append(f"  {', '.join(d.sources)}", style="dim")
            if words:
                per_source.append(f"  «{' / '.join(words)}»", style="italic dim")
        table.add_row(
            Text(e.best_date_text or human(e.best_date), style="bold red" if e.verdict == "contradiction" else ""),
            e.subject,
            what,
            Text(e.verdict, style=style),
            per_source,
        )
    return table


@app.command()
@guarded
def timeline(
    paths: Optional[List[Path]] = typer.Argument(None, help="Sources to add first (optional when --db has them)."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    all_events: bool = typer.Option(False, "--all", help="Also show events only one source reports."),
    lang: Optional[str] = LANG_OPTION,
    aliases: Optional[List[Path]] = ALIASES_OPTION,
) -> None:
    """A readable timeline: best date, subject, type, verdict and each source's date.

    Example: chronicon timeline examples/rasputin --all
    """
    if paths:
        result = _run(_pipeline(lang, aliases), paths, db, "timeline")
        events, claims = result.events, result.claims
    elif db is not None:
        from ..store import Store

        with Store(db, readonly=True) as st:
            events, claims = st.events(), st.claims()
    else:
        raise typer.BadParameter("give source paths, or --db with a store", param_hint="PATHS")
    out.print(timeline_table(events, claims, only_multi=not all_events))
    _summary(events)


def _summary(events: list[Event]) -> None:
    counts: dict[str, int] = {}
    for e in events:
        counts[e.verdict] = counts.get(e.verdict, 0) + 1
    parts = [f"[{VERDICT_STYLE.get(v, '')}]{n} {v}[/]" for v, n in sorted(counts.items())]
    out.print(f"{len(events)} events: " + ", ".join(parts))


def bundled_corpus() -> Optional[Path]:
    here = Path(__file__).resolve()
    for root in (here.parents[2] / "examples" / "rasputin", Path.cwd() / "examples" / "rasputin"):
        if root.is_dir():
            return root
    return None


@app.command()
@guarded
def demo(
    db: Path = typer.Option(Path("chronicon-demo.db"), "--db", help=DB_HELP),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Folder of sources (default: the bundled examples/)."),
) -> None:
    """Run the whole pipeline on the bundled example corpus, store it, print the timeline.

    Example: chronicon demo --db /tmp/demo.db
    """
    corpus = corpus or bundled_corpus()
    if corpus is None:
        err.print("[red]error[/red] the example corpus (examples/) was not found; pass --corpus PATH")
        raise typer.Exit(2)
    err.print(f"reading the example corpus in {corpus} ...")
    result = _run(Pipeline(), [corpus], db, "demo")
    out.print(timeline_table(result.events, result.claims, only_multi=True))
    _summary(result.events)
    added = len(result.documents)
    out.print(
        f"store: [bold]{db.resolve()}[/bold] ({added} sources added, {len(result.skipped)} already there, "
        f"{len(result.claims)} claims, {len(result.events)} events)"
    )
    out.print(
        f"next: chronicon serve --db {db}   (the viewer)   |   chronicon timeline --db {db} --all   |   "
        f"chronicon export --db {db} --to timelinejs --out timeline.json"
    )
