"""`chronicon serve`: the web viewer over a store (issue 7)."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import DB_HELP, app, err, guarded


@app.command("serve")
@guarded
def serve(
    db: Path = typer.Option(..., "--db", help=DB_HELP + " Opened read-only."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 to share on the network)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """A web viewer: timeline, each event's sources side by side, filters, a page per person.

    Example: chronicon demo --db demo.db && chronicon serve --db demo.db
    """
    import uvicorn

    from ..web import create_app

    web_app = create_app(db)  # reads the store now: a missing or foreign file fails here, in one line
    err.print(f"Chronicon viewer on [bold]http://{host}:{port}/[/bold] (store {db}, read-only; Ctrl-C stops)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
