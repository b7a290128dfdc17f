"""json: the whole store in one file, the contract's fields plus precision.

``{"format": "chronicon", "version": 1, "events": [...], "claims": [...],
"sources": [...], "entities": [...]}``. Claims and events keep the field names
of shared/spec/output.md (``Claim.from_dict`` reads a claim back); each claim
adds ``precision`` and each entry of an event's ``dates`` adds ``precision``
(its ``calendar`` and ``sources`` are already there). Sources are listed without
their text (``sha256`` names the exact text).
"""

from __future__ import annotations

import json
from pathlib import Path

from ._common import ExportData, precision


def document(data: ExportData) -> dict:
    claims = []
    for c in data.claims:
        d = c.to_dict()
        d["precision"] = precision(c.date)
        claims.append(d)
    events = []
    for e in data.events:
        d = e.to_dict()
        d["best_date_precision"] = precision(e.best_date)
        for ds in d["dates"]:
            ds["precision"] = precision(ds["date"])
        events.append(d)
    sources = [{k: v for k, v in s.items() if k != "text"} for s in data.sources]
    entities = [
        {"id": e.id, "label": e.label, "kind": e.kind, "ids": e.ids} for e in data.entities
    ]
    return {"format": "chronicon", "version": 1, "events": events, "claims": claims,
            "sources": sources, "entities": entities}


def write(data: ExportData, out: Path) -> list[Path]:
    out.write_text(json.dumps(document(data), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return [out]
