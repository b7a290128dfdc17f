"""Scorer for the project's own time-expression test sets (fr, it, pt, de: no TempEval
data exists for them): ``bench/gold/time/<lang>.yaml``, format in its README.md.

Each item is a text (optionally with a document date ``dct`` or an ``anchor``) and every
time expression expected in it: the span as written, the expected EDTF value (``null``
when it must stay unresolved), and where relevant ``type`` (TIMEX3 DATE, TIME, DURATION,
SET; default DATE), ``value`` (TIMEX3), ``qualifier``, ``calendar``, ``julian``,
``resolution``, ``flagged`` (an impossible date).

A system expression *finds* a gold one when their spans overlap (each system expression
is matched once, to the gold expression it overlaps most).  A gold expression is
**right** when it is found and everything the gold states is right: the EDTF value,
the type, the qualifier (none unless stated), the calendar ("unstated" unless stated),
the impossible-date flag (absent unless stated) and, when given, the TIMEX3 value,
the Julian date and the resolution.  A system expression that finds no gold one is
**spurious** (a trap: "1921 soldats", "p. 1492", "3,5 %").

- ``accuracy`` = right / (gold + spurious): one figure that a miss, a wrong value and
  a spurious expression all lower;
- ``value_accuracy`` = gold whose EDTF value (and TIMEX3 value, when given) is right,
  over gold;
- ``found`` / ``exact_span`` = gold found by an overlapping / identical span, over gold;
- ``precision`` = system expressions that find a gold one, over system expressions;
- ``sentence_accuracy`` = items whose gold expressions are all right and which have no
  spurious expression, over items.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from ..model import TimeExpression
from ._tagger import tag

#: bench/gold/time in the repository
GOLD_DIR = Path(__file__).resolve().parents[2] / "bench" / "gold" / "time"
#: the languages that have an own test set (en and es are measured on TempEval-3)
LANGS = ("fr", "it", "pt", "de")


def load_set(lang: str, root: Optional[Path] = None) -> list[dict]:
    path = (root or GOLD_DIR) / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("lang") != lang:
        raise ValueError(f"{path}: lang is {data.get('lang')!r}, not {lang!r}")
    return data["items"]


def _s(v) -> Optional[str]:
    return None if v is None else str(v)


def _gold_spans(item: dict) -> list[tuple[int, int, dict]]:
    """Each expected expression with its offsets: the first occurrence of its span
    after the previous one's start (list them in reading order)."""
    text, pos, out = item["text"], 0, []
    for g in item.get("expect") or []:
        i = text.find(g["span"], pos)
        if i < 0:
            raise ValueError(f"{item.get('id')}: span {g['span']!r} not in the text (after {pos})")
        out.append((i, i + len(g["span"]), g))
        pos = i
    return out


def check(g: dict, e: TimeExpression) -> list[str]:
    """What the system expression ``e`` got wrong about the gold one ``g`` (empty: right)."""
    wrong = []
    impossible = any("impossible" in f for f in e.flags)
    expected = [
        ("type", g.get("type", "DATE"), e.type),
        ("qualifier", _s(g.get("qualifier")), e.qualifier),
        ("calendar", g.get("calendar", "unstated"), e.calendar),
        ("flagged", bool(g.get("flagged")), impossible),
    ]
    for key in ("edtf", "value", "julian", "resolution"):
        if key in g:
            expected.append((key, _s(g[key]), getattr(e, key)))
    for key, want, got in expected:
        if want != got:
            wrong.append(f"{key}: expected {want!r}, got {got!r}")
    return wrong


def _value_right(g: dict, e: TimeExpression) -> bool:
    return all(_s(g[k]) == getattr(e, k) for k in ("edtf", "value") if k in g)


def score_item(item: dict, lang: str) -> dict:
    text = item["text"]
    found = tag(text, lang, anchor=_s(item.get("anchor")), dct=_s(item.get("dct")))
    used: set[int] = set()
    rows = []
    for start, end, g in _gold_spans(item):
        best, overlap = None, 0
        for k, e in enumerate(found):
            ov = min(end, e.end) - max(start, e.start)
            if k not in used and ov > overlap:
                best, overlap = k, ov
        if best is None:
            rows.append({"span": g["span"], "found": None, "exact": False, "value_right": False,
                         "right": False, "errors": ["not found"]})
            continue
        used.add(best)
        e = found[best]
        errors = check(g, e)
        rows.append({"span": g["span"], "found": e.text, "exact": (e.start, e.end) == (start, end),
                     "value_right": _value_right(g, e), "right": not errors, "errors": errors,
                     "edtf": e.edtf, "value": e.value, "rule": e.rule})
    spurious = [{"span": e.text, "edtf": e.edtf, "type": e.type, "rule": e.rule}
                for k, e in enumerate(found) if k not in used]
    return {"id": item.get("id"), "text": text, "gold": rows, "spurious": spurious,
            "system": len(found),
            "right": all(r["right"] for r in rows) and not spurious}


def score(items: list[dict], lang: str) -> dict:
    """The figures for a list of items (see the module docstring), and the mistakes."""
    results = [score_item(it, lang) for it in items]
    rows = [r for res in results for r in res["gold"]]
    n_gold = len(rows)
    n_sys = sum(res["system"] for res in results)
    n_spur = sum(len(res["spurious"]) for res in results)
    right = sum(r["right"] for r in rows)

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 1.0

    return {
        "lang": lang,
        "sentences": len(results),
        "gold": n_gold,
        "system": n_sys,
        "found": ratio(sum(r["found"] is not None for r in rows), n_gold),
        "exact_span": ratio(sum(r["exact"] for r in rows), n_gold),
        "value_accuracy": ratio(sum(r["value_right"] for r in rows), n_gold),
        "precision": ratio(n_sys - n_spur, n_sys),
        "spurious": n_spur,
        "right": right,
        "accuracy": ratio(right, n_gold + n_spur),
        "sentence_accuracy": ratio(sum(res["right"] for res in results), len(results)),
        "mistakes": [res for res in results if not res["right"]],
    }


def bench(lang: str, root: Optional[Path] = None) -> dict:
    if lang not in LANGS:
        raise ValueError(f"no own time test set for {lang!r} ({', '.join(LANGS)})")
    return score(load_set(lang, root), lang)
