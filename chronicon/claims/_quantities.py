"""Quantities: numbers stated about a subject ("36 such visits", "at least 75,000
miles", "unos 200 vagones", "3.500 kilómetros (2.175 millas)").

How numbers are written (separators, number words, bounds) is language data
(the ``quantities:`` section of ``data/<lang>.yaml``); units are shared
(``data/_units.yaml``). A stated conversion is checked: both numbers are turned
into the unit's base and compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Optional

import yaml

from ..model import Claim, Mention, Source, TimeExpression

_PROPERTY_OF_DIMENSION = {"length": "distance", "mass": "mass", "area": "area"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class _QLex:
    lang: str
    number: re.Pattern
    words: dict[str, float]
    scale: dict[str, float]
    thousands: list[str]
    decimal: str
    bounds: list[tuple[str, re.Pattern]]
    fillers: set[str]
    not_counted: set[str]
    unit_words: dict[str, str]  # lower-case word(s) -> unit id
    unit_re: re.Pattern
    symbols: dict[str, str]
    noun_phrase: re.Pattern


@lru_cache(maxsize=1)
def _units() -> dict:
    text = resources.files("chronicon.claims").joinpath("data/_units.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def _qlex(lang: str) -> Optional[_QLex]:
    path = resources.files("chronicon.claims").joinpath(f"data/{lang}.yaml")
    if not path.is_file():
        return None
    d = (yaml.safe_load(path.read_text("utf-8")) or {}).get("quantities")
    if not d:
        return None
    words = {str(k).lower(): float(v) for k, v in (d.get("words") or {}).items()}
    scale = {str(k).lower(): float(v) for k, v in (d.get("scale") or {}).items()}
    seps = "|".join(re.escape(s) for s in d.get("thousands") or [])
    dec = re.escape(d.get("decimal", "."))
    digits = rf"\d{{1,3}}(?:(?:{seps})\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?" if seps else rf"\d+(?:{dec}\d+)?"
    number = re.compile(
        rf"(?<![\w.,/-])(?P<num>{digits}|(?i:{_alt(words)}))(?:\s+(?P<scale>(?i:{_alt(scale)})))?(?![\w])"
        if scale
        else rf"(?<![\w.,/-])(?P<num>{digits}|(?i:{_alt(words)}))(?![\w])"
    )
    bounds = [
        (name, re.compile(rf"(?<!\w)(?:{'|'.join(sorted(pats, key=len, reverse=True))})\s*$", re.IGNORECASE))
        for name, pats in (d.get("bounds") or {}).items()
    ]
    unit_words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for uid, u in _units().items():
        for w in (u.get("words") or {}).get(lang, []):
            unit_words[str(w).lower()] = uid
        for sym in u.get("symbols") or []:
            symbols[sym] = uid
    unit_re = re.compile(rf"(?:{_alt(unit_words)})(?!\w)", re.IGNORECASE) if unit_words else re.compile(r"(?!x)x")
    return _QLex(
        lang, number, words, scale, list(d.get("thousands") or []), d.get("decimal", "."), bounds,
        {w.lower() for w in d.get("fillers") or []}, {w.lower() for w in d.get("not_counted") or []},
        unit_words, unit_re, symbols,
        _noun_phrase(d.get("determiners") or ["the"]),
    )


def _noun_phrase(determiners: list[str]) -> re.Pattern:
    """A determiner and the word after it: 'the train', 'el tren', "l'armée"."""
    elided = [d for d in determiners if d.endswith(("'", "’"))]
    spaced = [d for d in determiners if d not in elided]
    parts = [rf"(?:{_alt(spaced)})\s+"] + ([rf"(?:{_alt(elided)})"] if elided else [])
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})[^\W\d][\w'’-]+", re.IGNORECASE)


def _value(q: _QLex, m: re.Match) -> Optional[float]:
    raw = m.group("num")
    low = raw.lower()
    if low in q.words:
        v = q.words[low]
    else:
        t = raw
        for s in q.thousands:
            t = t.replace(s, "")
        t = t.replace(q.decimal, ".")
        try:
            v = float(t)
        except ValueError:
            return None
    if m.group("scale"):
        v *= q.scale.get(m.group("scale").lower(), 1.0)
    return v


_WORD = re.compile(r"\s*([^\W\d][\w'’-]*)")


def _counted(q: _QLex, text: str, pos: int, end: int) -> tuple[Optional[str], Optional[str], int]:
    """(unit id, counted noun, end offset) of what the number at ``pos`` counts."""
    rest = text[pos:end]
    m = re.match(r"\s*(?:de\s+|of\s+|d['’]\s*)?", rest)  # "millones de", "thousands of"
    i = m.end() if m else 0
    u = q.unit_re.match(rest, i + len(rest[i:]) - len(rest[i:].lstrip()))
    if u:
        return q.unit_words[u.group(0).lower()], None, pos + u.end()
    for _ in range(3):
        w = _WORD.match(rest, i)
        if not w:
            return None, None, pos
        word = w.group(1)
        if word.lower() in q.fillers:
            i = w.end()
            continue
        if word.lower() in q.not_counted or (word[:1].isupper() and q.lang != "de"):
            return None, None, pos
        return None, word, pos + w.end()
    return None, None, pos


def _bound(q: _QLex, before: str) -> Optional[str]:
    for name, pat in q.bounds:
        if pat.search(before):
            return name
    return None


def extract_quantities(
    source: Source,
    sent,
    ments: list[Mention],
    dates: list[TimeExpression],
    topic: Callable[[], Optional[tuple[str, Optional[str]]]],
    memory: Optional[dict] = None,
) -> list[Claim]:
    """Quantity claims of one sentence. ``topic()`` gives (label, entity id) of who
    the text is about, for a number with no named subject before it; ``memory``
    (one dict per document) keeps the last subject a number was about, for "It
    consisted of 2 engines" after "the train made 36 visits"."""
    memory = memory if memory is not None else {}
    q = _qlex(sent.lang) or _qlex(source.lang)
    if q is None:
        return []
    text = source.text
    busy = [(t.start, t.end) for t in dates] + [(m.start, m.end) for m in ments]
    out: list[Claim] = []
    consumed_until = -1
    for m in q.number.finditer(text, sent.start, sent.end):
        a, b = m.start(), m.end()
        if a < consumed_until or any(s < b and a < e for s, e in busy):
            continue  # part of a date, a name, or the other side of a conversion
        value = _value(q, m)
        if value is None:
            continue
        sym = next((u for s, u in q.symbols.items() if text[max(sent.start, a - len(s)) : a] == s), None)
        unit, noun, end = (sym, None, b) if sym else _counted(q, text, b, sent.end)
        if unit is None and noun is None:
            continue
        if unit is None and value >= 1000 and value == int(value) and 1000 <= value <= 2100 and not any(x in m.group(0) for x in q.thousands):
            continue  # a bare four-digit number the time stage did not take: more likely a year than a count
        bound = _bound(q, text[max(sent.start, a - 30) : a])
        udata = _units().get(unit or "", {})
        prop = _PROPERTY_OF_DIMENSION.get(udata.get("dimension", ""), "amount" if unit else None) or noun.lower()
        quantity = {"property": prop, "value": int(value) if value == int(value) else value, "unit": unit, "bound": bound}
        # A stated conversion right after: "3.500 kilómetros (2.175 millas)"
        conv = re.match(r"\s*[(\[]\s*(?:c\.\s*|ca\.\s*)?", text[end : sent.end])
        if unit and udata.get("factor") and conv:
            m2 = q.number.match(text, end + conv.end())
            if m2:
                v2 = _value(q, m2)
                u2, _, end2 = _counted(q, text, m2.end(), sent.end)
                d2 = _units().get(u2 or "", {})
                if v2 and u2 and d2.get("dimension") == udata["dimension"] and d2.get("factor"):
                    base1, base2 = value * udata["factor"], v2 * d2["factor"]
                    quantity["converted"] = {"value": int(v2) if v2 == int(v2) else v2, "unit": u2}
                    quantity["consistent"] = abs(base1 - base2) <= 0.02 * max(base1, base2)
                    consumed_until = end2
        # subject: the nearest name before the number in the sentence, else the topic
        # subject: the nearest name or noun phrase before the number; a later number
        # of the sentence keeps the first one's subject ("made 36 visits to the
        # fronts and traveled 75,000 miles") unless a name comes between them.
        before = [x for x in ments if sent.start <= x.start and x.end <= a]
        prev = out[-1] if out else None
        prev_end = prev.quantity["_at"] if prev else sent.start
        phrases = list(q.noun_phrase.finditer(text, sent.start, a))
        if before and before[-1].start >= prev_end:
            subj, subj_text, sid = before[-1].label or before[-1].text, before[-1].text, before[-1].entity_id
        elif prev is not None:
            subj, subj_text, sid = prev.subject, prev.subject_text, prev.subject_id
        elif before and not (phrases and phrases[-1].start() > before[-1].end):
            subj, subj_text, sid = before[-1].label or before[-1].text, before[-1].text, before[-1].entity_id
        elif phrases:
            # "the train made 36 such visits": what the text names, as written
            subj_text = phrases[-1].group(0)
            subj, sid = subj_text, None
        elif memory.get("last") and sent.start - memory["last"][3] < 400:
            subj, subj_text, sid = memory["last"][:3]
        else:
            t = topic()
            if t is None:
                continue
            subj, sid = t
            subj_text = ""
        memory["last"] = (subj, subj_text, sid, sent.end)
        quantity["_at"] = end
        near = min(dates, key=lambda t: abs(t.start - a), default=None) if dates else None
        out.append(
            Claim(
                id="", source=source.id, lang=sent.lang, type="quantity", subject=subj, subject_text=subj_text,
                object=None, place=None, date=near.edtf if near else None, date_text=near.text if near else None,
                qualifier=near.qualifier if near else None, calendar=near.calendar if near else "unstated",
                span=(sent.start, sent.end), quote=text[sent.start : sent.end],
                confidence=0.7 if before else 0.55, quantity=quantity,
                date_span=(near.start, near.end) if near else None, trigger=text[a:end],
                subject_id=sid,
            )
        )
    for c in out:
        c.quantity.pop("_at", None)
    return out
