"""Stage 6b, export: the formats people use.

``export(store, fmt, out_path)`` writes the store's claims and events in one
format and returns the files written. Each format is a module with a
``write(data, out_path) -> list[Path]`` function, registered in :data:`FORMATS`;
every format carries each date's precision, calendar and source.

>>> sorted(FORMATS)
['csv', 'graphml', 'json', 'jsonld', 'quickstatements', 'timelinejs', 'webanno']
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..errors import ExportError, error
from ._common import ExportData


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # module of chronicon.export with write(data, out_path)
    suffix: str  # usual file suffix
    help: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "_json", ".json", "{events, claims, sources, entities}: everything, one JSON file"),
        Format("csv", "_csv", ".csv", "events in FILE, claims in the sibling FILE_claims.csv"),
        Format("timelinejs", "_timelinejs", ".json", "TimelineJS3 JSON: one slide per event"),
        Format("graphml", "_graphml", ".graphml", "people, places, organisations, events, sources as nodes"),
        Format("jsonld", "_jsonld", ".jsonld", "Simple Event Model + PROV-O, EDTF-typed dates"),
        Format("webanno", "_webanno", ".jsonld", "W3C Web Annotations, one per evidence span"),
        Format("quickstatements", "_quickstatements", ".qs", "Wikidata QuickStatements V1 (subjects with a QID)"),
    )
}


def check_format(fmt: str) -> Format:
    """The format called ``fmt``, or ExportError E501 listing the known ones."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise error(ExportError, "E501", fmt=fmt, known=", ".join(sorted(FORMATS))) from None


def export(store, fmt: str, out_path: Union[str, Path]) -> list[Path]:
    """Write the events and claims of ``store`` (a :class:`chronicon.store.Store`) as ``fmt``.

    Returns the paths written (csv writes two files)."""
    f = check_format(fmt)
    data = ExportData.from_store(store)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    mod = importlib.import_module(f".{f.module}", __name__)
    return list(mod.write(data, out))


__all__ = ["FORMATS", "Format", "ExportData", "check_format", "export"]
