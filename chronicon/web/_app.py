"""The FastAPI app: a JSON API under /api and HTML pages (Jinja2, autoescaped)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from ._data import (
    LANG_NAMES,
    VERDICT_HELP,
    VERDICT_LABELS,
    Catalog,
    event_detail,
    facets,
    filter_events,
    public_event,
)

HERE = Path(__file__).resolve().parent
VERDICT_ORDER = ("contradiction", "calendar_style", "compatible", "agree", "single")


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.globals.update(
        VERDICT_LABELS=VERDICT_LABELS, VERDICT_HELP=VERDICT_HELP, VERDICT_ORDER=VERDICT_ORDER, LANG_NAMES=LANG_NAMES
    )
    return env


def create_app(db_path: str | os.PathLike) -> FastAPI:
    """The viewer over the store at ``db_path`` (opened read-only; raises StoreError when unreadable)."""
    catalog = Catalog(db_path)
    env = _env()
    app = FastAPI(
        title="Chronicon viewer",
        description="Dated claims of many sources, side by side: agreement, precision, calendar style, contradiction.",
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.catalog = catalog
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(name: str, request: Request, status: int = 200, **ctx) -> HTMLResponse:
        snap = catalog.get()
        html = env.get_template(name).render(
            request=request, store_name=catalog.name, counts=snap.counts, path=request.url.path, **ctx
        )
        return HTMLResponse(html, status_code=status)

    # -- API ---------------------------------------------------------------------------------
    @app.get("/api/events", tags=["api"])
    def api_events(
        person: Optional[str] = Query(None, description="Person id (e.g. grigori_rasputin) or name."),
        type: Optional[str] = Query(None, description="Event type(s), comma-separated (birth, death, ...)."),
        verdict: Optional[str] = Query(None, description="Verdict(s), comma-separated."),
        source: Optional[str] = Query(None, description="Only events a given source reports."),
        q: Optional[str] = Query(None, description="Words to find in subject, type, place, quotes, explanation."),
        min_sources: int = Query(0, ge=0, description="Only events reported by at least this many sources."),
    ) -> dict:
        snap = catalog.get()
        evs = filter_events(snap, person=person, type=type, verdict=verdict, source=source, q=q, min_sources=min_sources)
        return {"count": len(evs), "total": len(snap.events), "events": [public_event(e) for e in evs]}

    @app.get("/api/events/{event_id}", tags=["api"])
    def api_event(event_id: str) -> dict:
        d = event_detail(catalog.get(), event_id)
        if d is None:
            raise HTTPException(404, f"no event {event_id}")
        return d

    @app.get("/api/persons", tags=["api"])
    def api_persons() -> dict:
        return {"persons": catalog.get().persons}

    @app.get("/api/persons/{person_id}", tags=["api"])
    def api_person(person_id: str) -> dict:
        snap = catalog.get()
        p = snap.person_by_key.get(person_id)
        if p is None:
            raise HTTPException(404, f"no person {person_id}")
        return {**p, "events": [public_event(e) for e in filter_events(snap, person=p["id"])]}

    @app.get("/api/sources", tags=["api"])
    def api_sources() -> dict:
        return {"sources": catalog.get().sources}

    @app.get("/api/facets", tags=["api"])
    def api_facets() -> dict:
        return facets(catalog.get())

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        detail = getattr(exc, "detail", "not found")
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=404)
        return page("error.html", request, status=404, message=str(detail))

    # -- pages ---------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        return page("index.html", request, facets=facets(catalog.get()), person=None)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        d = event_detail(catalog.get(), event_id)
        if d is None:
            raise HTTPException(404, f"no event {event_id}")
        return page("event.html", request, e=d)

    @app.get("/persons", response_class=HTMLResponse, include_in_schema=False)
    def persons_page(request: Request):
        return page("persons.html", request, persons=catalog.get().persons)

    @app.get("/persons/{person_id}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, person_id: str):
        snap = catalog.get()
        p = snap.person_by_key.get(person_id)
        if p is None:
            raise HTTPException(404, f"no person {person_id}")
        evs = filter_events(snap, person=p["id"])
        return page("person.html", request, p=p, events=evs, facets=facets(snap))

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request):
        return page("sources.html", request, sources=catalog.get().sources)

    return app
