"""The ruler a title alone names on a date ("the Tsar" in December 1916: Nicholas II).

A text may say "the Tsar", "le pape", "el káiser" without naming the ruler anywhere
before. When the title belongs to one realm (``data/_rulers.yaml``) and the claim's
whole date falls inside one reign, the title means that ruler. Titles shared by many
realms ("the king", "the emperor") are not listed and stay unresolved.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml


@lru_cache(maxsize=None)
def _table() -> dict:
    text = resources.files("chronicon.claims").joinpath("data/_rulers.yaml").read_text("utf-8")
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for realm in (yaml.safe_load(text) or {}).get("realms", {}).values():
        reigns = [(str(n), str(a), str(b)) for n, a, b in realm.get("reigns") or []]
        for lang, words in (realm.get("titles") or {}).items():
            for w in words or []:
                out[(lang, str(w).lower())] = reigns
    return out


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _bounds(edtf: str) -> Optional[tuple[str, str]]:
    """First and last day an EDTF date (day, month, year or an interval of them) covers."""
    parts = edtf.split("/")
    if len(parts) > 2 or any(p in ("", "..") for p in parts):
        return None
    lo = _DATE.match(parts[0])
    hi = _DATE.match(parts[-1])
    if lo is None or hi is None or re.search(r"[X~?%]", edtf):
        return None
    y, m, d = lo.groups()
    first = f"{y}-{m or '01'}-{d or '01'}"
    y, m, d = hi.groups()
    if d is None:
        mm = int(m or 12)
        d = f"{calendar.monthrange(int(y), mm)[1]:02d}"
        m = f"{mm:02d}"
    return first, f"{y}-{m}-{d}"


def ruler(lang: str, title: str, edtf: Optional[str]) -> Optional[str]:
    """The ruler the title means on that date, or None (unknown title, a date that is
    not inside exactly one reign)."""
    reigns = _table().get((lang, title.lower().strip()))
    if not reigns or not edtf:
        return None
    b = _bounds(edtf)
    if b is None:
        return None
    found = [n for n, a, z in reigns if a <= b[0] and b[1] <= z]
    return found[0] if len(found) == 1 else None
