"""Names of organisations and states, found by their head noun.

The cues are language data in ``data/org_cues.yaml``: per language, the nouns that
head the name of a body or a state ("Partido", "República", "Regierung"), German
compound endings ("-partei", "-reich") and the small words inside such names
("de", "d'", "der"). A name is the capitalised run around a head noun:

- the capitalised words right before it ("Segunda República", "Deutsche Arbeiterpartei");
- the capitalised words after it, and those after a connector ("Partido Comunista de
  España", "Kommunistische Partei Deutschlands", "Partito Comunista d'Italia"), even
  where the dictionary pass read one of them as a place;
- a head alone, capitalised inside a sentence, is a name too ("la República", "el
  Gobierno"), except in German, where every noun has a capital;
- a word in capitals ("PSOE", "NSDAP", "KPdSU") is an organisation.

A registry name for the whole run (aliases, CLDR country names) gives the entity;
otherwise the name is an organisation as written. The claims stage takes such names
(and countries) as subjects: ``chronicon/claims/_extract.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from ._normalize import name_key
from ._persons import all_given_names, is_regnal
from ._words import FUNCTION_WORDS, NATIONALITIES


@dataclass(frozen=True)
class OrgCues:
    lang: str
    heads: frozenset
    head_endings: tuple
    #: the connectors as one pattern over the text between two words (" de la ", " d'")
    connector: re.Pattern
    not_acronyms: frozenset


@lru_cache(maxsize=None)
def _data() -> dict:
    path = resources.files("chronicon.entities").joinpath("data/org_cues.yaml")
    return yaml.safe_load(path.read_text("utf-8")) or {}


@lru_cache(maxsize=None)
def org_cues(lang: Optional[str]) -> Optional[OrgCues]:
    """The cues of ``lang``, or None when the file has none for it."""
    d = _data().get(lang or "")
    if not d:
        return None
    # the text between two words of a name: " de ", " de la ", " d'" (an elided one
    # is cut off the next word, so nothing follows its apostrophe)
    alts = []
    for c in sorted({str(c) for c in d.get("connectors") or []}, key=len, reverse=True):
        if c.endswith("'"):
            alts.append(re.escape(c[:-1]).replace(r"\ ", r"\s+") + "['’]")
        else:
            alts.append(re.escape(c).replace(r"\ ", r"\s+") + r"\s+")
    connector = re.compile(rf"\s+(?:{'|'.join(alts) or '(?!x)x'})", re.IGNORECASE)
    not_acr = frozenset(str(w) for w in (_data().get("all") or {}).get("not_acronyms") or [])
    return OrgCues(
        lang,
        frozenset(name_key(str(w)) for w in d.get("heads") or []),
        tuple(sorted({name_key(str(w)) for w in d.get("head_endings") or []}, key=len, reverse=True)),
        connector,
        not_acr | frozenset(str(w) for w in d.get("not_acronyms") or []),
    )


_ACRONYM = re.compile(r"[A-ZÀ-Ý](?:[A-ZÀ-Ý]|[a-z](?=[A-Z]))+[A-ZÀ-Ý]?")


def is_acronym(word: str, cues: OrgCues) -> bool:
    """"PSOE", "NSDAP", "KPdSU": capitals (a small letter only between two), 2 to 7 letters,
    no roman numeral."""
    return (2 <= len(word) <= 7 and bool(_ACRONYM.fullmatch(word)) and word not in cues.not_acronyms
            and not is_regnal(word))


def is_head(key: str, cues: OrgCues) -> bool:
    """A head noun ("partido"), or (German) a compound ending in one ("arbeiterpartei")."""
    if key in cues.heads:
        return True
    return any(key.endswith(e) and len(key) >= len(e) + 3 for e in cues.head_endings)


def find_org_names(f, ments: list[dict], covered: list[bool]) -> None:
    """Add organisation names to ``ments`` (the dictionary pass's mentions of the finder
    ``f``, :class:`chronicon.entities._mentions._Finder`), replacing the shorter ones a name
    holds ("Partido Comunista" + "España" in "Partido Comunista de España"); ``covered``
    is updated."""
    toks, text, n = f.toks, f.text, len(f.toks)
    owner: dict[int, dict] = {}
    for m in ments:
        for k in range(m["i"], m["j"] + 1):
            owner[k] = m
    i = 0
    while i < n:
        t = toks[i]
        lang = f._lang(t.s)
        cues = org_cues(lang)
        if cues is None or not t.cap:
            i += 1
            continue
        capitalised_nouns = lang == "de"
        head = is_head(t.k, cues) and not t.w.isupper()
        acronym = not head and is_acronym(t.w, cues) and not _upper_line(text, t.s, t.e)
        if not head and not acronym:
            i += 1
            continue
        a, b = i, i
        if head:
            # capitalised words before the head: "Segunda República", "Deutsche Arbeiterpartei"
            while (a > 0 and a - 1 not in f.sent_starts_strict and toks[a - 1].cap and f._simple_gap(a)
                   and not toks[a - 1].w.isdigit() and toks[a - 1].k not in FUNCTION_WORDS
                   and not _person(owner.get(a - 1)) and not is_regnal(toks[a - 1].w) and i - a < 3
                   and toks[a - 1].k not in all_given_names()):
                a -= 1
            if a > 0 and toks[a - 1].cap and toks[a - 1].k in all_given_names() and f._simple_gap(a):
                i += 1
                continue  # "Francisco Ferrer Guardia": a person's name that ends in a head noun
            # capitalised words after it, directly or after a connector
            while b + 1 < n and (b + 1) not in f.sent_starts_strict:
                nt = toks[b + 1]
                gap = text[toks[b].e : nt.s]
                if nt.cap and not nt.w.isdigit() and not _person(owner.get(b + 1)) and not is_regnal(nt.w) \
                        and re.fullmatch(r"[ \u00a0]|-", gap) and nt.k not in FUNCTION_WORDS \
                        and (not capitalised_nouns or _genitive_place(f, nt.w)):
                    # (German capitalises every noun: after the head only a place in the
                    # genitive, "Kommunistische Partei Deutschlands", not "Nationalversammlung Friedrich")
                    b += 1
                    continue
                # a connector ("de", "de la"; an elided "d'" is no token) then a capitalised word
                c = next((c for c in range(b + 1, min(n, b + 4)) if toks[c].cap), None)
                if c is None or any(k in f.sent_starts_strict for k in range(b + 1, c + 1)):
                    break
                ct = toks[c]
                if not ct.w.isdigit() and not _person(owner.get(c)) and ct.k not in f.cal and \
                        cues.connector.fullmatch(text[toks[b].e : ct.s]) and not _full_name(f, c):
                    b = c
                    continue
                break
        if head and b + 1 < n and not toks[b + 1].cap and toks[b + 1].k in NATIONALITIES and f._simple_gap(b + 1):
            b += 1  # "el Partido Comunista mexicano", "le Parti communiste français": that country's
        single = a == b
        if single and head and (capitalised_nouns or i in f.sent_starts):
            i += 1
            continue  # "Regierung" (a German noun), "Gobierno ..." opening a sentence: no name
        if single and head and not _after_article(f, i):
            i += 1
            continue  # a lone head needs its article: "la República", "l'Esercito"
        if any(k in owner and (owner[k]["i"] < a or owner[k]["j"] > b) for k in range(a, b + 1)):
            i = b + 1
            continue  # a longer dictionary name overlaps it: that one stands
        span = text[toks[a].s : toks[b].e]
        inside = {id(owner[k]): owner[k] for k in range(a, b + 1) if k in owner}
        # (a city the gazetteer reads in a head noun, "República" in Brazil, gives way)
        exact = [m for m in inside.values() if m["i"] == a and m["j"] == b and not (m["eid"] or "").startswith("geo:")]
        if exact:
            i = b + 1
            continue  # the dictionary already names exactly this
        h = f.reg.resolve_hit(span)
        if h is not None and (h.kind not in ("organization", "place") or h.eid.startswith("geo:")):
            h = None  # a person, or a city that shares the words ("Republica", Brazil)
        if acronym and h is None and a == b and inside:
            i = b + 1
            continue  # "URSS" found by the dictionary pass: keep it
        for m in inside.values():
            ments.remove(m)
        ent = f.reg.get(h.eid) if h is not None else None
        new = dict(i=a, j=b, kind=h.kind if h is not None else "organization", eid=h.eid if h is not None else None,
                   label=ent.label if ent is not None else span, how="alias" if h is not None else "org", fixed=True)
        ments.append(new)
        for k in range(a, b + 1):
            covered[k] = True
            owner[k] = new
        i = b + 1


def _genitive_place(f, word: str) -> bool:
    """"Deutschlands", "Österreichs": a place name in the genitive."""
    if not word.endswith("s") or len(word) < 4:
        return False
    h = f.reg.resolve_hit(word[:-1])
    return h is not None and h.kind == "place"


def _full_name(f, k: int) -> bool:
    """A given name followed by another capitalised word opens a person's name ("el
    Gobierno de Juan Negrín"); a given name alone may be part of the body's ("Compañía
    de Jesús")."""
    toks = f.toks
    return (toks[k].k in all_given_names() and k + 1 < len(toks) and toks[k + 1].cap
            and f._simple_gap(k + 1))


def _person(m: Optional[dict]) -> bool:
    return m is not None and m["kind"] == "person"


_ARTICLES = frozenset(name_key(w) for w in "el la los las le les the il lo gli i o os a as der die das den dem des l".split())


def _after_article(f, i: int) -> bool:
    """"la República", "l'Assemblea", "die Regierung": a definite article right before."""
    if i == 0:
        return False
    prev = f.toks[i - 1]
    gap = f.text[prev.e : f.toks[i].s]
    if prev.k in _ARTICLES and re.fullmatch(r"\s+", gap):
        return True
    # an elided article is cut off the token: "l'Assemblea" leaves "l'" before it
    return bool(re.search(r"(?:^|\s)[lL]['’]$", f.text[max(0, f.toks[i].s - 3) : f.toks[i].s]))


def _upper_line(text: str, s: int, e: int) -> bool:
    """The word stands in a line written in capitals (a heading): no acronym."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    line = text[ls : le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters)
