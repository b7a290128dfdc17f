"""Recognising persons by rule, for the languages that have no NER model here.

The cues are language data in ``data/person_cues.yaml``: the particles a name may
hold ("de", "von"), the titles that announce a person ("el rey", "Kaiser"), and
common given names. Besides them:

- a regnal number after a name is part of it ("Alfonso XIII", "Wilhelm II.");
- a single capitalised word that the language's dictionary (``simplemma``) knows
  only as a common word ("Según", "Retrato", "Später") is no name; one it does not
  know, or knows as a proper noun, may be ("Garibaldi", "Tiradentes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from ._normalize import name_key

#: Regnal numbers I to XXXIX ("I" alone only after a name: see the callers).
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


@dataclass(frozen=True)
class PersonCues:
    lang: str
    particles: frozenset
    titles: frozenset
    given: frozenset
    locatives: frozenset
    noun_endings: tuple
    things: frozenset
    saints: frozenset
    not_names: frozenset
    #: Endings that make a compound a title ("Außenminister", "Reichskanzler").
    title_endings: tuple = ()


@lru_cache(maxsize=None)
def _data() -> dict:
    path = resources.files("chronicon.entities").joinpath("data/person_cues.yaml")
    return yaml.safe_load(path.read_text("utf-8")) or {}


@lru_cache(maxsize=None)
def person_cues(lang: str) -> Optional[PersonCues]:
    """The cues of ``lang``, or None when the file has none for it."""
    d = _data().get(lang)
    if not d:
        return None

    def keys(k: str) -> frozenset:
        return frozenset(name_key(str(w)) for w in d.get(k) or [])

    return PersonCues(lang, keys("particles"), keys("titles"), keys("given"), keys("locatives"),
                      tuple(sorted(keys("noun_endings"))), keys("things"), keys("saints"),
                      keys("not_names"), tuple(sorted(keys("title_endings"))))


@lru_cache(maxsize=None)
def all_given_names() -> frozenset:
    """Given names of every language (a "Friedrich" in a Spanish text is one too)."""
    out: set = set()
    for lang in _data():
        c = person_cues(lang)
        if c is not None:
            out |= c.given
    # and the forms of reconcile's table of given names in six languages (Gustav, Gustavo ...)
    from ..reconcile._cluster import given_name_rows

    for row in given_name_rows():
        out |= {name_key(w) for w in row if " " not in w}
    return frozenset(out)


def is_regnal(word: str) -> bool:
    """"XIII", "II", "IX": a regnal number (the caller checks it follows a name)."""
    return bool(_ROMAN.fullmatch(word.rstrip(".")))


@lru_cache(maxsize=20000)
def simplemma_lemma(word: str, lang: str) -> str:
    """The lowercased lemma of ``word`` ("morì" -> "morire"), or the word itself."""
    try:
        import simplemma

        return simplemma.lemmatize(word, lang).lower()
    except (ImportError, ValueError, KeyError):
        return word.lower()


@lru_cache(maxsize=20000)
def common_word(word: str, lang: str) -> bool:
    """True when the dictionary of ``lang`` knows ``word`` only as a common word
    (its lemma is written in lowercase: "Según", "Retrato", "Danach"). Names the
    dictionary does not know, or knows as proper nouns, are not common words."""
    try:
        import simplemma
    except ImportError:  # no dictionary: trust the other cues
        return False
    try:
        lemma = simplemma.lemmatize(word, lang)
        known = simplemma.is_known(word.lower(), lang) or simplemma.is_known(word, lang)
    except (ValueError, KeyError):  # a language simplemma lacks
        return False
    if not known:
        return False
    return lemma[:1].islower()
