"""webanno: W3C Web Annotations (https://www.w3.org/TR/annotation-model/), one per evidence span.

The file is an ``AnnotationCollection`` whose first ``AnnotationPage`` holds one
``Annotation`` per claim. The target is the source (``urn:chronicon:source:<id>``)
narrowed by a ``TextQuoteSelector`` (``exact`` = the evidence sentence,
``prefix``/``suffix`` = up to 32 characters around it) and a
``TextPositionSelector`` (``start``/``end`` = character offsets into the source
text as Chronicon read it). The body is the claim: a ``TextualBody`` whose
``value`` states it in English, with the claim's fields (type, subject, date
typed EDTF, precision, calendar, source) as Chronicon terms.

The W3C context ``http://www.w3.org/ns/anno.jsonld`` ships with Chronicon
(``data/anno_context.json``, written from the Web Annotation Vocabulary);
:func:`document_loader` serves it to JSON-LD processors (pyld) without network.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .._edtf import human
from ._common import NS, ExportData, claim_date_fields, precision
from ._jsonld import EDTF, iri

ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
_ANNO_URLS = (ANNO_CONTEXT_URL, "https://www.w3.org/ns/anno.jsonld", "http://www.w3.org/ns/anno",
              "https://www.w3.org/ns/anno")
AFFIX = 32

LOCAL_CONTEXT = {
    "chr": NS + "ns:",
    "claim": {"@id": "chr:claim", "@type": "@id"},
    "eventType": "chr:eventType",
    "subjectName": "chr:subject",
    "date": {"@id": "chr:date", "@type": EDTF},
    "julianDate": {"@id": "chr:julianDate", "@type": EDTF},
    "dateText": "chr:dateText",
    "precision": "chr:precision",
    "calendar": "chr:calendar",
    "sourceId": "chr:source",
    "lang": "chr:lang",
}


@lru_cache(maxsize=1)
def anno_context() -> dict:
    text = resources.files("chronicon.export").joinpath("data/anno_context.json").read_text("utf-8")
    return json.loads(text)


def document_loader(url: str, options=None) -> dict:
    """A pyld document loader that serves the W3C annotation context from the bundled file."""
    if url.rstrip("#") in _ANNO_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": anno_context()}
    raise ValueError(f"no network: cannot load {url} (only {ANNO_CONTEXT_URL} is bundled)")


def _annotation(data: ExportData, c) -> dict:
    src = data.source_by_id.get(c.source) or {}
    text = src.get("text") or ""
    a, b = c.span
    exact = text[a:b] if text and 0 <= a <= b <= len(text) else c.quote
    quote_sel = {"type": "TextQuoteSelector", "exact": exact}
    if text:
        quote_sel["prefix"] = text[max(0, a - AFFIX):a]
        quote_sel["suffix"] = text[b:b + AFFIX]
    what = c.type.replace("_", " ")
    extra = "".join(f", {k} {v}" for k, v in (("object", c.object), ("place", c.place)) if v)
    old = f"; Old Style {human(c.julian_date)}" if c.julian_date else ""
    value = (f"{c.subject}: {what}{extra} — {human(c.date)} "
             f"({precision(c.date) or 'no date'}, {c.calendar}{old}) — source {c.source}")
    body = {
        "type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
        "value": value, "claim": iri("claim", c.id), "eventType": c.type, "subjectName": c.subject,
        "calendar": c.calendar, "sourceId": c.source, "lang": c.lang,
    }
    body.update(claim_date_fields(c, "date"))
    return {
        "id": iri("annotation", c.id),
        "type": "Annotation",
        "motivation": "describing",
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": iri("source", c.source),
            "selector": [quote_sel, {"type": "TextPositionSelector", "start": a, "end": b}],
        },
    }


def document(data: ExportData) -> dict:
    items = [_annotation(data, c) for c in data.claims]
    return {
        "@context": [ANNO_CONTEXT_URL, LOCAL_CONTEXT],
        "id": NS + "annotations",
        "type": "AnnotationCollection",
        "label": "Chronicon: the evidence of every claim",
        "total": len(items),
        "first": {"id": NS + "annotations:page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write(data: ExportData, out: Path) -> list[Path]:
    out.write_text(json.dumps(document(data), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return [out]
