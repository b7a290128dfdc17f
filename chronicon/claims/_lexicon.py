"""Per-language claim lexicons (``data/<lang>.yaml``), compiled once.

All trigger patterns of a language become one regular expression with a named
group per trigger entry, so finding every trigger in a sentence is one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from ..errors import ClaimError, error


@dataclass
class Trigger:
    type: str
    weak: bool
    by_object: dict[str, str] = field(default_factory=dict)
    agent_gets: Optional[str] = None
    manner: dict[str, re.Pattern] = field(default_factory=dict)
    #: The type when an organisation or a country is the subject ("Venezuela declaró su
    #: independencia": formation), by the subject's kind: organization, country.
    by_subject: dict[str, str] = field(default_factory=dict)
    #: A state that ended ("the Julian calendar, in force in Russia until 1918"): only an
    #: "until X" date dates it, at X, and its subject is the place it held in.
    until: bool = False


@dataclass
class Lexicon:
    lang: str
    triggers: re.Pattern
    groups: dict[str, Trigger]
    passive: re.Pattern
    negation: re.Pattern
    #: Negations that follow the verb in its clause ("nahm 1922 nicht teil").
    negation_after: re.Pattern
    modality: re.Pattern
    report: re.Pattern
    pronoun_subject: re.Pattern
    pronoun_object: re.Pattern
    pronoun_possessive: re.Pattern
    coordination: re.Pattern
    including: re.Pattern
    agent: re.Pattern
    clause: re.Pattern
    facets: dict[str, re.Pattern]
    from_words: re.Pattern
    to_words: re.Pattern
    oblique_before: re.Pattern
    anniversary: re.Pattern
    capitalised_nouns: bool
    #: The verb closes its clause ("wurde 1933 verhaftet"): a trigger after the date is no farther.
    verb_final: bool
    #: A date next to a report verb dates the report, not the event; a verb after "and"
    #: past the date has its own date (set per language while these rules are checked there).
    report_dates: bool
    office: re.Pattern
    genitive_end: re.Pattern
    topic_marker_end: re.Pattern
    function_words: frozenset
    where: re.Pattern
    #: A planned, rumoured or hypothetical event (``modality``) gives no claim at all, rather
    #: than one with a low confidence (set per language: ``modality_drops: true``).
    modality_drops: bool = False
    #: "during" words: a verb before "durante el motín de 1808" takes the event's date.
    during: Optional[re.Pattern] = None
    #: Hearsay that covers the rest of its sentence ("según la leyenda", "se dice que"): no claim.
    rumour: Optional[re.Pattern] = None
    #: Endings of a past participle: "fue destituido en 1924 y desterrado" shares the auxiliary and the date.
    participle: Optional[re.Pattern] = None
    #: Verb lemmas per trigger group (``verbs`` of a trigger entry): every inflection,
    #: clitic and compound tense of the verb is found through ``simplemma`` (see
    #: :func:`verb_triggers`). The flag says the verb is pronominal ("si dimise",
    #: "demitiu-se") and counts only with its reflexive pronoun.
    verbs: dict = field(default_factory=dict)
    #: The reflexive pronoun right before a pronominal verb ("si è dimesso", "se demitiu").
    reflexive_before: Optional[re.Pattern] = None
    #: Enclitic reflexive endings ("dimessosi", "demitiu-se").
    reflexive_suffix: Optional[re.Pattern] = None
    #: Word forms that are never the verb whatever the lemma says ("parte" is "part").
    not_verbs: frozenset = frozenset()
    #: Legend and hearsay ("secondo la leggenda", "conta-se que"): with a modal word, no claim.
    legend: Optional[re.Pattern] = None
    #: Verbs that give something to someone ("conferito a X"): X, after a dative word, is the subject.
    dative: Optional[re.Pattern] = None
    dative_before: Optional[re.Pattern] = None
    #: A relative clause closed by a comma right before the verb: ", che ... , morì" (``relative``).
    relative: Optional[re.Pattern] = None
    #: Causative verbs ("fit inhumer X", "hizo fusilar a X", "had him buried", "ließ ihn
    #: hinrichten"): the one acted on is the person after the infinitive (Romance) or
    #: between the causative and the participle or infinitive (en, de); None when unlisted.
    causative: Optional[re.Pattern] = None
    causative_between: bool = False
    #: A pronoun for an event just named ("called it welcome news"); None when unlisted.
    event_pronoun: Optional[re.Pattern] = None
    #: A work noun (with its determiner) ending right before a name: the name is a title.
    work_before: Optional[re.Pattern] = None
    #: A sentence that opens on a person's death named by a possessive and a noun ("Sa fin
    #: est restée célèbre.", "His death remains a mystery."), from ``death_topic``.
    death_topic: Optional[re.Pattern] = None


#: Words that open a complement clause ("that", "que", "dass"): what follows is a clause,
#: whose subject no preposition before them governs.
COMPLEMENTISERS = ("que", "that", "che", "dass", "qui")


def _alt(words: list[str]) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(words) if words else r"(?!x)x"


def _words(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", re.IGNORECASE)


def available_langs() -> list[str]:
    root = resources.files("chronicon.claims").joinpath("data")
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml") and not p.name.startswith("_"))


@lru_cache(maxsize=None)
def lexicon_data(lang: str) -> dict:
    """The parsed ``data/<lang>.yaml`` (read once; ``{}`` when the language has none).

    Every reader of a language file (the lexicon below, the parse's title and anchor
    words, role nouns) takes its section from here. A malformed file raises
    ``yaml.YAMLError``."""
    path = resources.files("chronicon.claims").joinpath(f"data/{lang}.yaml")
    try:
        text = path.read_text("utf-8")
    except OSError:
        return {}
    return yaml.safe_load(text) or {}


def _trigger(t: dict, weak: bool, manner: dict) -> Trigger:
    """The group of one ``triggers`` entry (its patterns, weak patterns or verbs)."""
    return Trigger(t["type"], weak, t.get("by_object") or {}, t.get("agent_gets"), manner,
                   t.get("by_subject") or {}, bool(t.get("until")))


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    path = resources.files("chronicon.claims").joinpath(f"data/{lang}.yaml")
    if not path.is_file():
        raise error(ClaimError, "E201", f"chronicon/claims/data/{lang}.yaml", lang=lang)
    try:
        d = lexicon_data(lang)
        parts = []
        groups: dict[str, Trigger] = {}
        verbs: dict[str, tuple[str, bool]] = {}
        for i, t in enumerate(d["triggers"]):
            manner = {k: _words(v) for k, v in (t.get("manner") or {}).items()}
            for weak, key in ((False, "patterns"), (True, "weak")):
                pats = t.get(key) or []
                if not pats:
                    continue
                name = f"t{i}{'w' if weak else 's'}"
                groups[name] = _trigger(t, weak, manner)
                parts.append(f"(?P<{name}>{_alt(pats)})")
            for key, reflexive in (("verbs", False), ("reflexive_verbs", True)):
                for lemma in t.get(key) or []:
                    name = f"t{i}v"
                    groups.setdefault(name, _trigger(t, False, manner))
                    verbs.setdefault(lemma.lower(), (name, reflexive))  # a plain verb wins over its pronominal twin
        trig = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
        facets = {k: _words(v) for k, v in (d.get("facets") or {}).items()}
        return Lexicon(
            lang=lang,
            triggers=trig,
            groups=groups,
            passive=_words(d.get("passive", [])),
            negation=_words(d.get("negation", [])),
            negation_after=_words(d.get("negation_after", [])),
            modality=_words(d.get("modality", [])),
            report=_words(d.get("report", [])),
            pronoun_subject=_words(d.get("pronouns_subject", [])),
            pronoun_object=_words(d.get("pronouns_object", [])),
            pronoun_possessive=_words(d.get("pronouns_possessive", [])),
            coordination=_words(d.get("coordination", [])),
            including=_words(d.get("including", [])),
            agent=_words(d.get("agent", [])),
            clause=_words(d.get("clause", [])),
            facets=facets,
            from_words=_words(d.get("from_words", ["from", "of", "out of"])),
            to_words=_words(d.get("to_words", ["to", "into", "for", "in", "at"])),
            where=_words(d.get("where", [])),
            work_before=re.compile(
                rf"(?<!\w)(?:{_alt(d.get('work_determiners') or (d.get('pronouns_possessive', []) + (d.get('quantities') or {}).get('determiners', [])))})\s+"
                rf"(?:\w+\s+)?(?:{_alt(d['work_nouns'])})\s*[«\"“*_‘']?\s*(?-i:(?:[A-ZÀ-ÝÄÖÜ][\w'’-]*\s+){{0,2}})$", re.IGNORECASE,
            ) if d.get("work_nouns") else None,
            event_pronoun=_words(d["event_pronouns"]) if d.get("event_pronouns") else None,
            death_topic=re.compile(
                rf"\W*(?:[^\W\d_]{{1,3}}\s+)?(?:{_alt(d.get('pronouns_possessive', []))})\s+(?:[^\W\d_]+\s+)?"
                rf"(?:{_alt(d['death_topic'])})(?!\w)", re.IGNORECASE,
            ) if d.get("death_topic") else None,
            causative=_words(d["causative"]) if d.get("causative") else None,
            causative_between=d.get("causative_patient") == "between",
            participle=re.compile(rf"^\w+(?:{_alt(d['participle_endings'])})$", re.IGNORECASE) if d.get("participle_endings") else None,
            verbs=verbs,
            reflexive_before=re.compile(rf"(?<!\w)(?:{_alt(d['reflexive']['before'])})\s+$", re.IGNORECASE) if d.get("reflexive") else None,
            reflexive_suffix=re.compile(rf"(?:{_alt(d['reflexive']['suffix'])})$", re.IGNORECASE) if d.get("reflexive") else None,
            not_verbs=frozenset(w.lower() for w in d.get("not_verbs", [])),
            legend=_words(d["legend"]) if d.get("legend") else None,
            relative=re.compile(rf",\s*(?:{_alt(d['relative'])})\s[^,;:()]*,\s*(?:[^\W\d_]+\s+){{0,2}}$", re.IGNORECASE) if d.get("relative") else None,
            dative=re.compile(rf"^(?:{_alt(d['dative'])})(?!\w)", re.IGNORECASE) if d.get("dative") else None,
            dative_before=re.compile(rf"(?<!\w)(?:{_alt(d.get('dative_words', []))})\s+$", re.IGNORECASE) if d.get("dative") else None,
            capitalised_nouns=bool(d.get("capitalised_nouns", False)),
            verb_final=bool(d.get("verb_final", False)),
            report_dates=bool(d.get("report_dates", False)),
            modality_drops=bool(d.get("modality_drops", False)),
            during=_words(d["during"]) if d.get("during") else None,
            rumour=_words(d["rumour"]) if d.get("rumour") else None,
            topic_marker_end=re.compile(rf"(?<!\w)(?:{_alt(d.get('topic_markers', []))})\s*$", re.IGNORECASE),
            function_words=frozenset(
                w.lower()
                for key in ("clause", "oblique", "from_words", "to_words", "coordination", "agent", "genitive")
                for w in d.get(key, [])
                if re.fullmatch(r"[^\W\d_]+", w)
            )
            | set(COMPLEMENTISERS),
            genitive_end=re.compile(rf"^[^,;:()]{{0,40}}(?<!\w)(?:{_alt(d.get('genitive', []))})\s*$", re.IGNORECASE),
            # A capitalised title: capitalised words joined by the language's small words.
            office=re.compile(
                rf"(?:[^\W\d_][\w’'-]*\s+)?[A-ZÀ-Ý][\w’'-]*(?:\s*(?:(?:{_alt(d.get('office_connectors', []))})\s+)*[A-ZÀ-Ý][\w’'-]*)*"
            ),
            anniversary=re.compile(rf"(?<!\w)(?:{_alt(d.get('anniversary', []))})(?!\w)[^.;]{{0,30}}$", re.IGNORECASE),
            oblique_before=re.compile(
                rf"(?<!\w)(?:{_alt(d.get('agent', []) + d.get('oblique', []) + d.get('from_words', []) + d.get('to_words', []))})\s+(?:(?:[^\W\d]\.|[^\W\d]+)\s+){{0,2}}$",
                re.IGNORECASE,
            ),
        )
    except (KeyError, TypeError, re.error, yaml.YAMLError) as e:
        raise error(ClaimError, "E202", f"chronicon/claims/data/{lang}.yaml", detail=str(e)) from None


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _lemmas(word: str, lang: str, participle: Optional[re.Pattern]) -> list[str]:
    """The lemmas a word form may have: simplemma's, the form itself (irregular
    participles listed as such: "eleito", "morto"), and the masculine singular of a
    participle ("nominata" -> "nominato" -> "nominare")."""
    from ..entities._persons import simplemma_lemma

    w = word.lower()
    out = [w, simplemma_lemma(w, lang)]
    if participle is not None and participle.match(w):
        for end, repl in (("e", "o"), ("i", "o"), ("a", "o"), ("as", "o"), ("os", "o")):
            if w.endswith(end):
                m = w[: -len(end)] + repl
                out += [m, simplemma_lemma(m, lang)]
                break
    return out


def verb_triggers(lex: Lexicon, text: str, a: int, b: int, taken: list[tuple[int, int]]):
    """(start, end, group) of each verb of the lexicon's ``verbs`` lists in ``text[a:b]``,
    found by lemma, outside the spans already ``taken`` by pattern triggers."""
    if not lex.verbs:
        return []
    out = []
    for m in _WORD.finditer(text, a, b):
        s, e = m.start(), m.end()
        if any(ts < e and s < te for ts, te in taken):
            continue
        word = m.group(0)
        if word.lower() in lex.not_verbs:
            continue
        parts = word.split("-")
        head, clitics = parts[0], [p.lower() for p in parts[1:]]
        found = None
        for lemma in _lemmas(head, lex.lang, lex.participle):
            if lemma in lex.verbs:
                found = lex.verbs[lemma]
                break
        if found is None:
            continue
        name, reflexive = found
        if reflexive:
            before = text[max(a, s - 25) : s]
            if not (
                (lex.reflexive_before is not None and lex.reflexive_before.search(before))
                or (lex.reflexive_suffix is not None and lex.reflexive_suffix.search(word.lower()) and len(word) > 6)
                or "se" in clitics
            ):
                continue
        out.append((s, e, name))
    return out
