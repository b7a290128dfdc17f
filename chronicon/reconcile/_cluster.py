"""Grouping claims into events: block by (subject, type), then cluster inside a block.

No all-pairs comparison across the corpus: claims only meet inside their block,
and inside a block they are swept in date order, so the cost is
O(n log n) overall plus the size of the largest cluster.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from dataclasses import replace
from typing import Iterable, Optional

from .._edtf import DateRange, parse_range
from ..model import Claim
from ._policy import INTERVAL_TYPES, JOURNEY_DAYS, PLACE_DEFINES, window_days


#: ``parse_range`` with a cache as large as a run needs (a million claims hold a few
#: hundred thousand distinct dates, more than the shared cache keeps); reconcile
#: empties it when it returns.
range_of = lru_cache(maxsize=1 << 21)(parse_range)

_NON_ALNUM = re.compile(r"[\W_]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_key(text: Optional[str]) -> str:
    """Accent-, case- and punctuation-insensitive form of any text (not cached: quotes)."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_PUNCT).split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _NON_ALNUM.sub(" ", text.lower()).strip()


_ASCII_PUNCT = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


#: The same for labels (subjects, objects, places), which repeat: cached.
norm_key = lru_cache(maxsize=200_000)(fold_key)


#: A regnal or ordinal number after a name ("Nicholas II"): kept as written, since the
#: transliteration key folds double letters ("ii" -> "i") and would merge two rulers.
_ROMAN = re.compile(r"^m*(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$")


@lru_cache(maxsize=1)
def _entities():
    """The entities stage's name functions, or None without it (then plain keys)."""
    try:
        from ..entities import name_key
        from ..entities._normalize import _HACEK, _word_readings
    except Exception:  # noqa: BLE001
        return None
    return name_key, _HACEK, _word_readings


@lru_cache(maxsize=1 << 18)
def _written_words(label: str) -> tuple:
    """A label's words as written: folded, accents off, háček letters spelled out."""
    ent = _entities()
    if ent is None:
        return tuple(norm_key(label).split())
    name_key, hacek, _ = ent
    return tuple(name_key(label.translate(hacek)).split())


@lru_cache(maxsize=1 << 18)
def label_key(label: Optional[str]) -> str:
    """Transliteration-insensitive key of a person's label.

    Labels are canonical when the entities stage resolved the name; when it did not,
    the label is the name as written ("Sinowjew", "Zinóviev"). The entities stage's
    ``translit_key`` makes such spellings meet while keeping the endings that tell
    people apart (Kamenev / Kameneva)."""
    if not label:
        return ""
    if _entities() is None:
        return norm_key(label)
    return " ".join(w if i and _ROMAN.match(w) else _word_key(w) for i, w in enumerate(_written_words(label)))


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    """``translit_key`` of one folded word: its commonest reading."""
    return _entities()[2](word)[0]


@lru_cache(maxsize=200_000)
def _readings(word: str) -> frozenset:
    """Every transliteration reading of one folded word (ch, j, sch, c read as in each language)."""
    ent = _entities()
    if ent is None:
        return frozenset((word,))
    return frozenset(ent[2](word))


@lru_cache(maxsize=1)
def given_name_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/given_names.yaml``: each the forms of one given name in six
    languages (Lev, Leon, Léon, Leo). Read once; the entities stage reads it too."""
    from importlib import resources

    import yaml

    text = resources.files("chronicon.reconcile").joinpath("data/given_names.yaml").read_text("utf-8")
    rows = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["given_names"]
    return tuple(tuple(str(form) for form in row) for row in rows)


@lru_cache(maxsize=1)
def _given_groups() -> dict[str, frozenset]:
    """Reading of a given name -> the groups of ``data/given_names.yaml`` it belongs to
    (Lev, Leon, Léon, Leo: one group)."""
    out: dict[str, set] = defaultdict(set)
    for row in given_name_rows():
        group = "@" + row[0].lower()
        for form in row:
            for w in _written_words(form):
                for r in _readings(w):
                    out[r].add(group)
    return {r: frozenset(g) for r, g in out.items()}


@lru_cache(maxsize=50_000)
def _given(word: str) -> frozenset:
    """Readings of a first given name, and its groups (the forms of one name in six languages)."""
    rs = _readings(word)
    groups = _given_groups()
    return rs.union(*(groups.get(r, ()) for r in rs))


def _parse(words: tuple) -> tuple[str, list[str], str]:
    """(surname, given names, regnal number) of a name's words as written."""
    words = list(words)
    regnal = ""
    if len(words) > 1 and _ROMAN.match(words[-1]) and (
            len(words[-1]) > 1 or (words[-1] in _ONE_LETTER and _is_given(words[-2]))):
        regnal = words.pop()  # "Nicholas II", "Pedro I" (not the initial of "Trotsky L.")
    return words[-1], words[:-1], regnal


def _table(rows: dict) -> dict[str, str]:
    return {w: tag for tag, words in rows.items() for w in words.split()}


#: Regnal numbers written out or in another notation, folded (accents off) -> the roman
#: numeral: French "Ier"/"1er", "Pedro Primero", "Henri Quatre", "Charles Quint",
#: "Wilhelm der Erste", "Henry the Eighth".
_ORDINALS = _table({
    "i": "ier 1er premier premiere 1st first primero primera primo prima primeiro primeira erste erster ersten",
    "ii": "2nd second seconde deuxieme segundo segunda secondo seconda zweite zweiter zweiten",
    "iii": "3rd third troisieme tercero tercera terzo terza terceiro terceira dritte dritter dritten",
    "iv": "4th fourth quatre quatrieme cuarto cuarta quarto quarta vierte vierter vierten",
    "v": "5th fifth quint quinte cinquieme quinto quinta funfte fuenfte funfter",
    "vi": "6th sixth sixieme sexto sexta sesto sesta sechste sechster",
    "vii": "7th seventh septieme septimo septima settimo settima setimo setima siebte siebter",
    "viii": "8th eighth huitieme octavo octava ottavo ottava oitavo oitava achte achter",
    "ix": "9th ninth neuvieme noveno novena nono nona neunte neunter",
    "x": "10th tenth dixieme decimo decima zehnte zehnter",
    "xi": "11th eleventh onzieme undecimo undicesimo elfte",
    "xii": "12th twelfth douzieme duodecimo dodicesimo zwolfte",
    "xiii": "13th thirteenth treizieme decimotercero tredicesimo dreizehnte",
})

#: Epithets after "the"/"der"/"el"/"le"/"il"/"o" (folded) -> one tag for the forms of one
#: epithet: "Federico el Grande", "Friedrich der Große", "Frederick the Great".
_EPITHETS = _table({
    "great": "great grand grande grosse grossen magno magnus",
    "catholic": "catholic catholique katholische catolica catolico cattolica cattolico",
    "mad": "mad folle wahnsinnige loca pazza louca",
    "wise": "wise sage weise sabio saggio",
    "bold": "bold hardi temeraire kuhne kuehne temerario atrevido ardito",
    "fair": "fair bel schone schoene hermoso bello belo",
    "conqueror": "conqueror conquerant eroberer conquistador conquistatore",
    "navigator": "navigator navigateur seefahrer navegante navigatore navegador",
    "cruel": "cruel grausame crudele",
    "pious": "pious pieux fromme piadoso pio",
    "terrible": "terrible schreckliche terribile terrivel",
    "bald": "bald chauve kahle calvo",
    "fat": "fat gros dicke gordo grasso",
    "short": "short bref kurze breve",
})

#: Territories after "of"/"de"/"von" in a ruler's name, the forms of one country
#: meeting: "Louis XVI of France", "Luis XVI de Francia", "Ludwig XVI. von Frankreich".
_TERRITORIES = _table({
    "england": "england inglaterra angleterre inghilterra",
    "france": "france francia frankreich franca",
    "spain": "spain espana espagne spanien spagna espanha",
    "portugal": "portugal portogallo",
    "prussia": "prussia preussen prusse prusia",
    "austria": "austria osterreich oesterreich autriche",
    "russia": "russia russland russie rusia",
    "sweden": "sweden schweden suede suecia svezia",
    "naples": "naples neapel napoles napoli",
    "sicily": "sicily sizilien sicile sicilia",
    "sardinia": "sardinia sardinien sardaigne cerdena sardegna sardenha",
    "italy": "italy italien italie italia",
    "germany": "germany deutschland allemagne alemania germania alemanha",
    "bavaria": "bavaria bayern baviere baviera",
    "saxony": "saxony sachsen saxe sajonia sassonia saxonia",
    "brazil": "brazil brasilien bresil brasil brasile",
    "mexico": "mexico mexiko mexique messico",
    "castile": "castile kastilien castille castilla castiglia castela",
    "aragon": "aragon aragonien aragona aragao",
    "navarre": "navarre navarra",
    "scotland": "scotland schottland ecosse escocia scozia",
    "hungary": "hungary ungarn hongrie hungria ungheria",
    "bohemia": "bohemia bohmen boehmen boheme boemia",
    "poland": "poland polen pologne polonia",
    "denmark": "denmark danemark dinamarca danimarca",
    "norway": "norway norwegen norvege noruega norvegia",
    "holland": "holland holanda hollande olanda",
    "belgium": "belgium belgien belgique belgica belgio",
    "greece": "greece griechenland grece grecia",
    "savoy": "savoy savoyen savoie saboya savoia saboia",
    "hanover": "hanover hannover hanovre",
    "wurttemberg": "wurttemberg wuerttemberg wurtemberg",
})

_COUNTRIES = frozenset(_TERRITORIES.values())

_ARTICLES = frozenset("the der die das el la le il lo o a".split())
_OF = frozenset("of de d di da do dos das del della dello du des von van".split())
_SAINTS = frozenset("saint sainte st ste sankt san santo santa sao s".split())
#: Honorifics and titles before a ruler's given name ("Dom Pedro II", "D. João VI",
#: "Papa Pío IX", "König Ludwig II."): dropped when a given name follows.
_HONORIFICS = frozenset(
    "dom don dona d king queen emperor empress pope tsar czar tsarina koenig konig konigin koenigin kaiser "
    "kaiserin papst zar zarin roi reine empereur imperatrice pape tsarine rey reina emperador emperatriz "
    "papa zarina re regina imperatore imperatrice zarina rei rainha imperador imperatriz czarina".split())
#: Roman numerals of one letter are regnal only after a given name at the end of the
#: name or before "of ...": "Pedro I", "Carlos V", "Alfonso X" (not initials: "L. D. Trotsky").
_ONE_LETTER = frozenset("ivx")
#: Regnal numbers up to XXXIX ("di", "mix", "lc" are words, not numbers).
_REGNAL = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")


@lru_cache(maxsize=200_000)
def _is_given(word: str) -> bool:
    """A form of a name of ``data/given_names.yaml`` (in some reading)."""
    groups = _given_groups()
    return any(r in groups for r in _readings(word))


@lru_cache(maxsize=1 << 16)
def _ruler(label: str) -> Optional[tuple]:
    """A name made of given names with a regnal number, an epithet or "Saint" before it
    ("Vittorio Emanuele II", "Ludwig XVI. von Frankreich", "Pierre Ier", "Federico el
    Grande", "San Pedro", "D. Pedro I"), or of given names alone ("Franz Joseph"):
    (the given names' candidates, one set per word: their groups in
    ``data/given_names.yaml`` or their readings; regnal number; epithet; saint; territory),
    else None."""
    words = list(_written_words(label))
    if not words or not _is_given(words[0]) and not (words[0] in _HONORIFICS or words[0] in _SAINTS):
        return None
    groups = _given_groups()
    is_given = _is_given

    def cands(w: str) -> frozenset:
        rs = _readings(w)
        gs = frozenset().union(*(groups.get(r, ()) for r in rs))
        return gs or rs

    saint = False
    while len(words) > 1 and is_given(words[1]) and (words[0] in _HONORIFICS or words[0] in _SAINTS):
        saint = saint or words[0] in _SAINTS
        words.pop(0)
    n = 0
    while n < len(words) and is_given(words[n]):
        n += 1
    if not n:
        return None
    names, rest = words[:n], words[n:]
    regnal = epithet = territory = ""
    i = 0
    if i < len(rest):
        w = rest[i]
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        if _REGNAL.match(w) and (len(w) > 1 or (w in _ONE_LETTER and (nxt is None or nxt in _OF or nxt in _ARTICLES))):
            regnal, i = w, i + 1
        else:
            j = i + 1 if w in _ARTICLES and nxt is not None else i
            o = _ORDINALS.get(rest[j])
            if o and (j + 1 == len(rest) or rest[j + 1] in _ARTICLES):
                regnal, i = o, j + 1
    if i + 1 < len(rest) and rest[i] in _ARTICLES:
        epithet, i = _EPITHETS.get(rest[i + 1]) or "~" + _word_key(rest[i + 1]), i + 2
    elif i < len(rest) and rest[i] in ("magno", "magnus"):
        epithet, i = "great", i + 1
    if i + 1 < len(rest) and rest[i] in _OF:
        place = rest[i + 1:]
        if len(place) > 1 and place[0] in _ARTICLES:
            place = place[1:]
        territory = _TERRITORIES.get(place[0], "") if len(place) == 1 else ""
        territory = territory or " ".join(_word_key(w) for w in place)
        i = len(rest)
    if i < len(rest):
        return None
    if not (regnal or epithet or saint) and (len(names) < 2 or territory and territory not in _COUNTRIES):
        return None  # "Juan Manuel de Rosas" is no ruler; "Carlo Alberto di Savoia" is one
    return tuple(cands(w) for w in names), regnal, epithet, saint, territory


def _ruler_unions(labels: Iterable[tuple[str, tuple]], union, find) -> None:
    """Rulers, popes and saints meet when each of their given names is a form of the
    same name, with the same number, epithet and sainthood ("Luis XVI", "Ludwig XVI.",
    "Louis XVI"); named with a territory, the territories must be one too. One named
    without a territory joins the one ruler of the corpus it fits; when two fit
    (Charles II of England and Carlos II de España), it stays apart."""
    placed: dict[tuple, str] = {}
    bare: list[tuple[str, list]] = []
    for k, (cands, regnal, epithet, saint, territory) in labels:
        combos = [()]
        for c in cands:
            combos = [t + (x,) for t in combos for x in c]
        if len(combos) > 256:  # a long string of ambiguous names: no ruler
            continue
        ids = [(combo, regnal, epithet, saint) for combo in combos]
        if territory:
            for ident in ids:
                other = placed.setdefault(ident + (territory,), k)
                if other != k:
                    union(other, k)
        else:
            bare.append((k, ids))
    by_ident: dict[tuple, set] = defaultdict(set)
    for key, k in placed.items():
        by_ident[key[:4]].add(k)
    alone: dict[tuple, str] = {}
    for k, ids in bare:
        roots = {find(o) for ident in ids for o in by_ident.get(ident, ())}
        if len(roots) == 1:
            union(next(iter(roots)), k)
        elif not roots:
            for ident in ids:
                other = alone.setdefault(ident, k)
                if other != k:
                    union(other, k)


class DisjointSets:
    """Union-find over keys (path halving). A set's root is its smallest key, so the
    representative does not depend on the order of the unions."""

    __slots__ = ("parent",)

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def person_keys(labels: Iterable[Optional[str]]) -> dict[str, str]:
    """Subject keys that name one person differently -> one key for that person.

    Labels are canonical when the entities stage resolved the name; the others are as
    written: in another romanisation whose letters read differently (German Bucharin,
    Spanish Bujarin), with initials ("L. D. Trotsky"), with a patronymic ("Lev
    Davidovich Trotsky") or the surname alone ("Sinowjew"). Full names meet when their
    surnames and first given names have a reading in common, or the given names are
    forms of one name in two languages (Lev, Léon, Leo: ``data/given_names.yaml``), and
    the regnal number is the same (Alexander II and III are two people). A surname alone,
    or with initials, joins the one full name of the corpus it fits; when two fit (Lev
    and Sergei Sedov), it stays apart: no guess; with no full name, a lone name meets its
    spellings and, when it is a given name, its forms in the other languages (Napoleone,
    Napoléon). Rulers, popes and saints, named by given names and a number, an epithet
    or "Saint" ("Ludwig XVI.", "Luis XVI", "Pierre Ier", "Federico el Grande"), meet
    other such names only (:func:`_ruler_unions`)."""
    sets = DisjointSets()
    find, union = sets.find, sets.union

    keys: set[str] = set()
    full_index: dict[tuple, str] = {}  # (surname reading, given reading, regnal) -> a full key
    partial: list[tuple[str, str, list[str], str]] = []
    fulls: list[tuple[str, str, str, str]] = []
    rulers: list[tuple[str, tuple]] = []
    for label in set(labels):
        if not label:
            continue
        k = label_key(label)
        words = _written_words(label)
        if not k or not words:
            continue
        keys.add(k)
        ruler = _ruler(label)
        if ruler is not None:
            rulers.append((k, ruler))
            if any(ruler[1:4]):  # a ruler meets rulers only: "Carlos I" is no surname
                continue        # of "Juan Carlos I", "San Pedro" no Mr Pedro named San
        surname, given, regnal = _parse(words)
        if given and len(given[0]) > 1:
            fulls.append((k, surname, given[0], regnal))
            for sr in _readings(surname):
                for gr in _given(given[0]):
                    other = full_index.setdefault((sr, gr, regnal), k)
                    if other != k:
                        union(other, k)
        else:
            partial.append((k, surname, given, regnal))
    if rulers:
        _ruler_unions(rulers, union, find)
    if partial:
        # full-name groups by surname reading, with the initials their first given names allow
        by_surname: dict[tuple, dict[str, set]] = defaultdict(dict)
        for k, surname, first, regnal in fulls:
            root = find(k)
            initials = {r[0] for r in _readings(first) if r} | {first[0]}
            for sr in _readings(surname):
                by_surname[(sr, regnal)].setdefault(root, set()).update(initials)
        alone: dict[tuple, str] = {}
        for k, surname, given, regnal in partial:
            groups: dict[str, set] = {}
            for sr in _readings(surname):
                for g, i in by_surname.get((sr, regnal), {}).items():
                    groups.setdefault(find(g), set()).update(i)
            if given:  # initials: the first must fit the group's first given name
                first = {r[0] for r in _readings(given[0]) if r} | {given[0][0]}
                groups = {g: i for g, i in groups.items() if i & first}
            if len(groups) == 1:
                union(next(iter(groups)), k)
            elif not groups and not given:
                # no full name in the corpus: spellings of one surname meet each other, and
                # a lone given name its forms in other languages (Napoleone, Napoléon)
                for sr in _given(surname):
                    other = alone.setdefault((sr, regnal), k)
                    if other != k:
                        union(other, k)
    return {k: find(k) for k in keys if find(k) != k}


#: The name the rest of reconcile knows it by.
surname_keys = person_keys


def subject_keys(claims: Iterable[Claim]) -> dict[str, str]:
    """Each distinct subject label of the claims -> the key of its person
    (:func:`person_keys`), computed once per label rather than once per claim."""
    labels = dict.fromkeys(c.subject for c in claims)
    labels.pop(None, None)
    full = person_keys(labels)
    out = {}
    for label in labels:
        k = label_key(label)
        out[label] = full.get(k, k)
    return out


# Keys use the canonical label, not the entity id: a subject resolved through the
# context (a pronoun) and one named in full must meet, and labels are canonical.
def subject_key(c: Claim) -> str:
    return label_key(c.subject)


@lru_cache(maxsize=1)
def _registry():
    try:
        from ..entities import default_registry

        return default_registry()
    except Exception:  # noqa: BLE001 - without the entities stage, names as written
        return None


@lru_cache(maxsize=200_000)
def canon_key(label: Optional[str], eid: Optional[str] = None, kind: Optional[str] = None) -> str:
    """One key for a place or an organisation however a source names it: its entity id
    (given by the entities stage, or found in the registry: Konstantinopel, Istanbul;
    Parti communiste, Kommunistische Partei), else the folded name."""
    if eid:
        return eid
    if not label:
        return ""
    reg = _registry()
    if reg is not None:
        try:
            ent = reg.resolve(label, kind=kind)
        except Exception:  # noqa: BLE001
            ent = None
        if ent is not None:
            return ent.id
    return norm_key(label)


@lru_cache(maxsize=200_000)
def place_keys(label: Optional[str], eid: Optional[str] = None) -> frozenset:
    """The places a place name may be: its entity id when the entities stage gave one,
    else every place the registry knows by that name (French "Vienne" is Vienna and a
    town on the Rhone), else the folded name. Two names can be one place when their
    sets meet."""
    if eid:
        return frozenset((eid,))
    if not label:
        return frozenset()
    reg = _registry()
    if reg is not None:
        try:
            from ..entities import name_key

            ids = {h.eid for h in reg.hits(name_key(label)) if h.kind == "place"}
            if not ids:
                ent = reg.resolve(label, kind="place")
                ids = {ent.id} if ent is not None else set()
        except Exception:  # noqa: BLE001
            ids = set()
        if ids:
            return frozenset(ids)
    return frozenset((norm_key(label),))


def object_key(c: Claim) -> str:
    return canon_key(c.object, c.object_id)


def place_key(c: Claim) -> frozenset:
    return place_keys(c.place, c.place_id)


def block_key(c: Claim) -> tuple:
    """Claims can only be about one event when they share this key.

    A report of an event ("the press reported in August 1929 that ...") is kept in
    a block of its own: a report is not the event, and its date is the report's."""
    kind = c.type
    if c.type == "quantity" and c.quantity:
        kind = f"quantity:{norm_key(str(c.quantity.get('property')))}"
    return (subject_key(c), kind, bool(c.reported))


class _Cluster:
    __slots__ = ("claims", "lo", "hi", "objects", "places", "ranges")

    def __init__(self, claim: Claim, rng: Optional[DateRange], ok: str = None, pk: frozenset = None):
        self.claims = [claim]
        self.ranges = [rng]
        self.lo = rng.lo if rng else None
        self.hi = rng.hi if rng else None
        ok = object_key(claim) if ok is None else ok
        pk = place_key(claim) if pk is None else pk
        self.objects = {ok} if ok else set()
        self.places = set(pk)

    def accepts(self, c: Claim, rng: Optional[DateRange], ok: str = None, pk: frozenset = None,
                rules: Optional[tuple] = None) -> bool:
        ok = object_key(c) if ok is None else ok
        if ok and self.objects and ok not in self.objects:
            return False
        place_defines, interval, w = rules or _rules(c.type)
        if place_defines:
            pk = place_key(c) if pk is None else pk
            if pk and self.places and self.places.isdisjoint(pk):
                return False
        if rng is None or self.lo is None and self.hi is None:
            return True
        if interval:
            return any(r is None or r.overlaps(rng) for r in self.ranges)
        if w == _INF:
            return True
        # Within the window of every member, so a chain of close dates cannot
        # drift into one ever-wider "event".
        return all(r is None or r.gap(rng) <= w for r in self.ranges)

    def add(self, c: Claim, rng: Optional[DateRange], ok: str = None, pk: frozenset = None) -> None:
        self.claims.append(c)
        self.ranges.append(rng)
        if rng is not None:
            if rng.lo is not None:
                self.lo = rng.lo if self.lo is None else min(self.lo, rng.lo)
            if rng.hi is not None:
                self.hi = rng.hi if self.hi is None else max(self.hi, rng.hi)
        o = object_key(c) if ok is None else ok
        p = place_key(c) if pk is None else pk
        if o:
            self.objects.add(o)
        if p:
            self.places.update(p)


_INF = float("inf")


@lru_cache(maxsize=None)
def _rules(event_type: str) -> tuple[bool, bool, float]:
    """(place defines the event, dates are intervals, window in days) for a type."""
    return (event_type in PLACE_DEFINES, event_type in INTERVAL_TYPES, window_days(event_type))


def _choose(c: Claim, rng: Optional[DateRange], fits: list[_Cluster], ok: str = None) -> Optional[_Cluster]:
    """The cluster a claim joins among those that accept it, or None for a new one.

    A claim that names no object ("he was expelled in December 1927") is ambiguous
    when the candidates differ in their objects (the Central Committee, the party):
    it then stands alone rather than being merged with a guess."""
    if not fits:
        return None
    ok = object_key(c) if ok is None else ok
    if not ok:
        objects = {frozenset(cl.objects) for cl in fits if cl.objects}
        if len(objects) > 1:
            return None
    if len(fits) == 1:
        return fits[0]
    same = [cl for cl in fits if ok and ok in cl.objects]
    pool = same or fits
    if rng is None or rng.mid is None:
        return pool[-1]
    return min(pool, key=lambda cl: min((r.gap(rng) for r in cl.ranges if r is not None), default=0))


def cluster(claims: Iterable[Claim], full: Optional[dict[str, str]] = None,
            subjects: Optional[dict[str, str]] = None) -> list[list[Claim]]:
    """Claims grouped into candidate events, in a stable order.

    ``full``: surname-only subject keys -> full-name keys (:func:`surname_keys`)."""
    claims = claims if isinstance(claims, list) else list(claims)
    if subjects is None:
        if full is None:
            full = surname_keys(c.subject for c in claims)
        subjects = {}
        for label in dict.fromkeys(c.subject for c in claims):
            k = label_key(label)
            subjects[label] = full.get(k, k)
    blocks: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.type == "quantity":
            key = block_key(c)
        else:
            key = (subjects[c.subject], c.type, bool(c.reported))  # = block_key(c), inlined
        b = blocks.get(key)
        if b is None:
            blocks[key] = [c]
        else:
            b.append(c)
    out: list[list[Claim]] = []
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) == 1:
            out.append(members)
            continue
        dated = []
        undated = []
        for c in members:
            r = range_of(c.date)
            item = (c, r, canon_key(c.object, c.object_id), place_keys(c.place, c.place_id))
            (dated if r is not None else undated).append(item)
        # Day-level claims first, in date order, so that they seed the events; then the
        # months and years, each joining the event it contains rather than the first one
        # near it ("1878" belongs with 30 November 1878, not with 26 March 1877, when one
        # person has both). Periods (residence) are swept in date order only.
        # Claims that name their object first: an objectless claim is then judged
        # against every event of the block, not only those built before it.
        rules = _rules(members[0].type)
        interval = rules[1]
        dated.sort(key=lambda it: (not it[2], not interval and it[1].width > 1,
                                   it[1].lo if it[1].lo is not None else -(10**9), it[1].width, it[0].id))
        clusters: list[_Cluster] = []
        for c, r, ok, pk in dated:
            fits = [cl for cl in (clusters if not ok else clusters[-50:]) if cl.accepts(c, r, ok, pk, rules)]
            target = _choose(c, r, fits, ok)
            if target is None:
                clusters.append(_Cluster(c, r, ok, pk))
            else:
                target.add(c, r, ok, pk)
        for c, r, ok, pk in undated:
            # An undated claim joins the block's only event if there is exactly one.
            fits = [cl for cl in clusters if cl.accepts(c, r, ok, pk, rules)]
            if len(fits) > 1:
                # the one event of the block in the same place, or with the same object
                for narrowed in ([cl for cl in fits if pk and not cl.places.isdisjoint(pk)],
                                 [cl for cl in fits if ok and ok in cl.objects]):
                    if len(narrowed) == 1:
                        fits = narrowed
                        break
            if len(fits) == 1:
                fits[0].add(c, r, ok, pk)
            else:
                clusters.append(_Cluster(c, r, ok, pk))
        out.extend(cl.claims for cl in clusters)
    return _join_journeys(out, subjects)


def _join_journeys(groups: list[list[Claim]], subjects: dict[str, str]) -> list[list[Claim]]:
    """A departure and the arrival that follows it are the stages of one journey
    ("on 31 December the Tsar left Mogilev" / "le 1er janvier, Nicolas II arrive à
    Tsarskoïe Selo"): the two events of one person become one, with the departure and
    arrival as its facets, when the arrival comes 0 to ``JOURNEY_DAYS`` days after the
    departure, at another place, both dated to the day or the month. Each departure
    is paired with at most one arrival, the nearest pairs first, so a string of legs
    (Paris to Lyon, Lyon to Marseille) stays a string of journeys. The joined event
    lists the arrival first: its place is the journey's destination."""
    legs: dict[str, tuple[list, list]] = {}
    for i, g in enumerate(groups):
        c0 = g[0]
        if c0.type not in ("departure", "arrival") or c0.reported:
            continue
        rs = [r for r in (range_of(c.date) for c in g) if r is not None]
        if not rs or any(r.lo is None or r.hi is None or r.width > 31 for r in rs):
            continue
        places = frozenset().union(*(place_key(c) for c in g))
        pair = legs.setdefault(subjects.get(c0.subject) or label_key(c0.subject), ([], []))
        pair[c0.type == "arrival"].append((i, min(r.lo for r in rs), max(r.hi for r in rs), places))
    candidates = []
    for deps, arrs in legs.values():
        for di, _, dhi, dpl in deps:
            for ai, alo, _, apl in arrs:
                if 0 <= alo - dhi <= JOURNEY_DAYS and (not dpl or not apl or dpl.isdisjoint(apl)):
                    candidates.append((alo - dhi, di, ai))
    if not candidates:
        return groups
    used: set[int] = set()
    joined: dict[int, list[Claim]] = {}
    for _, di, ai in sorted(candidates):
        if di in used or ai in used:
            continue
        used.update((di, ai))
        joined[ai] = [c if c.facet else replace(c, facet=c.type) for c in groups[ai] + groups[di]]
    return [joined.get(i, g) for i, g in enumerate(groups) if i not in used or i in joined]
