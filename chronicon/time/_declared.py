"""A calendar declared once for a whole source.

Sources on Russian history often say once that every date is Old Style (or New
Style), then write bare dates. The tagger reads each date on its own; this pass
applies the declaration to the dates that carry no calendar of their own.
Julian to Gregorian conversion is done by ``convertdate``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml
from convertdate import julian as _julian

from ..model import Source, TimeExpression

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d)(?!\d)")
#: The Old Style ended in Russia on 31 January 1918 (Julian), followed by 14 February.
_DEFAULT_CUTOFF = (1918, 2, 14)


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[re.Pattern, re.Pattern, re.Pattern]]:
    text = resources.files("chronicon.time").joinpath("data/_declarations.yaml").read_text("utf-8")
    out = {}
    for lang, d in yaml.safe_load(text).items():
        def alt(words):
            return re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)

        out[lang] = (alt(d["dates"]), alt(d["julian"]), alt(d["gregorian"]))
    return out


def declared_calendar(source: Source) -> tuple[Optional[str], Optional[tuple[int, int, int]], Optional[tuple[int, int]]]:
    """(calendar, cut-off date, span of the declaring sentence) or (None, None, None)."""
    cues = _cues()
    for s in source.sentences:
        dates_re, jul_re, greg_re = cues.get(s.lang) or cues.get(source.lang) or cues["en"]
        sent = source.text[s.start : s.end]
        if len(sent) > 300 or not dates_re.search(sent):
            continue
        if jul_re.search(sent):
            years = [int(y) for y in _YEAR.findall(sent)]
            cutoff = (max(years), 1, 1) if years else _DEFAULT_CUTOFF
            if cutoff > (1918, 2, 14):
                cutoff = _DEFAULT_CUTOFF
            return "julian", cutoff, (s.start, s.end)
        if greg_re.search(sent):
            return "gregorian", None, (s.start, s.end)
    return None, None, None


def apply_declared_calendar(source: Source, timexes: list[TimeExpression]) -> list[TimeExpression]:
    """Apply a calendar the source declares to the dates that state none (in place)."""
    cal, cutoff, where = declared_calendar(source)
    if cal is None:
        return timexes
    for t in timexes:
        if t.calendar != "unstated" or not t.edtf or (where and where[0] <= t.start < where[1]):
            continue
        if cal == "gregorian":
            t.calendar = "gregorian"
            continue
        m = _DAY.match(t.edtf)
        if not m:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if (y, mo, d) >= cutoff:
            continue
        gy, gm, gd = _julian.to_gregorian(y, mo, d)
        t.julian = t.edtf
        t.edtf = f"{gy:04d}-{gm:02d}-{gd:02d}"
        if t.value == t.julian:
            t.value = t.edtf
        t.calendar = "julian"
        t.flags.append("Old Style by the source's declaration")
    return timexes
