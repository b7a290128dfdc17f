"""`chronicon export`: the store's claims and events in the formats people use (issue 7)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..export import FORMATS, check_format, export
from ._app import DB_HELP, app, err, guarded

_FORMATS_HELP = "; ".join(f"{f.name}: {f.help}" for f in FORMATS.values())


@app.command("export")
@guarded
def export_cmd(
    db: Path = typer.Option(..., "--db", help=DB_HELP + " Read only."),
    to: str = typer.Option(..., "--to", "-t", help=f"Format. {_FORMATS_HELP}."),
    out_file: Path = typer.Option(
        ..., "--out", "-o",
        help="File to write. csv writes the events there and the claims beside it (events.csv -> "
             "events_claims.csv); given an existing folder, csv writes events.csv and claims.csv in it.",
    ),
) -> None:
    """Export a store's events and claims; every date keeps its precision, calendar and source.

    Example: chronicon export --db chronicon.db --to timelinejs --out timeline.json
    """
    from ..store import Store

    check_format(to)  # before opening anything: an unknown format is one line, exit 2
    with Store(db, readonly=True) as st:
        written = export(st, to, out_file)
    for p in written:
        err.print(f"wrote {p}", highlight=False)
    if to == "quickstatements" and all(p.stat().st_size == 0 for p in written):
        err.print("note: no statement: no claim of a mapped type has a subject with a Wikidata QID in the store")
