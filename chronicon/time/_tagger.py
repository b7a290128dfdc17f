"""The time tagger: regex passes of the compiled language grammar, then
prefixes (part of period, weekday, open interval), suffixes (calendar style),
interval joining, and resolution against the anchor / document date."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from chronicon.model import Source, TimeExpression

from . import _shared as S
from ._grammar import Grammar, language_codes, load

_DIGITS = re.compile(r"\d+")
#: "1850?" marks an uncertain date when the text goes on ("1850?)", "1850? in Kiev"),
#: not when it ends a question ("Where was he in 1850? He ...").
_UNCERTAIN = re.compile(r"\?(?=[\)\]\-–,;]|\s+[a-zà-ÿ0-9(])")
_LOOKBACK = 60


@dataclass
class Hit:
    start: int
    end: int
    rule: str
    kind: str
    type: str = "DATE"
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    season: Optional[int] = None
    decade: Optional[int] = None  # 193 for the 1930s
    century: Optional[int] = None  # 20 for the 20th century (negative: BC)
    qualifier: Optional[str] = None
    calendar: str = "unstated"
    dual: Optional[tuple] = None  # ((y1, m1, d1), (y2, m2, d2), marker of the second)
    rel: Optional[tuple] = None  # (n, unit) from the anchor
    deictic: Optional[tuple] = None  # (n, unit) from the document date
    dur: Optional[str] = None
    time: Optional[tuple] = None
    setv: Optional[str] = None
    a: Optional["Hit"] = None  # interval start
    b: Optional["Hit"] = None  # interval end
    interval: bool = False
    weekday: Optional[int] = None  # 1 = Monday
    approx: str = ""  # EDTF "~" (approximate), "?" (uncertain) or "%" (both)
    said_weekday: Optional[int] = None  # the weekday written with a date ("Monday, 7 March")
    ref: Optional[str] = None  # TIMEX3 PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently")
    quarter: Optional[int] = None  # "the third quarter": 3
    tod: Optional[tuple] = None  # part of a day: (TIMEX3 code MO/AF/EV/NI, day shift from the document date)
    dir: Optional[int] = None  # "last May" -1, "this May" 0, "next Friday" +1 (from the document date)
    mdir: Optional[int] = None  # "el 20 del mes pasado": the month before the document date's (-1)
    ydir: Optional[int] = None  # "mayo del año pasado": the year before the document date's (-1)
    date_start: Optional[int] = None  # "la noche del 5 de mayo": where the date begins (outside TimeML mode)
    qunit: str = "Q"  # the part of a year "quarter" counts: Q (quarter), H (half), T (third)
    qcur: bool = False  # quarter 0 counted from the current part ("este semestre"), not the last ended
    zone: str = ""  # a clock time's zone suffix in TIMEX3 ("Z" for GMT / UTC)
    snext: Optional[int] = None  # a season from the narrative: "l'été suivant" +1, "the previous winter" -1
    yy: Optional[int] = None  # a two-digit year ("3/3/21"): the century comes from the context
    nth: Optional[tuple] = None  # (n, weekday): "le premier dimanche de septembre" (n = -1: the last)
    feast: Optional[str] = None  # a movable feast without a year ("E-2"): its day once the year is known
    weekend: bool = False  # "le dernier week-end d'août": the n-th Saturday and the day after
    event: bool = False  # "il giorno dopo l'annuncio": counted from an event, not from the last date
    after: Optional[int] = None  # "le 1er janvier suivant" +1: the first such day after the date of the text
    yref: Optional["Hit"] = None  # "21 aprile dello stesso anno": the relative expression that gives the year
    flags: list = field(default_factory=list)


# --------------------------------------------------------------------------- builders


def _int_or_norm(g: Grammar, table: str, s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    mt = _DIGITS.search(s)
    if mt:
        return int(mt.group())
    v = g.norm(table, s)
    return v if isinstance(v, int) else None


def _month(g: Grammar, s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    if s.strip().isdigit():
        return int(s)
    v = g.norm("month", s)
    if v is None:
        v = g.norm("month", s.rstrip(".") + ".") or g.norm("month", s.rstrip("."))
    if v is None and s.isupper():  # a month in Roman numerals: "3.III.1921"
        r = S.roman_to_int(s)
        v = r if r is not None and 1 <= r <= 12 else None
    return v


def _year(g: Grammar, s: Optional[str], era: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    return S.year_with_era(int(s), g.norm("era", era) if era else None)


def _number(g: Grammar, s: Optional[str]):
    if s is None:
        return 1
    if s.strip().isdigit():
        return int(s)
    if re.fullmatch(r"\d{1,3}(?:[\s.\u202f]\d{3})+", s.strip()):  # "36 000 ans", "5.300 anni": thousands
        return int(re.sub(r"\D", "", s))
    if re.fullmatch(r"\d{1,3}[.,]\d{1,2}", s.strip()):  # "10,0 Sekunden", "2.5 hours"
        v = float(s.strip().replace(",", "."))
        return int(v) if v.is_integer() else v
    v = g.norm("number", s)
    if v is None:  # "treinta y cinco": the sum of the number words (the language's num pattern joins them)
        parts = [g.norm("number", w) for w in s.split()]
        parts = [p for p in parts if p is not None]
        if len(parts) >= 2 and all(isinstance(p, int) for p in parts):
            v = sum(parts)
    return v


def _unit(g: Grammar, s: Optional[str]) -> Optional[str]:
    return g.norm("unit", s) if s else None


def _street_before(g: Grammar, mt: re.Match) -> bool:
    """A street word (``patterns.street_words``) just before the match: 'Avenida 17 de Junio'."""
    return bool(g.street_prefix.search(mt.string[max(0, mt.start() - 30):mt.start()]))


def _build(g: Grammar, kind: str, rule: str, mt: re.Match) -> Optional[Hit]:
    gd = mt.groupdict()
    if kind in ("date", "weekday", "season", "weekend", "quarter", "time", "set"):
        # two (or three) word orders: "el pasado lunes" / "el lunes pasado", "del mes pasado" / "del pasado mes"
        for k in ("weekday", "month", "dnext", "season", "ydir", "mdir"):
            for alt in (k + "2", k + "3"):
                if gd.get(k) is None and gd.get(alt) is not None:
                    gd[k] = gd[alt]
    h = Hit(mt.start(), mt.end(), rule, kind)
    if kind == "reference":  # "S. 1492", "p. 1850": not a time; holds the span, dropped after the scan
        return h
    if gd.get("span") is not None:  # context words matched but not part of the expression
        h.start, h.end = mt.start("span"), mt.end("span")
    if gd.get("month") and mt.end("month") == h.end and gd["month"].endswith("."):
        # "2 May." ends a sentence: the dot is not the abbreviation's, unless it must be
        if g.norm("month", gd["month"][:-1]) is not None:
            h.end -= 1
    if gd.get("dnext") is not None and kind in ("date", "weekday", "season"):
        h.dir = g.norm("deictic_next", gd["dnext"])
    if kind == "ref":
        h.ref = g.norm("ref_word", gd.get("lex") or "") or g.norm("ref_context", gd.get("lex") or "")
        if not h.ref:
            return None
    elif kind == "weekend":
        h.ref = "WE"  # resolved against the document date
        h.dir = g.norm("deictic_next", gd["dnext"]) if gd.get("dnext") else None
    elif kind == "quarter":
        word = gd.get("quarter") or gd.get("quarter2")
        if word is None and gd.get("qunit") and gd.get("dnext"):  # "este semestre", "el trimestre pasado"
            h.quarter, h.qcur = 0, True
            h.qunit = g.norm("quarter_unit", gd["qunit"]) or "Q"
            h.dir = g.norm("deictic_next", gd["dnext"])
            return h if h.dir is not None else None
        if word is None:  # "the quarter": the last one ended before the document date (0 here)
            h.quarter = 0
            h.dir = -1 if gd.get("ago") else 0
            return h
        q = _int_or_norm(g, "ordinal", word) or _int_or_norm(g, "day_word", word)
        if gd.get("qunit"):  # "el segundo semestre": H2 (norm quarter_unit: Q, H or T)
            h.qunit = g.norm("quarter_unit", gd["qunit"]) or "Q"
        if g.norm("ordinal", word) == "last" and h.y is None and gd.get("year"):  # "the last quarter of 1999"
            q = {"Q": 4, "H": 2, "T": 3}.get(h.qunit, 4)
        if q is None or not 1 <= q <= {"Q": 4, "H": 2, "T": 3}.get(h.qunit, 4):
            return None
        h.quarter = q
        h.y = _year(g, gd.get("year"), None)
        if gd.get("dnext") is not None:
            h.dir = g.norm("deictic_next", gd["dnext"])
    elif kind == "date" and gd.get("feast") is not None:  # "Pâques 1916", "Weihnachten 1914"
        y = _year(g, gd.get("year"), gd.get("era"))
        code = str(g.norm("feast", gd["feast"]))
        if gd.get("eve") is not None:  # "la veille de Noël", "Vorabend von Allerheiligen": the day before
            code = _eve(code)
        if y is None and re.fullmatch(r"\d\d-\d\d", code):  # "à la Toussaint": a fixed feast, year from the context
            h.m, h.d = int(code[:2]), int(code[3:])
            return h
        if y is None and code.startswith("E"):  # "à Pâques", "na Sexta-feira Santa": the year from the context
            h.feast = code
            _, h.m, h.d = S.feast_day(code, 2000)  # a placeholder day, for choosing the year
            return h
        day = S.feast_day(code, y) if y is not None else None
        if day is None:
            return None
        h.y, h.m, h.d = day
    elif kind == "date" and gd.get("rmonth") is not None:  # "18 brumaire an VIII"
        ry = gd.get("ryear") or ""
        ryn = int(ry) if ry.isdigit() else S.roman_to_int(ry.upper())
        day = S.republican_to_gregorian(ryn or 0, g.norm("republican_month", gd["rmonth"]) or 0,
                                        _int_or_norm(g, "day_word", gd.get("day")) or 0)
        if day is None:
            return None
        h.y, h.m, h.d = day
        h.flags.append(f"French Republican calendar ({mt.group(0)}): converted to Gregorian")
    elif kind == "date":
        h.d = _int_or_norm(g, "day_word", gd.get("day"))
        h.m = _month(g, gd.get("month"))
        if gd.get("holiday"):  # a fixed feast ("Navidad": 12-25, norm holiday)
            mv = re.fullmatch(r"(\d{1,2})-(\d{1,2})", str(g.norm("holiday", gd["holiday"]) or ""))
            if not mv:
                return None
            h.m, h.d = int(mv.group(1)), int(mv.group(2))
        h.y = _year(g, gd.get("year"), gd.get("era"))
        if gd.get("after") is not None:
            h.after = g.norm("next", gd["after"])
        if gd.get("mdir") is not None:  # "el 20 del mes pasado"
            h.mdir = g.norm("deictic_next", gd["mdir"])
            if h.mdir is None or h.d is None:
                return None
            return h
        if gd.get("ydir") is not None:  # "mayo del año pasado"
            h.ydir = g.norm("deictic_next", gd["ydir"])
            if h.ydir is None:
                return None
        if gd.get("yy") is not None:
            h.yy = int(gd["yy"])
        if gd.get("nth") is not None:  # "le premier dimanche de septembre": the day once the year is known
            n, wd = g.norm("nth", gd["nth"]), g.norm("weekday", gd.get("weekday"))
            if gd.get("weekend") is not None:  # "le dernier week-end d'août": its Saturday, then the Sunday
                wd, h.weekend = 6, True
            if not isinstance(n, int) or wd is None:
                return None
            h.nth = (n, wd)
        if gd.get("month") and h.m is None:
            return None
        if h.d is not None and h.m is not None and g.street_prefix is not None and _street_before(g, mt):
            return None  # "la Avenida 17 de Junio": a street
        if h.y is None and h.m is None and (h.d is None or gd.get("dayonly") is None):
            return None
    elif kind == "weekday":
        h.weekday = g.norm("weekday", gd.get("weekday"))
        if h.weekday is None:
            return None
    elif kind == "season":
        h.season = g.norm("season", gd.get("season"))
        h.y = _year(g, gd.get("year"), gd.get("era"))
        if h.season is None:
            return None
        if gd.get("next") is not None and h.y is None:  # "l'été suivant": from the narrative
            h.snext = g.norm("next", gd["next"])
            if h.snext is None:
                return None
    elif kind == "decade":
        if gd.get("decade"):
            h.decade = int(gd["decade"]) // 10
        else:
            tens = _int_or_norm(g, "decade_word", gd.get("decade2") or gd.get("decade_word"))
            if tens is None:
                return None
            tens = tens // 10 if tens >= 10 else tens
            cent = _int_or_norm(g, "century_word", gd.get("century")) if gd.get("century") else None
            if gd.get("century") and cent is None:
                cent = S.roman_to_int(gd["century"])
            prefix = (cent - 1) if cent else 19
            if not cent:
                h.flags.append("century assumed: 20th")
            h.decade = prefix * 10 + tens
        # two decades joined: "les années 1920 et 1930", "anni Cinquanta e Sessanta"
        second = None
        if gd.get("decade_b"):
            second = int(gd["decade_b"]) // 10
        elif gd.get("decade_word_b") or gd.get("decade_b2"):  # a word, or "30er"
            tens_b = _int_or_norm(g, "decade_word", gd.get("decade_word_b") or gd.get("decade_b2"))
            if tens_b is None:
                return None
            second = h.decade // 10 * 10 + (tens_b // 10 if tens_b >= 10 else tens_b)
        if second is not None:
            if second <= h.decade:
                return None
            h.interval = True
            h.a = Hit(h.start, h.end, rule, "decade", decade=h.decade, flags=list(h.flags))
            h.b = Hit(h.start, h.end, rule, "decade", decade=second)
            h.decade = None
    elif kind == "month_range":  # "de juin à août 1956", "von Juni bis August 1959"
        m1, m2 = _month(g, gd.get("month1")), _month(g, gd.get("month"))
        y2 = _year(g, gd.get("year"), gd.get("era"))
        if None in (m1, m2) or m1 == m2 or (y2 is None and m1 > m2):
            return None  # without a year ("entre mars et septembre"): the year from the context
        y1 = None if y2 is None else y2 if m1 < m2 else y2 - 1
        h.interval = True
        h.a = Hit(mt.start("month1"), mt.end("month1"), rule, "date", y=y1, m=m1)
        h.b = Hit(mt.start("month"), h.end, rule, "date", y=y2, m=m2)
    elif kind == "century":
        c = gd.get("century")
        n = None
        if c:
            n = int(c) if c.isdigit() else S.roman_to_int(c)
        if n is None:
            n = g.norm("century_word", gd.get("century_word") or c)
        if not n:
            return None
        era = g.norm("era", gd.get("era")) if gd.get("era") else None
        h.century = -n if era == "bc" else n
        c2 = gd.get("century_b")
        if c2:  # two centuries joined: "im 14. und 15. Jahrhundert", "aux XIVe et XVe siècles"
            n2 = int(c2) if c2.isdigit() else S.roman_to_int(c2)
            if not n2 or n2 <= n or era:
                return None
            h.interval = True
            h.a = Hit(h.start, h.end, rule, "century", century=n)
            h.b = Hit(h.start, h.end, rule, "century", century=n2)
            h.century = None
    elif kind == "year_range_short":
        y1 = int(gd["y1"])
        y2 = y1 // 100 * 100 + int(gd["y2"])
        if y2 <= y1:
            return None
        h.interval = True
        h.a = Hit(h.start, h.start + len(gd["y1"]), rule, "date", y=y1)
        h.b = Hit(mt.start("y2"), mt.end(), rule, "date", y=y2)
    elif kind == "day_range":
        m2 = _month(g, gd.get("month"))
        m1 = _month(g, gd.get("month1")) or m2
        y2 = _year(g, gd.get("year"), gd.get("era"))
        y1 = _year(g, gd.get("year1"), None) or y2
        d1 = _int_or_norm(g, "day_word", gd.get("day1"))
        d2 = _int_or_norm(g, "day_word", gd.get("day2"))
        if m2 is None and gd.get("dayonly") is not None and None not in (d1, d2) and d1 != d2:
            pass  # "dans la nuit du 5 au 6": the month from the context
        elif None in (m1, m2, d1, d2):
            return None
        h.interval = True
        # each end's own words, for TimeML (which tags "del 7" and "al 11 de septiembre" apart)
        h.a = Hit(mt.start("day1"), mt.end("day1"), rule, "date", y=y1, m=m1, d=d1)
        h.b = Hit(mt.start("day2"), h.end, rule, "date", y=y2, m=m2, d=d2)
    elif kind == "dual":
        y1 = _year(g, gd.get("year1"), None)
        y = _year(g, gd.get("year"), None) or y1
        y1 = y1 or y
        m1 = _month(g, gd.get("month1"))
        m2 = _month(g, gd.get("month2")) or m1
        d1 = _int_or_norm(g, "day_word", gd.get("day1"))
        d2 = _int_or_norm(g, "day_word", gd.get("day2"))
        if None in (m1, m2, d1, d2):
            return None
        marker = g.norm("calendar", gd.get("cal2")) if gd.get("cal2") else None
        if marker is None and gd.get("cal1"):
            c1 = g.norm("calendar", gd["cal1"])
            marker = {"julian": "gregorian", "gregorian": "julian"}.get(c1)
        h.dual = ((y1, m1, d1), (y, m2, d2), marker)
    elif kind in ("relative", "deictic"):
        n = None
        unit = _unit(g, gd.get("unit"))
        lex = gd.get("lex")
        if lex:
            v = g.norm("relative_word" if kind == "relative" else "deictic", lex)
            if not v:
                return None
            mv = re.fullmatch(r"([+-]?\d+)([A-Z]+)", str(v))
            if not mv:
                return None
            n, unit = int(mv.group(1)), mv.group(2)
        else:
            if unit is None:
                return None
            k = _number(g, gd.get("num"))
            if isinstance(k, str) and k[:-1].isdigit() and k.endswith("~"):  # "une vingtaine de jours": about 20
                k, h.approx = int(k[:-1]), "~"
            if k == "X" and (gd.get("ago") is not None or gd.get("later") is not None):
                # a vague count ("quelques jours plus tard"): a date about three units away
                k, h.approx = 3, "~"
                h.flags.append("vague count: about 3 units")
            if gd.get("ago") is not None:
                if not isinstance(k, int):
                    return None
                n = -k
            elif gd.get("ahead") is not None:  # "dans trois jours", "tra tre giorni": from the document date
                if not isinstance(k, int):
                    return None
                n = k
            elif gd.get("later") is not None:
                sign = g.norm("later", gd["later"])
                if sign is None:
                    sign = g.norm("later_final", gd["later"])
                if not isinstance(k, int) or sign is None:
                    return None
                n = k * sign
            elif gd.get("next") is not None:
                n = g.norm("next", gd["next"])
            elif gd.get("dnext") is not None:
                n = g.norm("deictic_next", gd["dnext"])
            elif gd.get("this") is not None:  # "en lo que va de año": the current unit
                n = 0
            if n is None:
                return None
        if kind == "relative":
            h.rel = (n, unit)
            if g.event_link is not None and g.event_link.match(mt.string, mt.end()):
                h.event = True  # "le lendemain de son élection": from that event
            if gd.get("later") is not None and unit in ("Y", "M", "W", "D", "H", "MIN", "S"):
                # TimeML news may read it as a duration ("pocos días después": PXD, a vague count)
                h.dur = _iso_duration([("X" if h.approx else abs(n), unit)])
        else:
            h.deictic = (n, unit)
            if h.approx and unit in ("Y", "M", "W", "D", "H", "MIN", "S"):  # "hace unos días": news PXD
                h.dur = _iso_duration([("X", unit)])
            elif gd.get("ago") is not None and unit in ("H", "MIN", "S"):  # "hace 24 horas": no day to name
                h.dur = _iso_duration([(abs(n), unit)])
    elif kind == "duration" and gd.get("dur_word"):  # "un quart d'heure", "mezz'ora", "eine Viertelstunde"
        h.type, h.dur = "DURATION", g.norm("dur_word", gd["dur_word"])
        if not h.dur:
            return None
    elif kind == "duration" and gd.get("dm"):  # "2 h 03 min 38 s", "3 min 26 s": a race time
        parts = [(int(gd["dh"]), "H")] if gd.get("dh") else []
        parts.append((int(gd["dm"]), "MIN"))
        if gd.get("ds"):
            sec = gd["ds"].replace(",", ".")
            parts.append((sec if "." in sec else int(sec), "S"))
        h.type, h.dur = "DURATION", _iso_duration(parts)
    elif kind == "duration":
        unit = _unit(g, gd.get("unit"))
        mult = 1
        if unit is None and gd.get("unit"):  # "un lustro": P5Y (norm unit_multi)
            mv = re.fullmatch(r"(\d+)([A-Z]+)", str(g.norm("unit_multi", gd["unit"]) or ""))
            if mv:
                mult, unit = int(mv.group(1)), mv.group(2)
        if unit is None and gd.get("vague") is not None:  # "hace tiempo": norm vague_unit
            unit = g.norm("vague_unit", gd.get("unit"))
        k = "X" if gd.get("num") is None and gd.get("vague") is not None else _number(g, gd.get("num"))
        if isinstance(k, str) and k[:-1].isdigit() and k.endswith("~"):  # "une vingtaine d'années": P20Y
            k = int(k[:-1])
        if unit is None or k is None:
            return None
        num = gd.get("num") or ""
        if num[:1].isupper() and mt.string[:mt.start("num")].rstrip()[-1:].isalpha():
            return None  # a capital number word inside a sentence names something: "guerre de Cent Ans"
        h.type = "DURATION"
        if mult != 1 and isinstance(k, (int, float)):
            k = k * mult
            k = int(k) if float(k).is_integer() else k
        half = gd.get("half") is not None and isinstance(k, int)
        if unit in ("DE", "CE"):  # decades, centuries: in years
            if half:  # "quatro séculos e meio": P450Y
                k, half = k + 0.5, False
            if isinstance(k, (int, float)):  # "medio siglo": P50Y
                k = k * (10 if unit == "DE" else 100)
                k = int(k) if float(k).is_integer() else k
            unit = "Y"
        if half:  # "dos semanas y media": P2.5W
            k = f"{k}.5"
        parts = [(k, unit)]
        if gd.get("unit2"):  # "dos años y tres meses": P2Y3M
            k2, unit2 = _number(g, gd.get("num2")), _unit(g, gd["unit2"])
            if not isinstance(k2, int) or unit2 not in ("Y", "M", "W", "D", "H", "MIN", "S"):
                return None
            parts.append((k2, unit2))
        h.dur = _iso_duration(parts)
    elif kind == "time" and any(gd.get(k) for k in ("tod", "tod2", "tod3", "tod4")):
        word = next(gd[k] for k in ("tod", "tod2", "tod3", "tod4") if gd.get(k))
        if gd.get("weekday_after"):  # "in der Nacht zum Samstag": the night of the day before
            wa = g.norm("weekday", gd["weekday_after"])
            if wa is None:
                return None
            gd["weekday"] = next(k for k, v in g.norms["weekday"].items() if v == (wa - 2) % 7 + 1)
        code = g.norm("tod", word)
        if not code:
            return None
        shift = 0 if gd.get("lex") or gd.get("dnext") or gd.get("weekday") or g.norm("tod_shift", word) else None
        if gd.get("lex"):  # "morgen früh": a word that is a deictic only before a part of the day
            mv = re.fullmatch(r"([+-]?\d+)D", str(g.norm("deictic", gd["lex"]) or g.norm("deictic_daypart", gd["lex"]) or ""))
            if not mv:
                return None
            shift = int(mv.group(1))
        elif gd.get("tday"):  # "la noche del 5 de mayo (de 1999)": that day's night
            h.d, h.m = _int_or_norm(g, "day_word", gd["tday"]), _month(g, gd.get("tmonth"))
            h.y = _year(g, gd.get("tyear"), None)
            if h.d is None or h.m is None:
                return None
            h.date_start, shift = mt.start("tday"), 0
        elif gd.get("weekday"):  # "la noche del viernes pasado": that weekday's night
            h.weekday = g.norm("weekday", gd["weekday"])
            h.dir = g.norm("deictic_next", gd["dnext"]) if gd.get("dnext") else None
            if h.weekday is None:
                return None
        elif gd.get("dnext"):
            shift = g.norm("deictic_next", gd["dnext"]) or 0
        if shift is not None:  # None: "por la tarde", the day the text speaks of
            shift += g.norm("tod_shift", word) or 0
        h.type = "TIME"
        h.tod = (code, shift)
    elif kind == "time":
        hour = None
        if gd.get("time_word"):
            v = g.norm("time_word", gd["time_word"])
            if v is None:
                return None
            hour, minute = (int(x) for x in str(v).split(":"))
        else:
            hour = _number(g, gd.get("hour"))
            minute = int(gd["minute"]) if gd.get("minute") else 0
            if not isinstance(hour, int):
                return None
            shift = g.norm("ampm", gd.get("ampm")) if gd.get("ampm") else None
            if shift is None and gd.get("daypart"):
                shift = g.norm("daypart", gd["daypart"])
            if shift == 12 and hour < 12:
                hour += 12
            elif shift == 0 and hour == 12:
                hour = 0
            if gd.get("lex"):  # "a las seis de la mañana de ayer": the day from the document date
                mv = re.fullmatch(r"([+-]?\d+)D", str(g.norm("deictic", gd["lex"]) or ""))
                if not mv:
                    return None
                h.deictic = (int(mv.group(1)), "D")
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        h.type = "TIME"
        h.time = (hour, minute)
        if gd.get("zone"):
            h.zone = "Z"
    elif kind == "set":
        if gd.get("set_word"):
            h.setv = g.norm("set_word", gd["set_word"])
        elif gd.get("season"):  # "chaque été", "jeden Sommer": XXXX-SU
            sn = g.norm("season", gd["season"])
            h.setv = f"XXXX-{S.SEASON_TIMEX[sn]}" if sn in S.SEASON_TIMEX else None
        elif gd.get("weekday"):  # "tous les samedis (matin)", "jeden Montag", "sonntags": XXXX-WXX-6(TMO)
            wd = g.norm("weekday", gd["weekday"])
            tod = g.norm("tod", gd["tod"]) if gd.get("tod") else None
            if wd is not None and (tod or not gd.get("tod")):
                h.setv = f"XXXX-WXX-{wd}" + (f"T{tod}" if tod else "")
        else:
            unit = _unit(g, gd.get("unit"))
            k = _number(g, gd.get("num") or gd.get("num2"))  # "every six months": P6M; "tous les deux ans"
            if unit and isinstance(k, int):
                h.setv = {"H": f"PT{k}H", "MIN": f"PT{k}M", "S": f"PT{k}S", "DE": f"P{10 * k}Y",
                          "CE": f"P{100 * k}Y"}.get(unit, f"P{k}{unit}")
        if not h.setv:
            return None
        h.type = "SET"
    return h


def _eve(code: str) -> str:
    """The feast code of the day before: '12-25' -> '12-24', 'E+49' -> 'E+48'."""
    mt = re.fullmatch(r"E([+-][0-9]+)?", code)
    if mt:
        return f"E{int(mt.group(1) or 0) - 1:+d}"
    import datetime as dt

    day = dt.date(2001, int(code[:2]), int(code[3:])) - dt.timedelta(days=1)  # a common year
    return f"{day.month:02d}-{day.day:02d}"


def _iso_duration(parts: list) -> str:
    """ISO 8601 duration of (amount, unit) parts: [(2, "Y"), (3, "M")] -> P2Y3M, [(2, "H"), (30, "MIN")] -> PT2H30M."""
    date = "".join(f"{k}{u}" for k, u in parts if u not in ("H", "MIN", "S"))
    time = "".join(f"{k}{u[0]}" for k, u in parts if u in ("H", "MIN", "S"))
    return "P" + date + ("T" + time if time else "")


# --------------------------------------------------------------------------- scanning


def _scan(g: Grammar, text: str) -> list[Hit]:
    cands: list[tuple[int, int, int, Hit]] = []
    for rule in g.rules:
        for mt in rule.regex.finditer(text):
            if mt.end() == mt.start():
                continue
            h = _build(g, rule.kind, rule.name, mt)
            if h is not None:
                cands.append((-(mt.end() - mt.start()), rule.order, mt.start(), h))
    cands.sort(key=lambda c: c[:3])
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Hit] = []
    for _, _, _, h in cands:
        i = bisect_left(starts, h.start)
        if i > 0 and ends[i - 1] > h.start:
            continue
        if i < len(starts) and starts[i] < h.end:
            continue
        starts.insert(i, h.start)
        ends.insert(i, h.end)
        kept.insert(i, h)
    return [h for h in kept if h.kind != "reference"]


_DUR = re.compile(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?")
_DUR_UNITS = ("Y", "M", "W", "D", "H", "MIN", "S")


def _dur_parts(dur: Optional[str]) -> Optional[list]:
    """[(amount, unit)] of an ISO duration with numbers ('P2Y3M'), None otherwise ('PXY')."""
    mt = _DUR.fullmatch(dur or "")
    if not mt or not any(mt.groups()):
        return None
    return [(v, u) for v, u in zip(mt.groups(), _DUR_UNITS) if v is not None]


def _join_durations(g: Grammar, text: str, hits: list[Hit]) -> list[Hit]:
    """One duration of several written in a row, largest unit first: "deux ans, deux mois et
    cinq jours" (P2Y2M5D), "2 horas, 9 minutos e 21 segundos"; tenths after seconds
    ("20 secondi e 5 decimi": PT20.5S; the language's ``tenths`` words); and one set of
    a range of weekday sets ("montags bis freitags": XXXX-WXX-1/XXXX-WXX-5)."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "DURATION" and h.type == "DURATION" and h.kind == "duration" \
                and prev.kind == "duration" and g.duration_glue.fullmatch(text[prev.end:h.start]):
            a, b = _dur_parts(prev.dur), _dur_parts(h.dur)
            if a and b and len(b) == 1 and _DUR_UNITS.index(b[0][1]) > _DUR_UNITS.index(a[-1][1]):
                prev.dur, prev.end = _iso_duration(a + b), h.end
                continue
        if prev is not None and prev.type == "DURATION" and h.type == "TIME" and h.time is not None \
                and re.fullmatch(r"PT(\d{1,2})H", prev.dur or "") and int(prev.dur[2:-1]) <= 24 \
                and _reaches(g.range_to.match(text, prev.end), h):
            prev.type, prev.time, prev.dur = "TIME", (int(prev.dur[2:-1]), 0), None  # "de 10 heures à 19 heures"
        if prev is not None and prev.kind == "date" and prev.type == "DATE" and prev.y is None and prev.m is not None \
                and not prev.interval and prev.yy is None and h.kind in ("relative", "deictic") \
                and (h.rel or h.deictic or (None, None))[1] == "Y" \
                and g.year_of_glue.fullmatch(text[prev.end:h.start]):
            prev.yref, prev.end = h, h.end  # "21 aprile dello stesso anno", "25 de abril desse ano": one date
            continue
        if prev is not None and prev.type == h.type == "SET" and (prev.setv or "").startswith("XXXX-WXX-") \
                and (h.setv or "").startswith("XXXX-WXX-") and g.range_to.fullmatch(text[prev.end:h.start]):
            prev.setv, prev.end = f"{prev.setv}/{h.setv}", h.end  # "montags bis freitags": one set
            continue
        out.append(h)
    tenths = g.tenths
    if tenths is not None:
        for h in out:
            parts = _dur_parts(h.dur) if h.type == "DURATION" else None
            mt = tenths.match(text, h.end) if parts and parts[-1][1] == "S" and "." not in parts[-1][0] else None
            k = _number(g, mt.group("num")) if mt else None
            if isinstance(k, int) and 0 < k < 10:
                parts[-1] = (f"{parts[-1][0]}.{k}", "S")
                h.dur, h.end = _iso_duration(parts), mt.end()
    return out


def _reaches(mt: Optional[re.Match], h: Hit) -> bool:
    """The words matched (from the end of the hit before) lead up to ``h`` or into its
    first word ("10 heures à 19 heures": the TIME hit holds the "à")."""
    return mt is not None and h.start <= mt.end() < h.end and not mt.string[h.start:mt.end()].strip(" ").count(" ")


def _before(text: str, pos: int, floor: int) -> tuple[str, int]:
    lo = max(floor, pos - _LOOKBACK)
    return text[lo:pos], lo


def _is_date(h: Hit) -> bool:
    return (h.type == "DATE" and h.rel is None and h.deictic is None and not h.interval
            and h.weekday is None and h.ref is None and h.quarter is None)


def _decorate(g: Grammar, text: str, hits: list[Hit]) -> None:
    """Prefixes (weekday, part of period) and calendar-style suffixes."""
    floor = 0
    for i, h in enumerate(hits):
        nxt = hits[i + 1].start if i + 1 < len(hits) else len(text)
        if h.type == "DATE" and h.rel is None and h.deictic is None and h.ref is None and h.quarter is None:
            # calendar marker after the date: "25 October 1917 (O.S.)", "25. Oktober 1917 a. St."
            if h.d is not None or h.m is not None or h.interval:
                mt = g.calendar_suffix.match(text, h.end, nxt)
                if mt and (mt.end() == len(text) or not text[mt.end()].isalnum()):
                    cal = g.norm("calendar", mt.group("cal"))
                    if cal:
                        h.calendar = cal
                        h.end = mt.end()
            before, lo = _before(text, h.start, floor)
            if h.d is not None:
                mt = g.weekday_prefix.search(before)
                if mt and "," in mt.group(0) and g.dnext_suffix.search(before[:mt.start()]):
                    mt = None  # "le dimanche suivant, 3 octobre", "próximo domingo, 3 de outubro": apart
                if mt:
                    h.start = lo + mt.start()
                    h.said_weekday = g.norm("weekday", mt.group("weekday"))
                    before, lo = _before(text, h.start, floor)
            if _is_date(h) and h.dual is None:
                mt = g.part_prefix.search(before)
                if mt:
                    q = g.norm("part", mt.group("part"))
                    if q:
                        h.qualifier = q
                        h.start = lo + mt.start()
                        before, lo = _before(text, h.start, floor)
                # "c. 1850", "hacia 1850", "vers 1850", "um 1850": EDTF approximate (~)
                mt = g.approx_prefix.search(before)
                if mt:
                    h.approx = "~"
                    h.start = lo + mt.start()
                # "en 1850 environ", "nel 1850 circa" (not "1850 circa 200 persone")
                mt = g.approx_suffix.match(text, h.end, nxt)
                if mt:
                    h.approx = "~"
                    h.end = mt.end()
                # "1850?" : EDTF uncertain (?)
                if _UNCERTAIN.match(text, h.end):
                    h.approx = "%" if h.approx else "?"
                    h.end += 1
        elif h.type == "DATE" and ((h.deictic is not None and h.deictic[1] in ("Y", "CE", "M", "W"))
                                   or (h.rel is not None and h.rel[1] in ("Y", "CE", "M", "W"))):
            # "a finales del año pasado", "principios de este año", "late last year": part of a deictic
            # period; "à la fin de l'année suivante", "alla fine di quell'anno": of a relative one
            before, lo = _before(text, h.start, floor)
            head = re.match(r"(?:de|del|do|du|des)\s+", text[h.start:h.end], re.I)  # "del año": 'de' of "finales de"
            mt = g.part_prefix.search(text[lo:h.start + (head.end() if head else 0)])
            if mt and g.norm("part", mt.group("part")):
                h.qualifier = g.norm("part", mt.group("part"))
                h.start = lo + mt.start()
        floor = h.end


def _combine(g: Grammar, text: str, hits: list[Hit]) -> list[Hit]:
    """Join two dates into an interval, and read open intervals ("until 1921")."""
    out: list[Hit] = []
    i = 0
    floor = 0
    while i < len(hits):
        h = hits[i]
        if _is_date(h) and h.dual is None and i + 1 < len(hits):
            k = hits[i + 1]
            if _is_date(k) and k.dual is None:
                gap = text[h.end:k.start]
                before, lo = _before(text, h.start, floor)
                start_mt = g.range_start_prefix.search(before)
                joined = None
                if g.range_to.fullmatch(gap) and len(gap) <= 20:
                    joined = True
                elif g.range_and.fullmatch(gap) and start_mt and (
                        g.range_between_prefix is None or g.range_between_prefix.search(before)):
                    joined = True
                if joined and h.decade is not None and k.rule == "bare_year" and k.y is not None and k.y % 10 == 0:
                    k.decade, k.y = k.y // 10, None  # "les années 1920-1930": two decades
                if joined and _ordered(h, k):
                    begin = lo + start_mt.start() if (start_mt and gap.strip() not in "-–—") else h.start
                    iv = Hit(begin, k.end, h.rule + "+" + k.rule, "interval", interval=True, a=h, b=k)
                    out.append(iv)
                    floor = iv.end
                    i += 2
                    continue
        if _is_date(h) or (h.interval and h.a is not None and h.b is not None and False):
            before, lo = _before(text, h.start, floor)
            mt = g.open_start_prefix.search(before)
            if mt:
                h = Hit(lo + mt.start(), h.end, "open_start+" + h.rule, "interval", interval=True, a=None, b=h)
            else:
                mt = g.open_end_prefix.search(before)
                if mt:
                    h = Hit(lo + mt.start(), h.end, "open_end+" + h.rule, "interval", interval=True, a=h, b=None)
        out.append(h)
        floor = h.end
        i += 1
    return out


def _key(h: Hit) -> Optional[tuple]:
    if h.y is not None:
        return (h.y, h.m or 0, h.d or 0)
    if h.decade is not None:
        return (h.decade * 10, 0, 0)
    if h.century is not None:
        return ((h.century - 1) * 100, 0, 0)
    return None


def _ordered(a: Hit, b: Hit) -> bool:
    ka, kb = _key(a), _key(b)
    if ka is None or kb is None:
        return True  # missing year: filled from the other end
    return ka <= kb


# --------------------------------------------------------------------------- resolution


def _gran(y, m, d) -> str:
    return "day" if d is not None else "month" if m is not None else "year"


def _expr(text: str, offset: int, h: Hit, lang: str) -> TimeExpression:
    return TimeExpression(
        start=offset + h.start, end=offset + h.end, text=text[h.start:h.end], type=h.type,
        lang=lang, rule=h.rule, qualifier=h.qualifier, calendar=h.calendar, flags=list(h.flags),
    )


def _resolve_date(h: Hit, anchor: Optional[tuple], te: TimeExpression, dct_year: Optional[int] = None) -> Optional[tuple]:
    """Fill ``te`` for a calendar date / season / decade / century; return its (y, m, d)."""
    if h.decade is not None:
        te.edtf = f"{h.decade:03d}X"
        te.value = f"{h.decade:03d}"
        te.granularity = "decade"
        return None
    if h.century is not None:
        c = h.century
        te.edtf = f"{c - 1:02d}XX" if c > 0 else f"-{-c - 1:02d}XX"
        te.value = f"{c - 1:02d}" if c > 0 else f"BC{-c - 1:02d}"
        te.granularity = "century"
        return None
    if h.dual is not None:
        return _resolve_dual(h, anchor, te)
    y, m, d = h.y, h.m, h.d
    if y is None and h.yy is not None:  # "3/3/21": the century of the last year, else of the document date
        ref = anchor[0] if anchor and anchor[0] is not None else dct_year
        if ref is not None:
            y = S.two_digit_year(h.yy, ref)
            te.resolution = "year_from_context"
            te.flags.append(f"two-digit year {h.yy:02d}: century from the context")
    if y is None:
        if (anchor is None or anchor[0] is None) and dct_year is not None:
            anchor = (dct_year, None, None)
        if anchor is None or anchor[0] is None:
            te.resolution = "unresolved"
            te.granularity = "day" if d is not None else "month"
            if h.feast is not None or h.weekend:
                te.value = "XXXX" if h.feast is not None else f"XXXX-{m:02d}-WE"
                return None
            te.value = "XXXX" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d is not None else "")
            if d is not None and m is not None and not S.valid_day(None, m, d):
                te.flags.append(f"impossible date: day {d} of month {m}")
            return None
        y = anchor[0]
        te.resolution = "year_from_context"
        if h.after and m is not None and anchor[1] is not None:  # "le 1er janvier suivant"
            here, there = (m, d or 0), (anchor[1], anchor[2] or 0)
            if h.after > 0 and here <= there:
                y += 1
            elif h.after < 0 and here >= there:
                y -= 1
        elif m is not None and d is not None and anchor[2] is not None and h.season is None and h.nth is None \
                and h.feast is None and not h.after \
                and 1 < anchor[0] < 9999 and S.valid_day(anchor[0], m, d):
            # a day and month across a year's end from the day before: "1 January 1917 ...
            # On 31 December the Tsar had left" is 1916; "20 December 1916 ... on 2 January"
            # is 1917 (only within 45 days; otherwise the anchor's year)
            import datetime as _dt

            base = _dt.date(*anchor)

            def gap(yy: int) -> int:
                return abs((_dt.date(yy, m, min(d, 28 if m == 2 else d)) - base).days)
            near = min((anchor[0] - 1, anchor[0] + 1), key=gap)
            if gap(y) > 180 and gap(near) <= 45 and S.valid_day(near, m, d):
                y = near
                te.flags.append(f"year {y}: the nearer reading across the year's end")
    if h.feast is not None:  # a movable feast: its day in the year now known
        day = S.feast_day(h.feast, y)
        if day is None:
            return None
        y, m, d = day
    if h.nth is not None and m is not None and 1 <= y <= 9999:  # the n-th (or last) such weekday of the month
        import calendar

        days = [dd for dd in range(1, calendar.monthrange(y, m)[1] + 1) if calendar.weekday(y, m, dd) == h.nth[1] - 1]
        if h.nth[0] > len(days) or h.nth[0] == 0:
            te.flags.append(f"impossible date: weekday {h.nth[1]} number {h.nth[0]} of month {m} in {y}")
            return None
        d = days[h.nth[0] - 1] if h.nth[0] > 0 else days[-1]
        if h.weekend:  # the Saturday and the Sunday after it; TIMEX3: the ISO week's weekend
            sun = S.add_offset((y, m, d), 1, "D")
            te.edtf = f"{S.edtf_date(y, m, d)}/{S.edtf_date(*sun)}"
            te.value, te.granularity = f"{_iso_week((y, m, d))}-WE", "week"
            return (y, m, d)
    if h.season is not None:
        te.edtf = f"{S.edtf_year(y)}-{h.season}"
        te.value = f"{S.timex_year(y)}-{S.SEASON_TIMEX[h.season]}"
        te.granularity = "season"
        return (y, None, None)
    if d is not None and (m is None or not S.valid_day(y, m, d)):
        te.flags.append(f"impossible date: day {d} of month {m} in {y}")
        te.value = None
        te.granularity = "day"
        return None
    if h.said_weekday is not None and d is not None:
        y = _check_weekday(h, y, m, d, te)
    if h.calendar == "julian" and d is not None:
        gy, gm, gdd = S.julian_to_gregorian(y, m, d)
        te.julian = S.edtf_date(y, m, d)
        y, m, d = gy, gm, gdd
    elif h.calendar == "julian":
        te.julian = S.edtf_date(y, m, d)
        te.flags.append("Old Style month or year: not converted")
    te.edtf = S.edtf_date(y, m, d)
    te.value = S.timex_date(y, m, d)
    te.granularity = _gran(y, m, d)
    return (y, m, d)


def _check_weekday(h: Hit, y: int, m: int, d: int, te: TimeExpression) -> int:
    """Use the written weekday: pick the year when it came from the context, and flag
    a date it does not fit (noting when the Old Style reading fits it)."""
    import datetime as dt

    def fits(yy: int, julian: bool = False) -> bool:
        try:
            parts = S.julian_to_gregorian(yy, m, d) if julian else (yy, m, d)
            return dt.date(*parts).isoweekday() == h.said_weekday
        except ValueError:
            return False

    julian = h.calendar == "julian"
    if fits(y, julian):
        return y
    if te.resolution == "year_from_context":
        for yy in (y - 1, y + 1):
            if fits(yy, julian):
                te.flags.append(f"year {yy} chosen by the weekday")
                return yy
    if not julian and fits(y, True):
        te.flags.append("weekday fits the Old Style (Julian) reading of the date")
    else:
        te.flags.append("weekday does not fit the date")
    return y


def _resolve_dual(h: Hit, anchor: Optional[tuple], te: TimeExpression) -> Optional[tuple]:
    (y1, m1, d1), (y2, m2, d2), marker = h.dual
    if y2 is None:
        if anchor is None:
            te.resolution = "unresolved"
            te.granularity = "day"
            return None
        y1 = y2 = anchor[0]
        te.resolution = "year_from_context"
    y1 = y1 or y2
    for yy, mm, dd in ((y1, m1, d1), (y2, m2, d2)):
        if not S.valid_day(yy, mm, dd):
            te.flags.append(f"impossible date: day {dd} of month {mm} in {yy}")
            te.granularity = "day"
            return None

    def matches(j, gg):
        for dy in (0, -1, 1):
            if S.julian_to_gregorian(j[0] + dy, j[1], j[2]) == gg:
                return j[0] + dy
        return None

    first, second = (y1, m1, d1), (y2, m2, d2)
    jul = greg = None
    order = [(second, first), (first, second)] if marker == "julian" else [(first, second), (second, first)]
    if marker == "gregorian":
        order = [(first, second)]
    for j, gg in order:
        jy = matches(j, gg)
        if jy is not None:
            jul, greg = (jy, j[1], j[2]), gg
            break
    if jul is None:
        te.flags.append("dual date: the two days are not one Julian/Gregorian pair")
        jul, greg = (first, second) if marker != "julian" else (second, first)
    te.julian = S.edtf_date(*jul)
    te.edtf = S.edtf_date(*greg)
    te.value = S.timex_date(*greg)
    te.calendar = "gregorian"
    te.granularity = "day"
    return greg


def _resolve_weekday(h: Hit, anchor, dct, te: TimeExpression):
    """A weekday alone: in a narrative, the first such day after the anchor day;
    otherwise the last such day on or before the document date."""
    import datetime as dt

    te.granularity = "day"
    try:
        if anchor and anchor[2] is not None:
            base = dt.date(*anchor)
            delta = (h.weekday - 1 - base.weekday()) % 7 or 7
        elif dct and dct[2] is not None:
            base = dt.date(*dct)
            delta = -((base.weekday() - (h.weekday - 1)) % 7)
        else:
            base = None
    except ValueError:
        base = None
    if base is None:
        te.resolution = "unresolved"
        te.value = f"XXXX-WXX-{h.weekday}"
        return te, anchor
    day = base + dt.timedelta(days=delta)
    parts = (day.year, day.month, day.day)
    te.resolution = "relative"
    te.edtf = S.edtf_date(*parts)
    te.value = S.timex_date(*parts)
    return te, (parts if anchor and anchor[2] is not None else anchor)


def _day_only(h: Hit, anchor, dct, te: TimeExpression, tense: Optional[int] = None) -> TimeExpression:
    """'el día 13': in news the month of the last date the text named, else of the
    document date (the nearest such day, leaning to the past, or on the side of the
    verb's ``tense``); else of the anchor."""
    te.granularity = "day"
    if dct is not None and anchor and anchor[1] is not None and anchor != dct:
        dct = anchor  # news: the month the text last named ("el 11 de septiembre ... el día 12")
        tense = None
    base = dct if dct and dct[1] is not None else (anchor if anchor and anchor[1] is not None else None)
    if base is None:
        te.value, te.resolution = f"XXXX-XX-{h.d:02d}", "unresolved"
        return te
    y, m = base[0], base[1]
    if dct is not None and dct[2] is not None:
        k = y * 12 + m - 1
        cands = [(kk // 12, kk % 12 + 1) for kk in (k - 1, k, k + 1)]

        def dist(ym):
            diff = (ym[0] * 12 + ym[1] - k - 1) * 31 + h.d - dct[2]
            if tense and diff * tense < 0:  # "se representará hasta el día 13": not a day gone by
                return 10 ** 6
            return 3 * diff if diff > 0 else -diff

        y, m = min(cands, key=dist)
    if h.said_weekday is not None:  # "mardi 3": the month (this, the last or the next) whose 3rd is a Tuesday
        import datetime as dt

        def fits(ym) -> bool:
            return S.valid_day(ym[0], ym[1], h.d) and dt.date(ym[0], ym[1], h.d).isoweekday() == h.said_weekday

        k = y * 12 + m - 1
        for kk in (k, k - 1, k + 1):
            if fits((kk // 12, kk % 12 + 1)):
                y, m = kk // 12, kk % 12 + 1
                break
        else:
            te.flags.append("weekday does not fit the date")
    if not S.valid_day(y, m, h.d):
        te.value, te.resolution = None, "unresolved"
        return te
    te.value, te.edtf, te.resolution = S.timex_date(y, m, h.d), S.edtf_date(y, m, h.d), "year_from_context"
    return te


@functools.lru_cache(maxsize=None)
def _rx(pattern: str) -> re.Pattern:
    """A regex of the language's ``news`` settings (case-insensitive), compiled once."""
    return re.compile(pattern, re.I)


def _tense(g_news: Optional[dict], text: str, start: int, end: int) -> Optional[int]:
    """-1 (past) or +1 (future) from the verb of the clause of text[start:end] (the nearest
    before it, else the nearest after), by the language's ``news.tense_past`` /
    ``news.tense_future`` regexes (``news.tense_ignore``: reporting verbs, which say when it
    was said, not when it happens); None without them."""
    if not g_news or not g_news.get("tense_past") or not g_news.get("tense_future"):
        return None
    past, future = _rx(g_news["tense_past"]), _rx(g_news["tense_future"])
    before = text[max(0, start - 30):start]
    future_only = False
    for key, sign in (("tense_prep_past", -1), ("tense_prep_future", 1), ("tense_prep_future_only", 0)):
        if g_news.get(key) and _rx(r"(?<!\w)(?:%s)\s+(?:el\s+|del\s+|al\s+)?$" % g_news[key]).search(before):
            if sign:
                return sign  # "desde el lunes", "para el domingo"
            future_only = True  # "hasta el jueves": only a future verb says which ("han dado vacaciones hasta")
    rx_end = _rx(g_news.get("clause_end") or r"[.;:!?\n]")
    lo = max((m.end() for m in rx_end.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    m = rx_end.search(text, end, end + 200)
    hi = m.start() if m else min(len(text), end + 200)
    ignore = _rx(g_news["tense_ignore"]) if g_news.get("tense_ignore") else None
    best = None
    for sign, rx in ((-1, past), (1, future)):
        if future_only and sign < 0:
            continue
        for mt in rx.finditer(text, lo, hi):
            if start <= mt.start() < end or (ignore and ignore.fullmatch(mt.group(0))):
                continue
            # the verb before it in its clause first ("tras las elecciones del 12 de marzo , hizo"),
            # else the one after ("El sábado , Morel Cerda se reunió")
            key = (0, start - mt.end()) if mt.end() <= start else (1, mt.start() - end)
            if best is None or key < best[0]:
                best = (key, sign)
    return best[1] if best else None


def _news_weekday(h: Hit, dct: tuple, te: TimeExpression, back: int = 6,
                  last_skips_today: bool = False) -> TimeExpression:
    """A weekday in news: within the week from ``back`` days before the document date
    (the language's ``news.weekday_back``, default 6: on or before it), the next one
    after it with 'next'."""
    import datetime as dt

    te.granularity = "day"
    try:
        base = dt.date(dct[0], dct[1] or 1, dct[2] or 1)
    except ValueError:
        te.value = f"XXXX-WXX-{h.weekday}"
        te.resolution = "unresolved"
        return te
    window = back
    back = (base.weekday() - (h.weekday - 1)) % 7
    if h.dir == 1:
        delta = (h.weekday - 1 - base.weekday()) % 7 or 7
    elif h.dir == -1 and last_skips_today:  # "el pasado jueves" on a Thursday: a week before
        delta = -(back or 7)
    else:
        delta = -back if back <= window else 7 - back
    day = base + dt.timedelta(days=delta)
    parts = (day.year, day.month, day.day)
    te.resolution = "relative"
    te.edtf = S.edtf_date(*parts)
    te.value = S.timex_date(*parts)
    return te


def _offset(base: Optional[tuple], n: int, unit: str, te: TimeExpression, how: str) -> Optional[tuple]:
    if unit == "DE" and base and base[0] is not None:
        dec = base[0] // 10 + n
        te.resolution = how
        te.edtf, te.value, te.granularity = f"{dec:03d}X", f"{dec:03d}", "decade"
        return None
    if unit == "CE" and base and base[0] is not None:  # "le siècle suivant": 19XX -> 20XX
        cent = base[0] // 100 + n
        te.resolution = how
        te.edtf, te.value, te.granularity = f"{cent:02d}XX", f"{cent:02d}", "century"
        return None
    res = S.add_offset(base, n, unit) if base else None
    if res is None:
        te.resolution = "unresolved"
        te.granularity = {"D": "day", "W": "day", "M": "month"}.get(unit, "year")
        te.value = {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}.get(unit, "XXXX")
        return None
    te.resolution = how
    te.edtf = S.edtf_date(*res)
    te.value = S.timex_date(*res)
    te.granularity = _gran(*res)
    return res


def _news_year(h: Hit, dct: tuple, tense: Optional[int] = None) -> int:
    """The year of a date written without one, read against the document date (news
    style, TimeBank): 'last May' the latest May before it, 'next May' the first after,
    'this May' its year, and otherwise the reading nearest to it."""
    y0, m0, d0 = dct[0], dct[1] or 6, dct[2] or 15
    here = (m0, d0)
    m, d = h.m or 6, h.d if h.d is not None else 15
    if h.season is not None:
        m, d = {21: 4, 22: 7, 23: 10, 24: 1}.get(h.season, 6), 15
    if h.ydir is not None:
        return y0 + h.ydir
    if h.season is not None and h.dir is None and not tense and h.m is None:
        return y0  # "en otoño": this year's (a season is too long to lean to the past)
    if tense and h.dir is None:  # the verb's tense: "se celebrará en marzo" the next March, "llegó en julio" the last July
        here_m = (m0, d0) if h.d is not None else (m0, 99 if tense < 0 else 0)
        mine = (m, d) if h.d is not None else (m, 50)
        if tense < 0:
            return y0 if mine <= here_m else y0 - 1
        return y0 if mine >= here_m else y0 + 1
    if h.dir == 0:
        return y0
    if h.dir == -1:
        return y0 if (m, d) < here else y0 - 1
    if h.dir == 1:
        return y0 if (m, d) > here else y0 + 1
    # news mostly reports the past: a reading after the document date counts thrice
    def dist(y: int) -> int:
        k = (y - y0) * 372 + (m - m0) * 31 + (d - d0)
        return 3 * k if k > 0 else -k

    return min((y0, y0 - 1, y0 + 1), key=dist)


_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}  # the month each season (EDTF 21-24) begins in


def _season_from(h: Hit, anchor, season_anchor, te: TimeExpression):
    """'l'été suivant', 'im folgenden Sommer': the next (or previous) such season after
    the last season, month or year of the narrative; unresolved without one."""
    te.granularity = "season"
    if anchor is None or anchor[0] is None:
        te.resolution, te.value = "unresolved", f"XXXX-{S.SEASON_TIMEX[h.season]}"
        return te, anchor
    y, m = anchor[0], anchor[1]
    if season_anchor is not None and season_anchor[0] == y and m is None:
        here = season_anchor[1]  # the season last named: "au printemps 1940 ... l'été suivant"
        later, earlier = h.season > here, h.season < here
    elif m is not None:
        later, earlier = _SEASON_START[h.season] > m, _SEASON_START[h.season] + 2 < m
    else:
        later = earlier = False
    if h.snext > 0:
        y = y if later else y + 1
    elif h.snext < 0:
        y = y if earlier else y - 1
    te.edtf = f"{S.edtf_year(y)}-{h.season}"
    te.value = f"{S.timex_year(y)}-{S.SEASON_TIMEX[h.season]}"
    te.resolution = "relative"
    return te, _more_specific(anchor, (y, None, None)) if y != anchor[0] else anchor


def _resolve(text: str, offset: int, h: Hit, lang: str, anchor, dct, news: bool = False,
             g_news: Optional[dict] = None, season_anchor: Optional[tuple] = None):
    """TimeExpression for a hit, and the anchor it leaves behind.  ``news``: the
    document date, not the last date of the text, resolves dates without a year and
    weekdays (the TimeBank convention for news; used by the TimeML writer)."""
    if h.date_start is not None and not news:  # outside TimeML: the date alone ("la noche del 4 de agosto")
        h.type, h.tod, h.start = "DATE", None, h.date_start
    te = _expr(text, offset, h, lang)
    new_anchor = anchor
    if h.ref == "WE":  # "the weekend": the one around the document date (Mon-Wed: the last one)
        import datetime as dt

        te.granularity = "week"
        try:
            base = dt.date(*dct) if dct and dct[2] is not None else None
        except ValueError:
            base = None
        if base is None:
            te.value, te.resolution = "XXXX-WXX-WE", "unresolved"
            return te, anchor
        shift = h.dir if h.dir is not None else (-1 if base.weekday() < 3 else 0)
        iy, iw, _ = (base + dt.timedelta(weeks=shift)).isocalendar()
        te.value, te.resolution = f"{iy:04d}-W{iw:02d}-WE", "relative"
        return te, anchor
    if h.ref is not None:
        te.value = h.ref
        te.resolution = "relative"
        te.granularity = "reference"
        return te, anchor
    if h.quarter == 0:
        te.granularity = "quarter"
        if h.qcur and dct and dct[0] is not None and dct[1] is not None:  # the current part, moved by dir
            n = {"Q": 4, "H": 2, "T": 3}.get(h.qunit, 4)
            k = dct[0] * n + (dct[1] - 1) * n // 12 + (h.dir or 0)
            te.value = f"{S.timex_year(k // n)}-{h.qunit}{k % n + 1}"
            te.resolution = "relative"
        elif dct and dct[0] is not None and dct[1] is not None:
            k = dct[0] * 4 + (dct[1] - 1) // 3 - 1 + 4 * (h.dir or 0)
            te.value = f"{S.timex_year(k // 4)}-Q{k % 4 + 1}"
            te.resolution = "relative"
        else:
            te.value = "XXXX-QX"
            te.resolution = "unresolved"
        return te, anchor
    if h.quarter is not None:
        y = h.y
        if y is None and dct and dct[0] is not None:
            y = dct[0] + (h.dir or 0)
        te.value = f"{S.timex_year(y) if y is not None else 'XXXX'}-{h.qunit}{h.quarter}"
        te.granularity = "quarter"
        te.resolution = "explicit" if h.y is not None else ("relative" if y is not None else "unresolved")
        return te, anchor
    if h.mdir is not None and dct and dct[0] is not None and dct[1] is not None:
        k = dct[0] * 12 + dct[1] - 1 + h.mdir  # "el 20 de este mes": the month from the document date
        h.y, h.m, h.mdir = k // 12, k % 12 + 1, None
        te.resolution = "relative"
    if h.m is None and h.y is None and h.d is not None and h.type == "DATE" and not h.interval:
        # news: the document date's month; otherwise the month the text last named, else the document date's
        tense = _tense(g_news, text, h.start, h.end) if news and h.dir is None else None
        te = _day_only(h, anchor, dct if news or not (anchor and anchor[1] is not None) else None, te, tense)
        return te, (_day_of(te.value) or anchor)
    if news and dct and dct[0] is not None:
        if h.weekday is not None and h.tod is None:
            back = (g_news or {}).get("weekday_back", 6) if h.dir is None else 6
            if h.dir is None:  # the verb's tense: a past one points back, a future one ahead
                back = {-1: 6, 1: 0}.get(_tense(g_news, text, h.start, h.end), back)
            te = _news_weekday(h, dct, te, back, (g_news or {}).get("last_skips_today", False))
            return te, (_day_of(te.value) or anchor)
        if (h.y is None and h.yy is None and h.dual is None and h.decade is None and h.century is None
                and h.snext is None and not h.interval and h.rel is None and h.deictic is None
                and h.type == "DATE" and (h.m is not None or h.season is not None)):
            tense = _tense(g_news, text, h.start, h.end) if h.dir is None and h.ydir is None else None
            h.y = _news_year(h, dct, tense)
            te.resolution = "year_from_context"
    elif (h.dir is not None or h.ydir is not None) and h.y is None and h.snext is None and dct and dct[0] is not None \
            and h.type == "DATE" \
            and h.weekday is None and (h.m is not None or h.season is not None):
        h.y = _news_year(h, dct)  # "last May": from the document date, not the narrative
        te.resolution = "year_from_context"
    if news and (h.rel is not None or h.deictic is not None) and h.dur and (g_news or {}).get("later_is_duration"):
        h.type = te.type = "DURATION"  # "dos días después": a duration in Spanish TimeBank
    if h.type == "DURATION":
        te.value = h.dur
        te.granularity = "duration"
        return te, anchor
    if h.type == "TIME" and h.tod is not None:
        code, shift = h.tod
        te.granularity = "time"
        base = dct
        if shift is None:  # the day the text last named (news), else the document date
            shift, base = 0, (anchor if anchor and anchor[2] is not None else dct)
        elif h.weekday is not None and dct and dct[2] is not None:
            back = (g_news or {}).get("weekday_back", 6) if h.dir is None else 6
            base = _day_of(_news_weekday(h, dct, _expr(text, offset, h, lang), back).value) or dct
        elif h.d is not None and h.m is not None:  # "la noche del 5 de mayo"
            y = h.y if h.y is not None else (_news_year(h, dct) if dct and dct[0] is not None else None)
            base = (y, h.m, h.d) if y is not None else None
        day = S.add_offset(base, shift, "D") if base and base[2] is not None else None
        if day is not None:
            te.value = S.timex_date(*day) + "T" + code
            te.edtf = S.edtf_date(*day)  # the day, for the rest of Chronicon
            te.resolution = "relative"
            if base is dct and (h.weekday is not None or shift != 0 or not anchor or anchor[2] is None):
                return te, day  # "demain matin à 9 heures": the clock time on that day
        else:
            te.value = "T" + code
            te.resolution = "unresolved"
        return te, anchor
    if h.type == "TIME":
        hh, mm = h.time
        t = f"T{hh:02d}:{mm:02d}{h.zone}"
        if h.deictic is not None and dct and dct[2] is not None:
            te.value = S.timex_date(*S.add_offset(dct, h.deictic[0], "D")) + t
            te.resolution = "relative"
        elif news and anchor and anchor[2] is not None:  # the day the text last named
            te.value = S.timex_date(*anchor) + t
            te.resolution = "relative"
        elif news and dct and dct[2] is not None:
            te.value = S.timex_date(*dct) + t
            te.resolution = "relative"
        elif anchor and anchor[2] is not None:
            te.value = S.timex_date(*anchor) + t
            te.resolution = "relative"
        else:
            te.value = t
        te.granularity = "time"
        return te, anchor
    if h.type == "SET":
        te.value = h.setv
        te.granularity = "set"
        return te, anchor
    if h.weekday is not None:
        if h.dir is not None and dct and dct[0] is not None:  # "next Friday": from the document date
            te = _news_weekday(h, dct, te, 6, (g_news or {}).get("last_skips_today", False))
            return te, (_day_of(te.value) or anchor)  # "jeudi prochain à 14 heures": that day
        return _resolve_weekday(h, anchor, dct, te)
    if h.snext is not None:
        return _season_from(h, anchor, season_anchor, te)
    if h.rel is not None:
        base = _relative_base(h.rel, anchor, dct)
        if h.rel == (0, "W") and base and base[2] is not None:  # "au début de la semaine": an ISO week
            te.value, te.edtf, te.granularity, te.resolution = _iso_week(base), None, "week", "relative"
            return te, anchor
        res = _offset(base, h.rel[0], h.rel[1], te, "relative")
        if res is not None:
            te.calendar = "unstated"
            if h.approx and te.edtf:  # "quelques jours plus tard": approximate, no anchor
                te.edtf += h.approx
            else:
                new_anchor = res
            if news and h.rel[1] == "W" and h.rel[0] and not h.approx:  # "la semana siguiente": an ISO week
                te.value, te.granularity = _iso_week(res), "week"
                new_anchor = anchor  # a week names no day for the clock times after it
        return te, new_anchor
    if h.deictic is not None:
        base = dct
        if (dct is None or dct[0] is None) and h.deictic == (0, "CE") and anchor and anchor[0] is not None:
            base = anchor  # a narrative's "a comienzos de siglo", "au début du siècle": the century it is in
            if h.qualifier == "early" and anchor[0] % 100 >= 50:
                # "born in 1869 ... at the beginning of the century": a narrative moves on, so
                # the beginning of a century already half gone is the next one's
                base = (anchor[0] + 100, None, None)
        res = _offset(base, h.deictic[0], h.deictic[1], te, "relative")
        if h.approx and te.edtf:
            te.edtf += h.approx
        if res is not None and h.deictic[1] == "W":
            # "this week", "last week": an ISO week, which EDTF cannot write
            te.value, te.edtf, te.granularity = _iso_week(res), None, "week"
        if news and res is not None and h.deictic[1] == "D":  # "yesterday": the day later times refer to
            return te, res
        return te, anchor
    if h.interval:
        a, b = h.a, h.b
        if a is not None and b is not None and a.m is None and b.m is None and a.d is not None and b.d is not None:
            # two days without a month ("la nuit du 5 au 6"): the month the text last named
            base = anchor if anchor and anchor[1] is not None else (dct if dct and dct[1] is not None else None)
            if base is None:
                te.value, te.resolution, te.granularity = f"XXXX-XX-{a.d:02d}/XXXX-XX-{b.d:02d}", "unresolved", "interval"
                return te, anchor
            a.y, a.m = base[0], base[1]
            b.y, b.m = (base[0], base[1]) if b.d > a.d else ((base[0], base[1] + 1) if base[1] < 12 else (base[0] + 1, 1))
            te.resolution = "year_from_context"
        if a is not None and b is not None:
            if a.y is None and b.y is not None and a.dual is None:
                a.y = b.y
                if a.m is None:
                    a.m = b.m
                if a.m is not None and b.m is not None and (a.m, a.d or 0) > (b.m, b.d or 0):
                    a.y -= 1  # "du 28 décembre au 3 janvier 1920": the start in the year before
            if a.calendar == "unstated":
                a.calendar = h.calendar if h.calendar != "unstated" else b.calendar
            if b.calendar == "unstated":
                b.calendar = h.calendar
        ends = []
        anchor_out = anchor
        for part in (a, b):
            if part is None:
                ends.append(None)
                continue
            sub = _expr(text, offset, part, lang)
            sub.calendar = part.calendar
            got = _resolve_date(part, anchor, sub, dct[0] if dct else None)
            te.flags.extend(f for f in sub.flags if f not in te.flags)
            if sub.resolution != "explicit":
                te.resolution = sub.resolution if te.resolution == "explicit" else te.resolution
            if sub.calendar != "unstated":
                te.calendar = sub.calendar
            if sub.julian:
                te.julian = (te.julian + "/" if te.julian else "") + sub.julian
            ends.append(sub)
            if got is not None:
                anchor_out = _more_specific(anchor_out, got)
            if part is a and got is not None and b is not None and b.y is None and b.m is not None \
                    and got[1] is not None and (b.m, b.d or 0) < (got[1], got[2] or 0):
                b.y = got[0] + 1  # "vom 24. Dezember bis zum 1. Januar": the end in the next year
                te.resolution = "year_from_context"
        ea, eb = ends
        if (a is None) != (b is None) and te.qualifier is None:  # "bis Ende 1905": the end's part
            te.qualifier = (a or b).qualifier
        if (ea is not None and ea.edtf is None) or (eb is not None and eb.edtf is None):
            te.edtf = None
            te.value = None
            if te.resolution == "explicit" and not te.flags:
                te.resolution = "unresolved"
        else:
            te.edtf = f"{ea.edtf if ea else '..'}/{eb.edtf if eb else '..'}"
            te.value = f"{ea.value if ea else '..'}/{eb.value if eb else '..'}"
        te.granularity = "interval"
        return te, anchor_out
    if h.yref is not None and h.y is None:  # the year of "dello stesso anno", "de l'année suivante", "vergangenen Jahres"
        r = h.yref
        n = (r.rel or r.deictic)[0]
        base = dct if r.deictic is not None else _relative_base(r.rel, anchor, dct)
        if base and base[0] is not None:
            h.y = base[0] + n
            te.resolution = "relative"
    resolution = te.resolution
    got = _resolve_date(h, anchor, te, dct[0] if dct else None)
    if resolution in ("year_from_context", "relative"):
        te.resolution = resolution
    if h.approx and te.edtf is not None:
        te.edtf += h.approx
        got = None  # an approximate date is no anchor
    if got is not None:
        new_anchor = _more_specific(anchor, got)
    return te, new_anchor


def _event_relative(text: str, h: Hit, prev: Optional[Hit], prev_te: Optional[TimeExpression],
                    te: TimeExpression) -> None:
    """A relative counted from an event ("il giorno dopo l'annuncio", "le lendemain de son
    élection"): in apposition to a date the clause has given ("fu affondata il 9 settembre
    1943, il giorno dopo l'annuncio") it is that date; otherwise it is read from the last
    date of the text (the event most often just dated: "élue le 5 mai ... le lendemain de
    son élection"), flagged, and stays unresolved without one."""
    if (prev is not None and prev_te is not None and prev_te.type == "DATE" and prev_te.edtf
            and re.fullmatch(r"\s*,\s*", text[prev.end:h.start])
            and len(re.findall(r"\w+", re.split(r"[.;:!?]\s", text[:prev.start])[-1])) >= 3):
        te.edtf, te.value, te.resolution = prev_te.edtf, prev_te.value, "relative"
        te.granularity = prev_te.granularity
        te.flags.append("counted from an event: the date it stands in apposition to")
    elif te.edtf:
        te.flags.append("counted from an event: read from the last date of the text")


def _relative_base(rel: tuple, anchor, dct):
    """What a relative (n, unit) counts from: the last date of the text, but the document
    date for "the same year / month / week / day" ("à la fin du mois", "la même année")
    when the text has named none to that unit before."""
    if rel[0] == 0 and dct and dct[0] is not None and (anchor is None or anchor[0] is None or (
            rel[1] in ("M", "W", "D") and anchor[1] is None)):
        return dct
    return anchor


def _iso_week(day: tuple) -> str:
    """The ISO week of a day (y, m, d) as TIMEX3 writes it: '1998-W07'."""
    import datetime as dt

    iy, iw, _ = dt.date(*day).isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _day_of(value: Optional[str]) -> Optional[tuple]:
    mt = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return (int(mt.group(1)), int(mt.group(2)), int(mt.group(3))) if mt else None


def _more_specific(anchor: Optional[tuple], new: tuple) -> tuple:
    """The new anchor: ``new``, unless it is coarser and contains the old anchor."""
    if anchor is None:
        return new
    y, m, d = new
    if d is None and anchor[0] == y and (m is None or anchor[1] == m):
        if (anchor[1] is not None and m is None) or (anchor[2] is not None and d is None):
            return anchor
    return new


# --------------------------------------------------------------------------- public API


def _tag(text: str, lang: str, anchor: Optional[tuple], dct: Optional[tuple], offset: int = 0,
         join: bool = True, news: bool = False):
    g = load(lang)
    if news and anchor is None:
        anchor = dct  # news: "a year earlier" counts from the document date until a date is given
    hits = _join_durations(g, text, _scan(g, text))
    _decorate(g, text, hits)
    if join or news:  # news: joined only to lend the year ("entre enero y marzo de 1998"), then split
        hits = _combine(g, text, hits)
    if news:  # TimeML has no intervals: a day range's two ends are tagged apart
        split = []
        for h in hits:
            if h.interval and h.a is not None and h.b is not None and h.a.end <= h.b.start:
                if h.a.y is None and h.a.dual is None:
                    h.a.y = h.b.y
                split.extend((h.a, h.b))
            elif h.interval and h.rule.startswith("open_") and (h.a is None) != (h.b is None):
                split.append(h.a or h.b)  # "hasta 1921": the date alone
            else:
                split.append(h)
        hits = split
    if news:  # TimeML extents take the article in some languages ("el 19 de mayo")
        floor = 0
        drop = (g.norms.get("news") or {}).get("part_drop")  # "a finales de 1998": TimeML leaves out "a"
        for h in hits:
            before, lo = _before(text, h.start, floor)
            mt = g.article_prefix.search(before) if h.ref is None else None  # not "la próxima"
            if mt:
                h.start = lo + mt.start()
            if drop and h.qualifier:
                mt = re.match(r"(?:%s)\s+" % "|".join(map(re.escape, drop)), text[h.start:h.end], re.I)
                if mt:
                    h.start += mt.end()
            floor = h.end
    out = []
    season = None  # (year, EDTF season) of the last season named: "l'été suivant"
    prev = None
    for h in hits:
        before = anchor
        te, anchor = _resolve(text, offset, h, lang, anchor, dct, news, g.norms.get("news"), season)
        if h.event:
            if prev is not None and re.fullmatch(r"\s*,\s*", text[prev.end:h.start]):
                anchor = before  # in apposition: no new anchor
            _event_relative(text, h, prev, out[-1] if out else None, te)
        prev = h
        if te.granularity == "season" and te.edtf and anchor and te.edtf.startswith(S.edtf_year(anchor[0])):
            season = (anchor[0], int(te.edtf[-2:]))
        out.append(te)
    return out, anchor


def tag(text: str, lang: str, *, anchor: Optional[str] = None, dct: Optional[str] = None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` (language ``lang``), offsets into ``text``.

    ``anchor`` (EDTF day, month or year) resolves dates without a year and relative
    expressions ("the following day"); ``dct`` (document creation date) resolves
    deictic ones ("yesterday", "last year").  Unknown ``lang``: LanguageDataError E101.
    """
    out, _ = _tag(text, lang, S.parse_anchor(anchor), S.parse_anchor(dct))
    return out


def tag_source(source: Source) -> list[TimeExpression]:
    """Tag every segment of ``source`` in its own language, carrying the anchor
    (the last explicit date) from sentence to sentence; offsets into ``source.text``."""
    if source.segments:
        spans = [(s.start, s.end, s.lang) for s in source.segments]
    elif source.sentences:
        spans = [(s.start, s.end, s.lang) for s in source.sentences]
    else:
        spans = [(0, len(source.text), source.lang)]
    dct = S.parse_anchor(source.dct)
    anchor = None
    out: list[TimeExpression] = []
    load(source.lang)  # the document's own language must have a grammar (E101)
    known = set(language_codes())
    for start, end, lang in sorted(spans):
        # a quotation in a language without a grammar is read with the document's
        if lang not in known:
            lang = source.lang
        found, anchor = _tag(source.text[start:end], lang, anchor, dct, start)
        out.extend(found)
    # a calendar the source declares once ("all dates are Old Style") for the dates
    # that state none; idempotent, so a second call changes nothing
    from ._declared import apply_declared_calendar

    return apply_declared_calendar(source, out)
