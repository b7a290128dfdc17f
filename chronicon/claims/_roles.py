"""Role nouns as subjects without a parse (es, it, pt, de).

"El rey abdicó", "la poeta murió", "il pontefice morì", "1918 dankte der Kaiser ab":
a definite role noun (monarch, pope, office, rank, clergy, profession) standing where
the subject does means a person named before. This module finds such a noun in the
subject position of a trigger's clause (before the trigger, or right after it where the
subject may follow the verb: German verb-second clauses, Romance intransitives) and
resolves it to the last-mentioned person that fits:

* a monarch or pope noun ("el rey", "il papa", "die Königin"): a numbered name
  ("Alfonso XIII", "Pio XI", "Wilhelm II."), of the noun's gender where known;
* a person introduced earlier with the same noun ("el general Prim ... el general");
* otherwise the person the text is most about, unless the noun's gender rules them out,
  then the last-mentioned person of that gender.

Two candidates that fit equally (named in the same sentence) leave the subject
unresolved: no guess. The words are in ``data/<lang>.yaml`` (``roles``); the en/fr
parse path (``_syntax``) keeps its own title words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ._lexicon import lexicon_data

#: A numbered royal or papal name: "Alfonso XIII", "Pio XI", "Wilhelm II.", "Pedro I".
REGNAL_NAME = re.compile(r"(?<!\w)[IVXL]+\.?(?!\w)")


@dataclass(frozen=True)
class Roles:
    lang: str
    #: article + modifiers + noun, with groups "art" and "noun".
    phrase: re.Pattern
    articles: dict
    #: noun (folded) -> "m", "f" or "" (either: the article tells)
    gender: dict
    regnal: frozenset
    given_endings: dict
    not_given: frozenset
    prepositions: re.Pattern


def _alt(words) -> str:
    words = sorted({re.escape(w) for w in words if w}, key=len, reverse=True)
    return "|".join(words) if words else r"(?!x)x"


@lru_cache(maxsize=None)
def load_roles(lang: str) -> Optional[Roles]:
    r = lexicon_data(lang).get("roles")
    if not r:
        return None
    gender: dict[str, str] = {}
    regnal = set()
    for group, by_gender in (("regnal", r.get("regnal") or {}), ("nouns", r.get("nouns") or {})):
        for g, words in by_gender.items():
            g = "" if g == "c" else g
            for w in words or []:
                k = w.lower()
                if group == "regnal":
                    regnal.add(k)
                gender[k] = g if gender.get(k, g) == g else ""  # in both lists: the article tells
    arts = {str(k).lower(): (v or "") for k, v in (r.get("articles") or {}).items()}
    art_alt = "|".join(
        re.escape(a) + (r"\s*" if a[-1] in "'’" else r"\s+") for a in sorted(arts, key=len, reverse=True)
    )
    mods = _alt(r.get("modifiers") or [])
    phrase = re.compile(
        rf"(?<![\w'’])(?P<art>{art_alt})(?:(?:{mods})\s+){{0,2}}(?P<noun>{_alt(gender)})(?![\w'’-])",
        re.IGNORECASE,
    )
    preps = re.compile(rf"(?<![\w'’])(?:{_alt(r.get('prepositions') or [])})\s*$", re.IGNORECASE)
    return Roles(
        lang=lang,
        phrase=phrase,
        articles=arts,
        gender=gender,
        regnal=frozenset(regnal),
        given_endings={g: tuple(e) for g, e in (r.get("given_endings") or {}).items()},
        not_given=frozenset(w.lower() for w in r.get("not_given") or []),
        prepositions=preps,
    )


@dataclass
class RoleSubject:
    #: The role phrase as written ("el rey", "der Kaiser").
    text: str
    #: The noun, folded ("rey").
    noun: str
    #: "m", "f" or None (not marked).
    gender: Optional[str]
    #: A monarch or pope: a numbered name fits it.
    regnal: bool


def _phrase_gender(roles: Roles, m: re.Match) -> Optional[str]:
    noun = m.group("noun").lower()
    art = re.sub(r"\s+", "", m.group("art")).lower()
    return roles.gender.get(noun) or roles.articles.get(art) or None


def _role_at(roles: Roles, text: str, m: re.Match, ments, caps_nouns: bool) -> bool:
    """A role phrase that is a subject of its own: not after a preposition, not in
    apposition to a name that follows it ("el rey Alfonso XIII": the name is the subject)."""
    if roles.prepositions.search(text[max(0, m.start() - 20) : m.start()]):
        return False
    if any(0 <= p.start - m.end() <= 3 for p in ments if p.kind == "person"):
        return False
    nxt = re.match(r"\s+(\S+)", text[m.end() : m.end() + 40])
    if nxt and not caps_nouns and nxt.group(1)[:1].isupper():
        return False  # "el rey Alfonso": a name the entities stage missed
    if nxt and REGNAL_NAME.fullmatch(nxt.group(1).rstrip(",.;:")):
        return False
    return True


def role_subject(lang: str, text: str, sent_start: int, sent_end: int, clause_start: int, trig_start: int,
                 trig_end: int, ments, subject_may_follow: bool, caps_nouns: bool,
                 pronoun: Optional[re.Pattern] = None) -> Optional[RoleSubject]:
    """The definite role noun standing as the trigger's subject, if any: the last one in
    the clause before the trigger with no person between it and the trigger; or, when
    ``subject_may_follow``, one right after the trigger (a short gap without a name,
    pronoun or clause break: "dankte am 28. November der Kaiser ab")."""
    roles = load_roles(lang)
    if roles is None:
        return None
    persons = [p for p in ments if p.kind == "person"]

    def person_between(a: int) -> bool:
        return any(a <= p.start and p.end <= trig_start for p in persons)

    best = None
    for m in roles.phrase.finditer(text, clause_start, trig_start):
        if not person_between(m.end()) and _role_at(roles, text, m, ments, caps_nouns):
            best = m
    if best is None and clause_start > sent_start:
        # "El rey, que había reinado desde 1902, abdicó": the role noun opens the sentence
        m = roles.phrase.match(text, sent_start)
        if m and not person_between(m.end()) and _role_at(roles, text, m, ments, caps_nouns):
            best = m
    if best is None and subject_may_follow:
        for m in roles.phrase.finditer(text, trig_end, min(sent_end, trig_end + 45)):
            gap = text[trig_end : m.start()]
            if re.search(r"[,;:()]", gap) or any(trig_end <= p.start < m.start() for p in persons):
                break
            if pronoun is not None and pronoun.search(gap):
                break
            if _role_at(roles, text, m, ments, caps_nouns):
                best = m
            break
    if best is None:
        return None
    noun = best.group("noun").lower()
    return RoleSubject(text=best.group(0), noun=noun, gender=_phrase_gender(roles, best), regnal=noun in roles.regnal)


def role_phrase_at(lang: str, s: str) -> bool:
    """``s`` opens with a definite role phrase ("la poeta murió ...")."""
    roles = load_roles(lang)
    return bool(roles and roles.phrase.match(s))


def person_traits(lang: str, text: str, persons) -> tuple[dict, dict]:
    """What the text says of each person (by label): the gender ("la poeta Rosalía de
    Castro", "die Königin Luise", "la Pardo Bazán", else a given name's ending) and the
    role nouns placed right before their name ("el general Prim"). A gender is
    (gender, said): ``said`` when the text marks it, not when only the given name suggests it."""
    roles = load_roles(lang)
    genders: dict[str, str] = {}
    nouns: dict[str, set] = {}
    if roles is None:
        return genders, nouns
    weak: dict[str, str] = {}
    for p in persons:
        key = p.label or p.text
        before = text[max(0, p.start - 60) : p.start]
        g = None
        m = None
        for m in roles.phrase.finditer(before):
            pass
        if m is not None and not before[m.end() :].strip():
            g = _phrase_gender(roles, m)
            nouns.setdefault(key, set()).add(m.group("noun").lower())
        else:
            a = re.search(r"(?<![\w'’])(\w+['’]?)\s*$", before)
            if a and roles.articles.get(a.group(1).lower()):
                g = roles.articles[a.group(1).lower()]  # "la Pardo Bazán"
        if g:
            genders.setdefault(key, (g, True))
            continue
        words = p.text.split()
        if len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in roles.not_given:
            for gg, ends in roles.given_endings.items():
                if words[0].lower().endswith(ends):
                    weak.setdefault(key, gg)
                    break
    for key, g in weak.items():
        genders.setdefault(key, (g, False))
    return genders, nouns


def resolve_role(subj: RoleSubject, topic: Callable, persons_before, exclude, genders: dict, nouns: dict,
                 sentence_of: Callable) -> Optional[str]:
    """The person a role noun means (see the module's docstring); None when two fit equally.
    ``topic(skip)``: the salient person, not one of ``skip``."""
    cands = [m for m in persons_before if (m.label or m.text) not in exclude]

    def gender(m_or_key) -> tuple:
        key = m_or_key if isinstance(m_or_key, str) else (m_or_key.label or m_or_key.text)
        return genders.get(key, (None, False))

    def fits(m) -> bool:
        g, said = gender(m)
        return subj.gender is None or g is None or g == subj.gender or not said

    def last_of(found):
        """(any found, the last one's label, or None when another fits in its sentence)"""
        if not found:
            return False, None
        last = found[-1]
        key = last.label or last.text
        s = sentence_of(last.start)
        rivals = {m.label or m.text for m in found if sentence_of(m.start) == s} - {key}
        return True, (None if rivals else key)

    if subj.regnal:
        ok, who = last_of([m for m in cands if REGNAL_NAME.search(m.label or m.text) and fits(m)])
        if ok:
            return who
    ok, who = last_of([m for m in cands if subj.noun in nouns.get(m.label or m.text, ()) and fits(m)])
    if ok:
        return who
    # an office or profession ("il Duce", "el general") is not held by a person with a regnal number
    t = topic(set() if subj.regnal else {m.label or m.text for m in cands if REGNAL_NAME.search(m.label or m.text)})
    if subj.gender is None or t is None:
        return t
    tg, said = gender(t)
    if tg == subj.gender or (tg is None and subj.gender != "f"):
        return t
    # a feminine noun is marked: a woman named before rather than a person of unknown gender;
    # a topic of the other gender: the last person of the noun's gender
    ok, who = last_of([m for m in cands if gender(m)[0] == subj.gender])
    if ok:
        return who
    if tg is None or not said:
        return t  # only the given name suggested otherwise
    ok, who = last_of([m for m in cands if fits(m)])
    return who
