"""Synthetic claims with known truth, for measuring reconcile (``chronicon bench reconcile``).

:func:`generate` invents people (names rendered in the romanisations of six
languages, male/female surname pairs such as Kamenev/Kameneva, regnal numbers),
gives them events of the types of ``shared/spec/event_types.md`` in real places
(Russia before 1918, Greece before 1923, Britain before 1752 used the Julian
calendar), and renders each event as claims of many sources with every kind of
disagreement reconcile must explain:

- ``agree``: the same date; ``single``: one source;
- ``compatible``: a coarser or nested date (1927-10 vs 1927-10-23), or ordered
  stages (a dated decision then the execution, departure then arrival);
- ``calendar_style``: an unmarked Old Style date in a place and time where the
  Julian calendar was in use, or a source that marks it (``calendar="julian"``,
  ``julian_date``);
- ``contradiction``: transposed digits, a year off by one, a day outside the
  month the others give, an arbitrary gap, the decision's date given for the
  execution, an attack dated instead of the death;
- reports dated when they were printed (``reported=True``): separate events;
- subject labels the entities stage failed to canonicalise (Zinóviev, Sinowjew);
- copies of sources that share quotes and must count as one witness.

Deterministic for a given seed. The truth is returned beside the claims:
``Truth.event_of[claim_id]`` is the gold event, ``Truth.events[i]`` its
expected verdict, reason and date. :func:`score` compares reconcile's events
with it (B-cubed, verdict accuracy per kind, contradiction precision/recall).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .._edtf import day_edtf, day_number, from_day_number, julian_offset, parse_range
from ..model import Claim, Event
from ._policy import julian_in_use, window_days

__all__ = ["GoldEvent", "Truth", "generate", "score", "PLACES"]

#: Real places with their ISO country (the gazetteer of the entities stage knows them).
PLACES = {
    "Moscow": "RU", "Petrograd": "RU", "Kazan": "RU", "Tobolsk": "RU", "Yekaterinburg": "RU",
    "Kiev": "UA", "Tiflis": "GE", "Riga": "LV", "Athens": "GR", "Thessaloniki": "GR",
    "Sofia": "BG", "Bucharest": "RO", "Belgrade": "RS", "London": "GB", "Edinburgh": "GB",
    "Paris": "FR", "Berlin": "DE", "Vienna": "AT", "Madrid": "ES", "Rome": "IT",
    "Lisbon": "PT", "Warsaw": "PL", "Prague": "CZ", "Geneva": "CH", "Mexico City": "MX",
    "Stockholm": "SE", "Amsterdam": "NL", "Brussels": "BE", "Constantinople": "TR", "Odessa": "UA",
}
#: How sources in each language (en, de, fr, es, it, pt) name a place; a place with
#: historical names is named as in that year (Petrograd 1914-1924, then Leningrad), or,
#: by a modern writer, with today's name.
_PLACE_NAMES = {
    "Moscow": ("Moscow", "Moskau", "Moscou", "Moscú", "Mosca", "Moscovo"),
    "Kiev": ("Kiev", "Kiew", "Kiev", "Kíev", "Kiev", "Kiev"),
    "Vienna": ("Vienna", "Wien", "Vienne", "Viena", "Vienna", "Viena"),
    "Warsaw": ("Warsaw", "Warschau", "Varsovie", "Varsovia", "Varsavia", "Varsóvia"),
    "Geneva": ("Geneva", "Genf", "Genève", "Ginebra", "Ginevra", "Genebra"),
    "Prague": ("Prague", "Prag", "Prague", "Praga", "Praga", "Praga"),
    "Lisbon": ("Lisbon", "Lissabon", "Lisbonne", "Lisboa", "Lisbona", "Lisboa"),
    "London": ("London", "London", "Londres", "Londres", "Londra", "Londres"),
    "Athens": ("Athens", "Athen", "Athènes", "Atenas", "Atene", "Atenas"),
    "Thessaloniki": ("Thessaloniki", "Saloniki", "Salonique", "Salónica", "Salonicco", "Salónica"),
    "Bucharest": ("Bucharest", "Bukarest", "Bucarest", "Bucarest", "Bucarest", "Bucareste"),
    "Brussels": ("Brussels", "Brüssel", "Bruxelles", "Bruselas", "Bruxelles", "Bruxelas"),
    "Tiflis": ("Tiflis", "Tiflis", "Tiflis", "Tiflis", "Tiflis", "Tiflis"),
    "Rome": ("Rome", "Rom", "Rome", "Roma", "Roma", "Roma"),
    "Mexico City": ("Mexico City", "Mexiko-Stadt", "Mexico", "Ciudad de México", "Città del Messico",
                    "Cidade do México"),
    "Odessa": ("Odessa", "Odessa", "Odessa", "Odesa", "Odessa", "Odessa"),
    "Constantinople": ("Constantinople", "Konstantinopel", "Constantinople", "Constantinopla", "Costantinopoli",
                       "Constantinopla"),
}
#: Today's names, which some sources use for any period.
_MODERN = {"Petrograd": "Saint Petersburg", "Constantinople": "Istanbul", "Tiflis": "Tbilisi", "Kiev": "Kyiv",
           "Odessa": "Odesa"}
_LANG_INDEX = {"en": 0, "de": 1, "fr": 2, "es": 3, "it": 4, "pt": 5}
_JULIAN_PLACES = {  # place -> last year of Julian civil use (inclusive, safely before the switch)
    "Moscow": 1917, "Petrograd": 1917, "Kazan": 1917, "Tobolsk": 1917, "Yekaterinburg": 1917,
    "Kiev": 1917, "Tiflis": 1917, "Riga": 1917, "Athens": 1922, "Thessaloniki": 1922,
    "Sofia": 1915, "Bucharest": 1918, "Belgrade": 1918, "London": 1751, "Edinburgh": 1751,
    "Stockholm": 1752, "Odessa": 1917,
}
#: Organisations as sources in each language name them (en, de, fr, es, it, pt).
_OBJECT_NAMES = {
    "Communist Party": ("Communist Party", "Kommunistische Partei", "Parti communiste", "Partido Comunista",
                        "Partito Comunista", "Partido Comunista"),
    "Central Committee": ("Central Committee", "Zentralkomitee", "Comité central", "Comité Central",
                          "Comitato centrale", "Comitê Central"),
    "Politburo": ("Politburo", "Politbüro", "Bureau politique", "Politburó", "Politburo", "Politburo"),
    "Comintern": ("Comintern", "Komintern", "Komintern", "Comintern", "Comintern", "Comintern"),
}
_OBJECTS = {
    "expulsion_from_organization": ["Communist Party", "Central Committee", "Politburo", "Academy of Sciences",
                                    "Writers' Union", "Comintern"],
    "appointment": ["People's Commissar for War", "Chairman of the Comintern", "Ambassador to France",
                    "Governor of Kiev", "Rector of Moscow University"],
    "dismissal": ["People's Commissar for War", "Chairman of the Comintern", "Ambassador to France",
                  "Governor of Kiev"],
    "award": ["Order of Lenin", "Order of St. Anne", "Order of the Red Banner", "Stalin Prize"],
    "publication": ["My Life", "The Revolution Betrayed", "Memoirs", "Collected Letters", "A Short History"],
}
#: Types that happen once in a life, and the rest (a person gets each at most once here,
#: or twice far apart, so the truth is unambiguous).
_TYPES = [
    "birth", "death", "arrest", "trial", "sentence", "internal_exile", "deportation", "escape_attempt",
    "expulsion_from_organization", "appointment", "dismissal", "arrival", "departure", "award",
    "publication", "capitulation", "rehabilitation", "speech", "marriage", "meeting", "demonstration",
    "asylum_granted", "return_from_exile", "execution", "attack", "residence", "imprisonment",
]
#: Types whose object tells two events apart (expelled from the Central Committee, then from the party).
_OBJECT_DEFINES = frozenset({"expulsion_from_organization", "appointment", "dismissal", "membership",
                             "position_held"})
_FACET_TYPES = ["deportation", "internal_exile", "expulsion_from_organization", "execution", "dismissal",
                "appointment"]
_MOVE_TYPES = ["deportation", "internal_exile", "return_from_exile"]
_LANGS = ("en", "es", "fr", "it", "pt", "de")

# ---------------------------------------------------------------- names

# Each sound: its rendering in English, German, French, Spanish, Italian, Portuguese
# and a scholarly scheme (ISO 9 / Czech-style haceks). "ch" is Russian ч, "kh" х,
# "sh" ш, "zh" ж: the same Latin letters stand for different sounds in different
# languages (German ch = х, French ch = ш, Spanish j = х, French j = ж).
_SOUNDS = {
    "v": ("v", "w", "v", "v", "v", "v", "v"),
    "ts": ("ts", "tz", "ts", "ts", "ts", "ts", "c"),
    "ch": ("ch", "tsch", "tch", "ch", "c", "tch", "č"),
    "sh": ("sh", "sch", "ch", "sh", "sc", "ch", "š"),
    "zh": ("zh", "sch", "j", "zh", "ž", "j", "ž"),
    "kh": ("kh", "ch", "kh", "j", "ch", "kh", "h"),
    "u": ("u", "u", "ou", "u", "u", "u", "u"),
    "y": ("y", "j", "y", "y", "j", "i", "j"),
    "ks": ("x", "ks", "x", "x", "ks", "ks", "ks"),
    "f": ("f", "f", "f", "f", "f", "f", "f"),
}
_CONS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "z", "v", "ts", "ch", "sh", "f", "kh", "zh"]
_VOW = ["a", "e", "i", "o", "u"]
_FIRST = ["Grigory", "Lev", "Nikolai", "Alexei", "Sergei", "Ivan", "Pavel", "Dmitri", "Fyodor", "Mikhail",
          "Andrei", "Yakov", "Boris", "Karl", "Vasily", "Konstantin", "Pyotr", "Anatoly", "Yuri", "Oleg"]
_FIRST_F = ["Olga", "Natalia", "Anna", "Maria", "Yelena", "Vera", "Sofia", "Irina", "Lidia", "Tatiana"]
_SCHEME = {"en": 0, "de": 1, "fr": 2, "es": 3, "it": 4, "pt": 5}
_SCHOLARLY = 6
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


@dataclass
class Person:
    label: str  # canonical (English) label
    parts: list  # sound sequence of the surname (for renderings)
    first: str
    suffix: str  # ov, ev, in, sky (or the feminine form)
    regnal: str = ""
    patronymic: str = ""  # "Davidovich"


def _render_surname(p: Person, scheme: int, accent: bool) -> str:
    out = []
    parts = p.parts
    for i, s in enumerate(parts):
        r = _SOUNDS[s][scheme] if s in _SOUNDS else s
        if i == 0 and s == "z" and scheme == 1:
            r = "s"  # German initial Z is S (Sinowjew)
        if scheme == 4 and s in ("ch", "sh"):  # Italian c/sc before e, i; ci/sci before a, o, u
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            r = r if nxt[:1] in ("e", "i") else r + "i"
        out.append(r)
    stem = "".join(out)
    suf = p.suffix
    fem = suf.endswith("a") and suf != "sky"
    base = suf[:-1] if fem else suf
    if base == "ev":  # -ev after a consonant: -yev / -jew / -iev / -ev / -'ev
        base = ("yev", "jew", "iev", "iev", "ev", "iev", "'ev")[scheme]
    elif base == "ov":
        base = ("ov", "ow", "ov", "ov", "ov", "ov", "ov")[scheme]
    elif base == "in" and scheme == 2 and not fem:
        base = "ine"  # Raspoutine, Staline
    elif base == "sky":
        base = ("sky", "ski", "ski", "ski", "skij", "ski", "skij")[scheme]
    word = stem + base + ("a" if fem else "")
    if accent and scheme in (3, 5):
        # an acute on a stressed vowel (Zinóviev, Stalín, Trótski)
        idx = [k for k, ch in enumerate(word) if ch in _ACUTE]
        if idx:
            k = idx[(len(p.parts) + len(word)) % len(idx)]
            word = word[:k] + _ACUTE[word[k]] + word[k + 1:]
    return word[:1].upper() + word[1:]


def _render_first(first: str, scheme: int) -> str:
    if scheme == 1:
        first = first.replace("y", "j").replace("Y", "J").replace("v", "w")
    elif scheme == 6 and first.endswith("y"):
        first = first[:-1] + "ij"
    elif scheme in (2, 3, 4, 5) and first.endswith("y"):
        first = first[:-1] + "i"
    return first


#: First names as a source in each language may translate them (en, de, fr, es, it, pt).
_FIRST_FORMS = {
    "Grigory": ("Gregory", "Gregor", "Grégoire", "Gregorio", "Gregorio", "Gregório"),
    "Lev": ("Leo", "Leo", "Léon", "León", "Leone", "Leão"),
    "Nikolai": ("Nicholas", "Nikolaus", "Nicolas", "Nicolás", "Nicola", "Nicolau"),
    "Alexei": ("Alexis", "Alexej", "Alexis", "Alexis", "Alessio", "Aleixo"),
    "Sergei": ("Sergius", "Sergej", "Serge", "Sergio", "Sergio", "Sérgio"),
    "Ivan": ("John", "Johann", "Jean", "Juan", "Giovanni", "João"),
    "Pavel": ("Paul", "Paul", "Paul", "Pablo", "Paolo", "Paulo"),
    "Fyodor": ("Theodore", "Fjodor", "Théodore", "Teodoro", "Teodoro", "Teodoro"),
    "Mikhail": ("Michael", "Michael", "Michel", "Miguel", "Michele", "Miguel"),
    "Andrei": ("Andrew", "Andreas", "André", "Andrés", "Andrea", "André"),
    "Yakov": ("Jacob", "Jakob", "Jacques", "Jacobo", "Giacomo", "Jacó"),
    "Konstantin": ("Constantine", "Konstantin", "Constantin", "Constantino", "Costantino", "Constantino"),
    "Pyotr": ("Peter", "Peter", "Pierre", "Pedro", "Pietro", "Pedro"),
    "Vasily": ("Basil", "Wassili", "Basile", "Basilio", "Basilio", "Basílio"),
    "Dmitri": ("Demetrius", "Dmitri", "Dimitri", "Demetrio", "Demetrio", "Demétrio"),
    "Natalia": ("Natalie", "Natalie", "Nathalie", "Natalia", "Natalia", "Natália"),
    "Maria": ("Mary", "Maria", "Marie", "María", "Maria", "Maria"),
    "Yelena": ("Helen", "Helene", "Hélène", "Elena", "Elena", "Helena"),
    "Sofia": ("Sophia", "Sophie", "Sophie", "Sofía", "Sofia", "Sofia"),
}


def variant(p: Person, lang: str, rng: random.Random) -> str:
    """The person's name as a source in ``lang`` may write it, unresolved: the
    surname alone, with initials ("L. D. Trotsky"), with the patronymic, in the
    language's romanisation or a scholarly one."""
    scheme = _SCHOLARLY if rng.random() < 0.15 else _SCHEME[lang]
    surname = _render_surname(p, scheme, accent=rng.random() < 0.5)
    r = rng.random()
    if p.regnal:
        name = f"{_render_first(p.first, scheme)} {surname}"
        return f"{name} {p.regnal}"
    if r < 0.2:
        return surname  # the surname alone ("Sinowjew")
    if r < 0.35:
        pat = f" {p.patronymic[0]}." if p.patronymic and rng.random() < 0.5 else ""
        return f"{p.first[0]}.{pat} {surname}"  # "L. D. Trotsky"
    first = _render_first(p.first, scheme)
    if scheme != _SCHOLARLY and p.first in _FIRST_FORMS and rng.random() < 0.25:
        first = _FIRST_FORMS[p.first][_SCHEME[lang]]  # the name in the source's language (Léon)
    if r < 0.45 and p.patronymic:
        return f"{first} {p.patronymic} {surname}"
    return f"{first} {surname}"


_PATRONYMIC = {"Grigory": "Grigorievich", "Lev": "Lvovich", "Ivan": "Ivanovich", "Pavel": "Pavlovich",
               "David": "Davidovich", "Yakov": "Yakovlevich", "Boris": "Borisovich", "Sergei": "Sergeyevich",
               "Mikhail": "Mikhailovich", "Nikolai": "Nikolayevich", "Fyodor": "Fyodorovich"}


def _persons(n: int, rng: random.Random) -> list[Person]:
    from ..entities import translit_key

    out: list[Person] = []
    seen: set[str] = set()
    surnames: set[str] = set()
    while len(out) < n:
        k = rng.choice((2, 2, 3))
        parts = []
        for i in range(k):
            parts.append(rng.choice(_CONS))
            parts.append(rng.choice(_VOW))
        parts.append(rng.choice(_CONS[:13]))
        suffix = rng.choice(("ov", "ev", "in", "sky"))
        first = rng.choice(_FIRST)
        p = Person("", parts, first, suffix)
        p.label = f"{first} {_render_surname(p, 0, False)}"
        sk = translit_key(_render_surname(p, 0, False))
        if sk in surnames:
            continue  # only the pairs below share a surname
        surnames.add(sk)
        key = translit_key(p.label)
        if key in seen:
            continue
        seen.add(key)
        pat = rng.choice(list(_PATRONYMIC.values()))
        p.patronymic = pat
        out.append(p)
        # a wife or sister with the feminine surname (Kamenev / Kameneva), sometimes
        if suffix in ("ov", "ev", "in") and rng.random() < 0.1:
            f = Person("", parts, rng.choice(_FIRST_F), suffix + "a")
            f.label = f"{f.first} {_render_surname(f, 0, False)}"
            fk = translit_key(f.label)
            if fk not in seen:
                seen.add(fk)
                out.append(f)
        # two men sharing a surname (Lev and Sergei Sedov): never one person
        if rng.random() < 0.05:
            other = rng.choice([x for x in _FIRST if x[0] != first[0]])
            b = Person("", parts, other, suffix, patronymic=pat)
            b.label = f"{other} {_render_surname(b, 0, False)}"
            seen.add(translit_key(b.label))
            out.append(b)
        # rulers with regnal numbers: Alexander II and Alexander III are two people
        if rng.random() < 0.01:
            for reg in ("II", "III"):
                r = Person("", parts, first, suffix, reg)
                r.label = f"{first} {_render_surname(r, 0, False)} {reg}"
                out.append(r)
    return out


# ---------------------------------------------------------------- truth


def _countries() -> dict[str, str]:
    out = dict(PLACES)
    for place, names in _PLACE_NAMES.items():
        for n in names:
            out[n] = PLACES[place]
    for place, modern in _MODERN.items():
        out[modern] = PLACES[place]
    out["Saint Petersburg"] = out["Leningrad"] = "RU"
    return out


@dataclass
class GoldEvent:
    kind: str  # expected verdict: single, agree, compatible, calendar_style, contradiction
    scenario: str  # finer: granularity, facets, unmarked, marked, transposed digits, ...
    type: str
    subject: str
    date: Optional[str]  # the true date (EDTF)
    reason: Optional[str] = None  # expected likely_reason of a contradiction
    best: Optional[str] = None  # expected best date, when it is determined
    related_to: Optional[int] = None  # a report: the gold event it reports


@dataclass
class Truth:
    events: list[GoldEvent] = field(default_factory=list)
    event_of: dict[str, int] = field(default_factory=dict)
    #: place -> ISO country, for ``reconcile(country_of=...)``
    countries: dict[str, str] = field(default_factory=lambda: _countries())

    def country_of(self, label, eid=None):
        return self.countries.get(label)


class _Sources:
    """A pool of sources, each with a language; some have copies (mirrors) that repeat
    its claims: exact copies, near-copies (some sentences edited) and translations."""

    def __init__(self, n: int, rng: random.Random):
        self.ids = [f"s{i:06d}" for i in range(n)]
        self.lang = {s: rng.choice(_LANGS) for s in self.ids}
        self.copies: dict[str, list[str]] = {}
        self.copy_kind: dict[str, str] = {}
        for s in self.ids:
            if rng.random() < 0.05:
                cs = [f"{s}m{j}" for j in range(rng.choice((1, 1, 2)))]
                self.copies[s] = cs
                for c in cs:
                    kind = rng.choice(("exact", "near", "translation"))
                    self.copy_kind[c] = kind
                    self.lang[c] = self.lang[s] if kind != "translation" else rng.choice(
                        [x for x in _LANGS if x != self.lang[s]])
        self.rng = rng

    def pick(self, k: int) -> list[str]:
        return self.rng.sample(self.ids, k)


_KINDS = [  # (scenario, expected verdict, weight)
    ("single", "single", 8),
    ("agree", "agree", 16),
    ("granularity", "compatible", 14),
    ("facets", "compatible", 8),
    ("journey", "compatible", 4),
    ("unmarked", "calendar_style", 7),
    ("marked", "calendar_style", 7),
    ("old style read", "agree", 4),
    ("transposed digits", "contradiction", 5),
    ("year off by one", "contradiction", 5),
    ("day outside the month", "contradiction", 5),
    ("gap", "contradiction", 6),
    ("decision vs execution", "contradiction", 4),
    ("attack vs death", "contradiction", 4),
    ("copies outvoted", "contradiction", 4),
    ("report", "single", 5),
    ("namesakes", "agree", 3),
    ("shared surname", "agree", 4),
    ("repeated", "agree", 6),
    ("expulsions", "agree", 4),
    ("interval agree", "agree", 4),
    ("interval nested", "compatible", 5),
    ("interval contradiction", "contradiction", 3),
]
_INTERVAL_KINDS = {"residence": None, "imprisonment": None, "position_held": ["People's Commissar for War",
                   "Ambassador to France", "Governor of Kiev", "Rector of Moscow University"],
                   "membership": ["Communist Party", "Central Committee", "Politburo", "Academy of Sciences"]}
_REPEATED_TYPES = ("arrest", "speech", "meeting", "trial", "award", "arrival", "departure", "demonstration",
                   "escape_attempt", "internal_exile")


class _Gen:
    def __init__(self, seed: int, n_events_hint: int):
        self.rng = random.Random(seed)
        self.claims: list[Claim] = []
        self.truth = Truth()
        n_persons = max(20, n_events_hint // 8)
        self.persons = _persons(n_persons, self.rng)
        self.sources = _Sources(max(10, n_events_hint // 10), self.rng)
        self.women = [i for i, p in enumerate(self.persons) if p.suffix.endswith("a")]
        self.brothers = [(i - 1, i) for i in range(1, len(self.persons))
                         if self.persons[i].parts == self.persons[i - 1].parts
                         and self.persons[i].suffix == self.persons[i - 1].suffix
                         and self.persons[i].first != self.persons[i - 1].first]
        self.mirrored = sorted(self.sources.copies)
        self.used: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # person -> type -> days
        self.n = 0
        self.kinds = [k for k in _KINDS for _ in range(k[2])]
        self.resolve_rate = 0.75  # share of claims whose subject the entities stage canonicalised

    # -- helpers -------------------------------------------------------------------
    def _person_for(self, typ: str, day: int) -> Optional[int]:
        """A person with no event of that type near that day (and none ever for once-in-a-life types)."""
        w = window_days(typ)
        for _ in range(20):
            pi = self.rng.randrange(len(self.persons))
            prev = self.used[pi].get(typ, [])
            if w == float("inf"):
                if prev:
                    continue
            elif any(abs(d - day) <= 3 * w + 800 for d in prev):
                continue
            self.used[pi].setdefault(typ, []).append(day)
            return pi
        return None

    def _day(self, lo_year: int = 1700, hi_year: int = 1950) -> int:
        return day_number(self.rng.randint(lo_year, hi_year), 1, 1) + self.rng.randrange(365)

    def _place_as_written(self, place: Optional[str], lang: str, day: Optional[int]) -> Optional[str]:
        if place is None or self.rng.random() < 0.4:
            return place
        if place in _MODERN and self.rng.random() < 0.25:
            return _MODERN[place]
        if place == "Petrograd" and day is not None:
            y = from_day_number(day)[0]
            return "Saint Petersburg" if y < 1914 else "Petrograd" if y < 1924 else "Leningrad"
        names = _PLACE_NAMES.get(place)
        return names[_LANG_INDEX[lang]] if names else place

    def _claim(self, g: int, pi: int, typ: str, source: str, date: Optional[str], *, place=None, obj=None,
               facet=None, calendar="unstated", julian_date=None, reported=False, copies=True,
               day: Optional[int] = None, undated_ok: bool = False) -> None:
        p = self.persons[pi]
        lang = self.sources.lang[source]
        if self.rng.random() < self.resolve_rate or lang == "en":
            subject = p.label
        else:
            subject = variant(p, lang, self.rng)
        self.n += 1
        if obj is not None and self.rng.random() < 0.05 and typ not in _OBJECT_DEFINES:
            obj = None  # "he was expelled": the object left unsaid
        if obj in _OBJECT_NAMES and self.rng.random() < 0.6:
            obj = _OBJECT_NAMES[obj][_LANG_INDEX[lang]]
        if day is None and date:
            r = parse_range(date)
            day = r.lo if r is not None else None
        place = self._place_as_written(place, lang, day)
        if undated_ok and self.rng.random() < 0.15:
            date = None  # the source does not date it ("after his arrest, ...")
        quote = (f"According to record {self.n}, {subject} had a {typ.replace('_', ' ')} "
                 f"event in {place or 'an unnamed place'} dated {date}.")
        srcs = [source] + (self.sources.copies.get(source, []) if copies else [])
        for s in srcs:
            cid = f"{s}#c{self.n}"
            q, sl, subj = quote, lang, subject
            kind = self.sources.copy_kind.get(s)
            if kind == "near" and self.rng.random() < 0.3:
                q = quote.replace("According to", "As stated in")  # an edited sentence
            elif kind == "translation":
                sl = self.sources.lang[s]
                subj = p.label if self.rng.random() < 0.5 else variant(p, sl, self.rng)
                q = f"[{sl}] {subj}: {typ} {place or ''} {date} (record {self.n})."
            self.claims.append(Claim(
                id=cid, source=s, lang=sl, type=typ, subject=subj, subject_text=subj, object=obj,
                place=place, date=date, date_text=date, qualifier=None, calendar=calendar, span=(0, len(q)),
                quote=q, confidence=0.8, facet=facet, reported=reported, julian_date=julian_date if date else None,
            ))
            self.truth.event_of[cid] = g

    def _gold(self, **kw) -> int:
        self.truth.events.append(GoldEvent(**kw))
        return len(self.truth.events) - 1

    def _place(self, typ: str, julian: Optional[bool] = None, day: Optional[int] = None) -> Optional[str]:
        if julian:
            y = from_day_number(day)[0]
            ok = [p for p, last in _JULIAN_PLACES.items() if y <= last]
            return self.rng.choice(ok) if ok else None
        return self.rng.choice(list(PLACES))

    def _is_julian(self, place: Optional[str], day: int) -> Optional[bool]:
        return julian_in_use(day, PLACES.get(place) if place else None)

    def _obj(self, typ: str) -> Optional[str]:
        objs = _OBJECTS.get(typ)
        return self.rng.choice(objs) if objs else None

    # -- scenarios -------------------------------------------------------------------
    def event(self) -> None:
        scenario, kind, _ = self.rng.choice(self.kinds)
        getattr(self, "_" + scenario.replace(" ", "_"))(scenario, kind)

    def _basic(self, typ=None, day=None, julian=None):
        typ = typ or self.rng.choice([t for t in _TYPES if t not in ("residence", "imprisonment")])
        day = self._day() if day is None else day
        pi = self._person_for(typ, day)
        if pi is None:
            return None
        place = self._place(typ, julian, day)
        return typ, day, pi, place, self._obj(typ)

    def _single(self, scenario, kind):
        b = self._basic()
        if not b:
            return
        typ, day, pi, place, obj = b
        date = self._render(day, self.rng.choice(("day", "day", "month", "year")))
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=date, best=date)
        self._claim(g, pi, typ, self.sources.pick(1)[0], date, place=place, obj=obj, copies=False)

    def _agree(self, scenario, kind):
        b = self._basic()
        if not b:
            return
        typ, day, pi, place, obj = b
        date = self._render(day, self.rng.choice(("day", "day", "day", "month", "year")))
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=date, best=date)
        for k, s in enumerate(self.sources.pick(self.rng.randint(2, 6))):
            self._claim(g, pi, typ, s, date, place=place if self.rng.random() < 0.8 else None, obj=obj,
                        undated_ok=k >= 2)

    def _namesakes(self, scenario, kind):
        """Two people whose names differ only by a feminine ending, same type, same day: never merged."""
        fem = self.women
        if not fem:
            return self._agree("agree", "agree")
        fi = self.rng.choice(fem)
        mi = next((i for i in (fi - 1, fi - 2) if i >= 0 and self.persons[i].parts == self.persons[fi].parts
                   and not self.persons[i].suffix.endswith("a")), None)
        if mi is None:
            return self._agree("agree", "agree")
        typ = self.rng.choice(("arrest", "deportation", "internal_exile", "trial"))
        day = self._day(1900, 1940)
        if any(abs(d - day) <= 1000 for i in (fi, mi) for d in self.used[i].get(typ, [])):
            return
        place = self._place(typ)
        date = day_edtf(day)
        for i in (fi, mi):
            self.used[i].setdefault(typ, []).append(day)
            g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[i].label, date=date,
                           best=date)
            for s in self.sources.pick(self.rng.randint(2, 4)):
                self._claim(g, i, typ, s, date, place=place)

    def _granularity(self, scenario, kind):
        b = self._basic()
        if not b:
            return
        typ, day, pi, place, obj = b
        fine = day_edtf(day)
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=fine, best=fine)
        srcs = self.sources.pick(self.rng.randint(2, 6))
        grans = ["day"] + [self.rng.choice(("day", "month", "year")) for _ in srcs[1:]]
        if "month" not in grans and "year" not in grans:
            grans[-1] = self.rng.choice(("month", "year"))
        for k, (s, gr) in enumerate(zip(srcs, grans)):
            self._claim(g, pi, typ, s, self._render(day, gr), place=place, obj=obj, undated_ok=k >= 2 and gr == "day")

    def _facets(self, scenario, kind):
        typ = self.rng.choice(_FACET_TYPES)
        b = self._basic(typ)
        if not b:
            return
        typ, day, pi, place, obj = b
        gap = self.rng.randint(1, 25)
        early, late = day_edtf(day - gap), day_edtf(day)
        if typ in _MOVE_TYPES and self.rng.random() < 0.5:
            f1, f2 = "departure", "arrival"
        else:
            f1, f2 = self.rng.choice(("decision", "announcement")), None
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=late,
                       best=early)
        srcs = self.sources.pick(self.rng.randint(2, 5))
        self._claim(g, pi, typ, srcs[0], early, place=place, obj=obj, facet=f1)
        for k, s in enumerate(srcs[1:]):
            if k and self.rng.random() < 0.3:
                self._claim(g, pi, typ, s, early, place=place, obj=obj, facet=f1)
            else:
                self._claim(g, pi, typ, s, late, place=place, obj=obj, facet=f2)

    def _journey(self, scenario, kind):
        """One person leaves a place and reaches another 1-10 days later; some sources
        date the departure, others the arrival: one event, its two stages."""
        b = self._basic("arrival")
        if not b:
            return
        _, day, pi, place, _ = b
        w = 3 * window_days("departure") + 800
        if any(abs(d - day) <= w for d in self.used[pi].get("departure", [])):
            return
        gap = self.rng.randint(1, 10)
        self.used[pi].setdefault("departure", []).append(day - gap)
        start = self.rng.choice([p for p in PLACES if p != place])
        g = self._gold(kind=kind, scenario=scenario, type="arrival", subject=self.persons[pi].label,
                       date=day_edtf(day), best=day_edtf(day - gap))
        srcs = self.sources.pick(self.rng.randint(2, 5))
        k = self.rng.randint(1, len(srcs) - 1)
        for s in srcs[:k]:
            self._claim(g, pi, "departure", s, day_edtf(day - gap), place=start,
                        facet="departure" if self.rng.random() < 0.5 else None)
        for s in srcs[k:]:
            self._claim(g, pi, "arrival", s, day_edtf(day), place=place,
                        facet="arrival" if self.rng.random() < 0.5 else None)

    def _old_style_read(self, scenario, kind):
        """A source marks its date Old Style; others write the same day with no calendar,
        in a place and time of the Julian calendar: all write one day in one calendar."""
        typ = self.rng.choice(("birth", "death", "arrest", "marriage", "abdication", "appointment", "trial"))
        b = self._basic(typ, self._julian_day(), julian=True)
        if not b or not b[3]:
            return
        typ, day, pi, place, obj = b
        y, m, d = from_day_number(day)
        written = day_edtf(day - julian_offset(y, m, d))
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=day_edtf(day),
                       best=day_edtf(day))
        srcs = self.sources.pick(self.rng.randint(2, 4))
        self._claim(g, pi, typ, srcs[0], day_edtf(day), place=place, obj=obj, calendar="julian", julian_date=written)
        for s in srcs[1:]:
            self._claim(g, pi, typ, s, written, place=place, obj=obj)

    def _julian_day(self) -> int:
        place = self.rng.choice(list(_JULIAN_PLACES))
        last = _JULIAN_PLACES[place]
        return self._day(max(1600, last - 150), last - 1)

    def _unmarked(self, scenario, kind):
        typ = self.rng.choice(("birth", "death", "arrest", "marriage", "appointment", "award", "trial", "speech"))
        b = self._basic(typ, self._julian_day(), julian=True)
        if not b or not b[3]:
            return
        typ, day, pi, place, obj = b
        y, m, d = from_day_number(day)
        off = julian_offset(y, m, d)
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=day_edtf(day),
                       reason="calendar style", best=day_edtf(day))
        srcs = self.sources.pick(self.rng.randint(2, 5))
        self._claim(g, pi, typ, srcs[0], day_edtf(day - off), place=place, obj=obj)
        self._claim(g, pi, typ, srcs[1], day_edtf(day), place=place, obj=obj)
        for s in srcs[2:]:
            self._claim(g, pi, typ, s, day_edtf(day - off if self.rng.random() < 0.4 else day),
                        place=place if self.rng.random() < 0.7 else None, obj=obj)

    def _marked(self, scenario, kind):
        typ = self.rng.choice(("birth", "death", "arrest", "marriage", "abdication", "appointment", "trial"))
        b = self._basic(typ, self._julian_day(), julian=True)
        if not b:
            return
        typ, day, pi, place, obj = b
        y, m, d = from_day_number(day)
        off = julian_offset(y, m, d)
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=day_edtf(day),
                       reason="calendar style", best=day_edtf(day))
        srcs = self.sources.pick(self.rng.randint(2, 5))
        # the time stage converted the marked date: date is Gregorian, julian_date as written
        self._claim(g, pi, typ, srcs[0], day_edtf(day), place=place, obj=obj, calendar="julian",
                    julian_date=day_edtf(day - off))
        for s in srcs[1:]:
            gr = "day" if self.rng.random() < 0.8 else self.rng.choice(("month", "year"))
            self._claim(g, pi, typ, s, self._render(day, gr), place=place, obj=obj)

    def _contradiction(self, scenario, typ, day, wrong: str, right: str, reason, *, place_julian_ok=False):
        """``right`` from a majority of independent sources, ``wrong`` from one."""
        pi = self._person_for(typ, day)
        if pi is None:
            return
        place = self._place(typ)
        g = self._gold(kind="contradiction", scenario=scenario, type=typ, subject=self.persons[pi].label,
                       date=right, reason=reason, best=right)
        srcs = self.sources.pick(self.rng.randint(3, 5))
        obj = self._obj(typ)
        self._claim(g, pi, typ, srcs[0], wrong, place=place, obj=obj, copies=False)
        for s in srcs[1:]:
            self._claim(g, pi, typ, s, right, place=place, obj=obj, copies=False)
        return g

    def _transposed_digits(self, scenario, kind):
        y = self.rng.randint(1700, 1950)
        m = self.rng.randint(1, 12)
        pairs = [(a, b) for a, b in ((1, 10), (2, 20), (3, 30), (12, 21), (13, 31), (23, 32), (14, 41))
                 if b <= (30 if m in (4, 6, 9, 11) else 28 if m == 2 else 31)]
        a, b = self.rng.choice(pairs)
        if self.rng.random() < 0.5:
            a, b = b, a
        typ = self.rng.choice(("birth", "death", "arrest", "expulsion_from_organization", "deportation", "trial"))
        self._contradiction(scenario, typ, day_number(y, m, a), day_edtf(day_number(y, m, b)),
                            day_edtf(day_number(y, m, a)), scenario)

    def _year_off_by_one(self, scenario, kind):
        typ = self.rng.choice(("birth", "death", "execution", "marriage", "appointment", "award"))
        day = self._day()
        y, m, d = from_day_number(day)
        if (m, d) == (2, 29):
            return
        wrong = f"{y + self.rng.choice((-1, 1)):04d}-{m:02d}-{d:02d}"
        self._contradiction(scenario, typ, day, wrong, day_edtf(day), scenario)

    def _day_outside_the_month(self, scenario, kind):
        typ = self.rng.choice(("deportation", "death", "arrest", "appointment", "internal_exile"))
        day = self._day()
        y, m, _ = from_day_number(day)
        first = day_number(y, m, 1)
        wrong = day_edtf(first - self.rng.randint(1, 20))  # a day of the previous month
        self._contradiction(scenario, typ, day, wrong, f"{y:04d}-{m:02d}", scenario)

    def _gap(self, scenario, kind):
        typ = self.rng.choice([t for t in _TYPES if t not in ("residence", "imprisonment")])
        day = self._day()
        w = window_days(typ)
        gap = self.rng.randint(2, int(min(w - 1, 200)))
        y, m, d = from_day_number(day)
        if abs(gap - julian_offset(y, m, d)) <= 1 or gap % 9 == 0 or gap in (365, 366):
            return  # not the calendar offset, a transposition or a year
        wrong = day_edtf(day + gap * self.rng.choice((-1, 1)))
        ya, ma, da = from_day_number(day + gap)
        self._contradiction(scenario, typ, day, wrong, day_edtf(day), None)

    def _plain_gap(self, day: int, lo: int, hi: int) -> Optional[int]:
        """A gap in days that no rule can explain away: not within a day of the
        Julian offset for that date, and not a multiple of 9 (a digit swap)."""
        gap = self.rng.randint(lo, hi)
        y, m, d = from_day_number(day)
        if abs(gap - julian_offset(y, m, d)) <= 1 or gap % 9 == 0:
            return None
        return gap

    def _gap_and_person(self, typ: str, lo: int, hi: int) -> Optional[tuple[int, int, int]]:
        """A day, a gap of ``lo``..``hi`` days that no rule explains, and a person free for
        ``typ`` on that day: (day, gap, person index), or None when either draw fails."""
        day = self._day()
        gap = self._plain_gap(day, lo, hi)
        if gap is None:
            return None
        pi = self._person_for(typ, day)
        return None if pi is None else (day, gap, pi)

    def _decision_vs_execution(self, scenario, kind):
        typ = self.rng.choice(_FACET_TYPES)
        drawn = self._gap_and_person(typ, 2, 25)
        if drawn is None:
            return
        day, gap, pi = drawn
        place, obj = self._place(typ), self._obj(typ)
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=day_edtf(day),
                       reason="decision vs execution", best=day_edtf(day))
        srcs = self.sources.pick(self.rng.randint(4, 6))
        self._claim(g, pi, typ, srcs[0], day_edtf(day - gap), place=place, obj=obj, facet="decision", copies=False)
        self._claim(g, pi, typ, srcs[1], day_edtf(day - gap), place=place, obj=obj, copies=False)  # the error
        for s in srcs[2:]:
            self._claim(g, pi, typ, s, day_edtf(day), place=place, obj=obj, copies=False)

    def _attack_vs_death(self, scenario, kind):
        drawn = self._gap_and_person("death", 1, 50)
        if drawn is None or self.used[drawn[2]].get("attack"):
            return
        day, gap, pi = drawn
        self.used[pi]["attack"] = [day - gap]
        place = self._place("death")
        label = self.persons[pi].label
        ga = self._gold(kind="agree", scenario="agree", type="attack", subject=label, date=day_edtf(day - gap),
                        best=day_edtf(day - gap))
        for s in self.sources.pick(2):
            self._claim(ga, pi, "attack", s, day_edtf(day - gap), place=place, copies=False)
        g = self._gold(kind=kind, scenario=scenario, type="death", subject=label, date=day_edtf(day),
                       reason="attack vs death", best=day_edtf(day))
        srcs = self.sources.pick(self.rng.randint(3, 5))
        self._claim(g, pi, "death", srcs[0], day_edtf(day - gap), place=place, copies=False)
        for s in srcs[1:]:
            self._claim(g, pi, "death", s, day_edtf(day), place=place, copies=False)

    def _copies_outvoted(self, scenario, kind):
        """The wrong date from one source and its mirrors, the right one from two independent sources."""
        mirrored = self.mirrored
        if not mirrored:
            return
        typ = self.rng.choice(("birth", "death", "arrest", "appointment", "trial", "award"))
        drawn = self._gap_and_person(typ, 2, 25)
        if drawn is None:
            return
        day, gap, pi = drawn
        place, obj = self._place(typ), self._obj(typ)
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=day_edtf(day),
                       best=day_edtf(day))
        base = self.rng.choice(mirrored)
        self._claim(g, pi, typ, base, day_edtf(day - gap), place=place, obj=obj)  # base + its copies
        others = [s for s in self.sources.pick(4) if s != base][:2]
        for s in others:
            self._claim(g, pi, typ, s, day_edtf(day), place=place, obj=obj, copies=False)

    def _report(self, scenario, kind):
        """An event, and a newspaper report of it dated when it was printed."""
        b = self._basic(self.rng.choice(("death", "arrest", "publication", "award", "execution")))
        if not b:
            return
        typ, day, pi, place, obj = b
        date = day_edtf(day)
        label = self.persons[pi].label
        gf = self._gold(kind="agree", scenario="agree", type=typ, subject=label, date=date, best=date)
        for s in self.sources.pick(2):
            self._claim(gf, pi, typ, s, date, place=place, obj=obj, copies=False)
        rd = day_edtf(day + self.rng.randint(1, 30))
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=label, date=rd, best=rd, related_to=gf)
        self._claim(g, pi, typ, self.sources.pick(1)[0], rd, place=place, obj=obj, reported=True, copies=False)

    # -- harder scenarios ------------------------------------------------------------
    def _shared_surname(self, scenario, kind):
        """Two men sharing a surname (brothers arrested the same day): two events."""
        pairs = self.brothers
        if not pairs:
            return self._agree("agree", "agree")
        a, b = self.rng.choice(pairs)
        typ = self.rng.choice(("arrest", "deportation", "internal_exile", "trial", "death", "award"))
        day = self._day(1880, 1945)
        w = window_days(typ)
        for i in (a, b):
            prev = self.used[i].get(typ, [])
            if prev and (w == float("inf") or any(abs(d - day) <= 3 * w + 800 for d in prev)):
                return
        place = self._place(typ)
        for i in (a, b):
            d = day + (0 if i == a else self.rng.choice((0, 0, 1, 3)))
            self.used[i].setdefault(typ, []).append(d)
            date = day_edtf(d)
            g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[i].label, date=date,
                           best=date)
            for k, s in enumerate(self.sources.pick(self.rng.randint(2, 4))):
                self._claim(g, i, typ, s, date, place=place, undated_ok=k >= 2)

    def _repeated(self, scenario, kind):
        """One person, one type, twice (arrested in 1905 and again in 1906): two events."""
        typ = self.rng.choice(_REPEATED_TYPES)
        w = int(window_days(typ))
        d1 = self._day(1850, 1945)
        d2 = d1 + w + self.rng.randint(30, 400)
        pi = self._person_for(typ, d1)
        if pi is None:
            return
        self.used[pi][typ].append(d2)
        place = self._place(typ)
        years = {from_day_number(d1)[0], from_day_number(d2)[0]}
        for day in (d1, d2):
            other_year = len(years) == 2
            grans = ["day"] + [self.rng.choice(("day", "day", "month") + (("year",) if other_year else ()))
                               for _ in range(self.rng.randint(1, 3))]
            k_ = "compatible" if any(g != "day" for g in grans) else "agree"
            date = day_edtf(day)
            g = self._gold(kind=k_, scenario=scenario, type=typ, subject=self.persons[pi].label, date=date,
                           best=date)
            pl = place if typ not in ("arrival", "departure", "internal_exile") or day == d1 else self._place(typ)
            for s, gr in zip(self.sources.pick(len(grans)), grans):
                self._claim(g, pi, typ, s, self._render(day, gr), place=pl)

    def _expulsions(self, scenario, kind):
        """Expelled from the Central Committee, then weeks later from the party: two events."""
        typ = "expulsion_from_organization"
        d1 = self._day(1900, 1945)
        d2 = d1 + self.rng.randint(14, 120)
        pi = self._person_for(typ, d1)
        if pi is None:
            return
        self.used[pi][typ].append(d2)
        organs = self.rng.sample(["Central Committee", "Communist Party", "Politburo", "Comintern"], 2)
        for day, org in ((d1, organs[0]), (d2, organs[1])):
            date = day_edtf(day)
            g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=date,
                           best=date)
            for k, s in enumerate(self.sources.pick(self.rng.randint(2, 4))):
                self._claim(g, pi, typ, s, date, obj=org, undated_ok=k >= 2)

    def _interval(self, typ: Optional[str] = None):
        typ = typ or self.rng.choice(list(_INTERVAL_KINDS))
        y0 = self.rng.randint(1850, 1935)
        y1 = y0 + self.rng.randint(2, 10)
        day = day_number(y0, 1, 1)
        pi = self._person_for(typ, day)
        if pi is None:
            return None
        lo, hi = day_number(y0 - 1, 1, 1), day_number(y1 + 1, 12, 31)
        if any(lo <= d <= hi for d in self.used[pi][typ][:-1]):
            return None  # another period of that kind overlaps
        self.used[pi][typ].append(day_number(y1, 12, 31))
        objs = _INTERVAL_KINDS[typ]
        obj = self.rng.choice(objs) if objs else None
        place = self._place(typ) if typ in ("residence", "imprisonment") else None
        m0, m1 = self.rng.randint(1, 12), self.rng.randint(1, 12)
        return typ, pi, y0, y1, m0, m1, obj, place

    def _interval_agree(self, scenario, kind):
        b = self._interval()
        if not b:
            return
        typ, pi, y0, y1, m0, m1, obj, place = b
        date = f"{y0:04d}/{y1:04d}" if self.rng.random() < 0.6 else f"{y0:04d}-{m0:02d}/{y1:04d}-{m1:02d}"
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=date, best=date)
        for k, s in enumerate(self.sources.pick(self.rng.randint(2, 4))):
            self._claim(g, pi, typ, s, date, place=place, obj=obj, undated_ok=k >= 2)

    def _interval_nested(self, scenario, kind):
        """The whole interval from one source; a year inside it, an open end, or month
        precision from the others: one event, compatible."""
        b = self._interval()
        if not b:
            return
        typ, pi, y0, y1, m0, m1, obj, place = b
        full = f"{y0:04d}-{m0:02d}/{y1:04d}-{m1:02d}"
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=full, best=full)
        forms = [f"{y0:04d}/{y1:04d}", f"{self.rng.randint(y0 + 1, y1 - 1):04d}", f"../{y1:04d}",
                 f"{y0:04d}/..", full]
        srcs = self.sources.pick(self.rng.randint(2, 4))
        self._claim(g, pi, typ, srcs[0], full, place=place, obj=obj)
        for s in srcs[1:]:
            self._claim(g, pi, typ, s, self.rng.choice(forms[:4]), place=place, obj=obj)

    def _interval_contradiction(self, scenario, kind):
        """The start of the interval a year off (or a few years) in one source."""
        b = self._interval()
        if not b:
            return
        typ, pi, y0, y1, m0, m1, obj, place = b
        shift = 1 if self.rng.random() < 0.5 else self.rng.randint(2, 4)
        right = f"{y0:04d}/{y1:04d}"
        start = y0 + shift if y0 + shift < y1 else y0 - shift
        wrong = f"{start:04d}/{y1:04d}"
        g = self._gold(kind=kind, scenario=scenario, type=typ, subject=self.persons[pi].label, date=right,
                       best=right, reason="year off by one" if shift == 1 else None)
        srcs = self.sources.pick(self.rng.randint(3, 5))
        self._claim(g, pi, typ, srcs[0], wrong, place=place, obj=obj, copies=False)
        for s in srcs[1:]:
            self._claim(g, pi, typ, s, right, place=place, obj=obj, copies=False)

    # -- rendering -------------------------------------------------------------------
    @staticmethod
    def _render(day: int, gran: str) -> str:
        y, m, d = from_day_number(day)
        if gran == "day":
            return f"{y:04d}-{m:02d}-{d:02d}"
        if gran == "month":
            return f"{y:04d}-{m:02d}"
        return f"{y:04d}"


def generate(*, claims: Optional[int] = None, events: Optional[int] = None, seed: int = 0,
             resolve_rate: float = 0.75) -> tuple[list[Claim], Truth]:
    """About ``claims`` claims (or ``events`` gold events) with their truth."""
    if claims is None and events is None:
        claims = 10_000
    hint = events if events is not None else max(10, claims // 4)
    g = _Gen(seed, hint)
    g.resolve_rate = resolve_rate
    while (events is not None and len(g.truth.events) < events) or (claims is not None and len(g.claims) < claims):
        g.event()
    return g.claims, g.truth


# ---------------------------------------------------------------- scoring


def score(events: list[Event], truth: Truth) -> dict:
    """B-cubed over claims, verdict accuracy per expected kind, contradiction P/R, best dates."""
    pred_of: dict[str, int] = {}
    for i, e in enumerate(events):
        for cid in e.claims:
            pred_of[cid] = i
    pairs = Counter((pred_of[c], g) for c, g in truth.event_of.items() if c in pred_of)
    pred_size = Counter(pred_of[c] for c in truth.event_of if c in pred_of)
    gold_size = Counter(truth.event_of.values())
    n = sum(pairs.values()) or 1
    p = sum(k * k / pred_size[pe] for (pe, g), k in pairs.items()) / n
    r = sum(k * k / gold_size[g] for (pe, g), k in pairs.items()) / n
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    # each gold event's system event: the one holding most of its claims
    best_pred: dict[int, tuple[int, int]] = {}
    for (pe, g), k in pairs.items():
        if g not in best_pred or k > best_pred[g][1]:
            best_pred[g] = (pe, k)
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_scenario: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    reasons = [0, 0]
    best_ok = [0, 0]
    related = [0, 0]
    tp = fn = 0
    for g, ge in enumerate(truth.events):
        if g not in best_pred:
            continue
        e = events[best_pred[g][0]]
        ok = e.verdict == ge.kind
        per_kind[ge.kind][0] += ok
        per_kind[ge.kind][1] += 1
        per_scenario[ge.scenario][0] += ok
        per_scenario[ge.scenario][1] += 1
        if ge.kind == "contradiction":
            tp += e.verdict == "contradiction"
            fn += e.verdict != "contradiction"
            if ge.reason:
                reasons[0] += e.likely_reason == ge.reason
                reasons[1] += 1
        if ge.best and ge.kind != "single":
            best_ok[0] += e.best_date == ge.best
            best_ok[1] += 1
        if ge.related_to is not None and ge.related_to in best_pred:
            related[0] += events[best_pred[ge.related_to][0]].id in e.related
            related[1] += 1
    # precision: system contradictions whose main gold event is one
    fp = 0
    main_gold: dict[int, tuple[int, int]] = {}
    for (pe, g), k in pairs.items():
        if pe not in main_gold or k > main_gold[pe][1]:
            main_gold[pe] = (g, k)
    sys_contra = [i for i, e in enumerate(events) if e.verdict == "contradiction" and i in main_gold]
    tp_p = sum(truth.events[main_gold[i][0]].kind == "contradiction" for i in sys_contra)
    fp = len(sys_contra) - tp_p

    def ratio(a):
        return round(a[0] / a[1], 4) if a[1] else None

    return {
        "bcubed": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
        "verdict_accuracy": {k: ratio(v) for k, v in sorted(per_kind.items())},
        "verdict_accuracy_by_scenario": {k: ratio(v) for k, v in sorted(per_scenario.items())},
        "contradiction": {
            "precision": round(tp_p / (tp_p + fp), 4) if tp_p + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
            "reason_accuracy": ratio(reasons),
        },
        "best_date_accuracy": ratio(best_ok),
        "reports_linked": ratio(related),
        "gold_events": len(truth.events),
        "system_events": len(events),
    }
