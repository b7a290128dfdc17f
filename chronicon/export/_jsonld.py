"""jsonld: events as Simple Event Model (SEM) resources, provenance in PROV-O.

Vocabularies: SEM (http://semanticweb.cs.vu.nl/2009/11/sem/) for ``sem:Event``,
``sem:Actor``, ``sem:Place``, ``sem:EventType``, ``sem:hasActor``,
``sem:hasPlace``, ``sem:hasTimeStamp``, ``sem:eventType``; PROV-O for
``prov:wasDerivedFrom`` and ``prov:value``; rdfs:label; Chronicon's own terms
(verdict, explanation, precision, calendar, ...) under ``urn:chronicon:ns:``.
Dates are literals typed ``http://id.loc.gov/datatypes/edtf/EDTF`` (the Library
of Congress EDTF datatype). The context is inline: no network is needed to read
the file.

Each event ``prov:wasDerivedFrom`` its claims; each claim
``prov:wasDerivedFrom`` its source and carries the quoted sentence as
``prov:value``, its date with precision and calendar, and the date words. Each
distinct date of an event is a ``chr:DateReading`` with its precision, calendar
and the sources that give it.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ._common import NS, ExportData, claim_date_fields, event_calendar, precision

EDTF = "http://id.loc.gov/datatypes/edtf/EDTF"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
VOCAB = NS + "ns:"

CONTEXT = {
    "sem": SEM,
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "chr": VOCAB,
    "id": "@id",
    "type": "@type",
    "label": "rdfs:label",
    "eventType": {"@id": "sem:eventType", "@type": "@id"},
    "hasActor": {"@id": "sem:hasActor", "@type": "@id"},
    "hasPlace": {"@id": "sem:hasPlace", "@type": "@id"},
    "hasTimeStamp": {"@id": "sem:hasTimeStamp", "@type": EDTF},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "value": "prov:value",
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "language": "dcterms:language",
    "subject": {"@id": "chr:subject", "@type": "@id"},
    "object": {"@id": "chr:object", "@type": "@id"},
    "verdict": "chr:verdict",
    "explanation": "chr:explanation",
    "precision": "chr:precision",
    "calendar": "chr:calendar",
    "julianDate": {"@id": "chr:julianDate", "@type": EDTF},
    "dateText": "chr:dateText",
    "bestDateText": "chr:bestDateText",
    "dateReading": {"@id": "chr:dateReading", "@container": "@set"},
    "path": "chr:path",
    "spanStart": {"@id": "chr:spanStart", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
    "spanEnd": {"@id": "chr:spanEnd", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
    "confidence": {"@id": "chr:confidence", "@type": "http://www.w3.org/2001/XMLSchema#double"},
}

_KIND_TYPE = {"person": "sem:Actor", "organization": "sem:Actor", "place": "sem:Place"}


def iri(kind: str, local: str) -> str:
    return f"{NS}{kind}:{quote(local, safe='')}"


def document(data: ExportData) -> dict:
    graph: list[dict] = []
    for s in data.sources:
        node = {"id": iri("source", s["id"]), "type": ["prov:Entity", "chr:Source"],
                "label": s.get("title") or s["id"], "path": s["path"], "language": s["lang"]}
        graph.append(node)
    for t in sorted({e.type for e in data.events} | {c.type for c in data.claims}):
        graph.append({"id": iri("type", t), "type": "sem:EventType", "label": t.replace("_", " ")})
    used: dict[str, dict] = {}

    def entity(eid, name, kind_default):
        ent = data.entity_by_id.get(eid or "")
        key = iri("entity", ent.id) if ent else iri("name", name)
        if key not in used:
            kind = ent.kind if ent else kind_default
            node = {"id": key, "type": _KIND_TYPE.get(kind, "chr:Thing"), "label": ent.label if ent else name,
                    "chr:kind": kind}
            qid = ent.ids.get("wikidata") if ent else None
            if qid:
                node["sameAs"] = f"http://www.wikidata.org/entity/{qid}"
            used[key] = node
        return key

    for c in data.claims:
        node = {
            "id": iri("claim", c.id), "type": ["prov:Entity", "chr:Claim"],
            "eventType": iri("type", c.type),
            "subject": entity(c.subject_id, c.subject, "person"),
            "wasDerivedFrom": iri("source", c.source), "value": c.quote, "language": c.lang,
            "calendar": c.calendar, "spanStart": c.span[0], "spanEnd": c.span[1], "confidence": c.confidence,
        }
        node.update(claim_date_fields(c, "hasTimeStamp"))
        if c.object:
            node["object"] = entity(c.object_id, c.object, "other")
        if c.place:
            node["hasPlace"] = entity(c.place_id, c.place, "place")
        graph.append(node)
    for e in data.events:
        claims = data.event_claims(e)
        first = lambda a: next((getattr(c, a) for c in claims if getattr(c, a)), None)  # noqa: E731
        subj = entity(first("subject_id"), e.subject, "person")
        node = {
            "id": iri("event", e.id), "type": "sem:Event", "label": f"{e.subject}: {e.type.replace('_', ' ')}",
            "eventType": iri("type", e.type), "hasActor": [subj], "subject": subj,
            "verdict": e.verdict, "explanation": e.explanation, "calendar": event_calendar(e),
            "wasDerivedFrom": [iri("claim", c) for c in e.claims],
            "dateReading": [
                {"type": "chr:DateReading", **({"hasTimeStamp": d.date, "precision": precision(d.date)} if d.date else {}),
                 "calendar": d.calendar, "wasDerivedFrom": [iri("source", s) for s in d.sources]}
                for d in e.dates
            ],
        }
        if e.best_date:
            node["hasTimeStamp"] = e.best_date
            node["precision"] = precision(e.best_date)
        if e.best_date_text:
            node["bestDateText"] = e.best_date_text
        if e.place:
            node["hasPlace"] = entity(first("place_id"), e.place, "place")
        if e.object:
            obj = entity(first("object_id"), e.object, "other")
            node["object"] = obj
            if used[obj]["type"] == "sem:Actor":
                node["hasActor"].append(obj)
        graph.append(node)
    graph.extend(used.values())
    return {"@context": CONTEXT, "@graph": graph}


def write(data: ExportData, out: Path) -> list[Path]:
    out.write_text(json.dumps(document(data), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return [out]
