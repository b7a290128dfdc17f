"""graphml: people, places, organisations/works, events and sources as nodes.

Node ids: ``event:<id>``, ``entity:<entity id>`` (or ``name:<label>`` when the
name was not resolved to an entity), ``source:<id>``. Every node has ``kind``
(person, place, organization, work, other, event, source) and ``label``.
Edges go from an event to its ``subject``, ``place`` and ``object`` (attribute
``role``) and to each ``source``, one edge per claim, carrying that source's
``date``, ``precision``, ``calendar``, ``date_text``, ``quote`` and ``claim``
id. Written with networkx (a directed multigraph), readable by
``networkx.read_graphml``, Gephi, yEd and Cytoscape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ._common import ExportData, event_calendar, precision


def _s(v) -> str:
    return "" if v is None else str(v)


def build(data: ExportData):
    import networkx as nx

    g = nx.MultiDiGraph(name="chronicon")
    for s in data.sources:
        g.add_node(f"source:{s['id']}", kind="source", label=s.get("title") or s["id"], path=s["path"],
                   lang=s["lang"], sha256=s["sha256"])

    def entity_node(eid: Optional[str], name: Optional[str], default_kind: str) -> Optional[str]:
        if not name and not eid:
            return None
        ent = data.entity_by_id.get(eid or "")
        if ent is not None:
            node = f"entity:{ent.id}"
            if node not in g:
                g.add_node(node, kind=ent.kind, label=ent.label, ids=json.dumps(ent.ids, ensure_ascii=False),
                           wikidata=_s(ent.ids.get("wikidata")))
            return node
        node = f"name:{name}"
        if node not in g:
            g.add_node(node, kind=default_kind, label=name, ids="{}", wikidata="")
        return node

    for e in data.events:
        claims = data.event_claims(e)
        ev = f"event:{e.id}"
        g.add_node(
            ev, kind="event", label=f"{e.subject}: {e.type.replace('_', ' ')}", type=e.type, verdict=e.verdict,
            explanation=e.explanation, best_date=_s(e.best_date), precision=_s(precision(e.best_date)),
            calendar=event_calendar(e), best_date_text=_s(e.best_date_text),
            dates=json.dumps(
                [{"date": d.date, "precision": precision(d.date), "calendar": d.calendar, "sources": d.sources}
                 for d in e.dates], ensure_ascii=False),
        )

        def first(attr: str) -> Optional[str]:
            return next((getattr(c, attr) for c in claims if getattr(c, attr)), None)

        for role, eid, name, kind in (
            ("subject", first("subject_id"), e.subject, "person"),
            ("place", first("place_id"), e.place, "place"),
            ("object", first("object_id"), e.object, "other"),
        ):
            if role != "subject" and not name:
                continue
            node = entity_node(eid, name, kind)
            if node is not None:
                g.add_edge(ev, node, role=role)
        for c in claims:
            g.add_edge(
                ev, f"source:{c.source}", role="source", claim=c.id, date=_s(c.date), precision=_s(precision(c.date)),
                calendar=c.calendar, julian_date=_s(c.julian_date), date_text=_s(c.date_text), quote=c.quote,
                lang=c.lang,
            )
    return g


def write(data: ExportData, out: Path) -> list[Path]:
    import networkx as nx

    nx.write_graphml(build(data), str(out), encoding="utf-8")
    return [out]
