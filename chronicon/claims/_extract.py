"""From dates, mentions and trigger words to typed claims, one sentence at a time.

For every resolved date in a sentence, the nearest trigger of the same clause
gives the event type; the subject is the person (or coordinated persons) before
the trigger in that clause, a person named after "including"/"by", the patient
of an active verb ("X attacked him"), or, when the text names nobody (a pronoun,
a Spanish null subject), the most salient person of the text so far. Objects
and places are the mentions of the right kind nearest the date after the
trigger. Negated events are dropped; planned, rumoured and reported ones are
kept with lower confidence or marked ``reported``.

The rules read the language data in ``data/<lang>.yaml`` and nothing here is
specific to one language or one text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace as _dc_replace
from functools import lru_cache
from typing import Optional

from .._edtf import parse_range
from ..entities._normalize import name_key
from ..entities._words import FUNCTION_WORDS
from ..model import Claim, Mention, Source, TimeExpression
from ._lexicon import COMPLEMENTISERS, Lexicon, Trigger, available_langs, lexicon_data, load_lexicon, verb_triggers
from ._quantities import extract_quantities
from . import _roles, _rulers, _syntax

#: Types whose main participant is the one the action is done to.
PATIENT_TYPES = frozenset(
    {
        "death",
        "attack", "arrest", "imprisonment", "execution", "internal_exile", "deportation",
        "expulsion_from_organization", "dismissal", "sentence", "rehabilitation", "trial",
        "award", "appointment",
    }
)
#: Types whose subject is usually not a person.
THING_TYPES = frozenset({"formation", "dissolution", "rename", "period", "meeting", "revolution", "calendar_reform"})
#: Types done by a group or a person: the nearest organisation or person before the trigger.
GROUP_TYPES = frozenset({"demonstration"})
#: Organisations and countries as subjects (chronicon/entities/_orgs.py finds the names):
#: types a body or a state does ("España declaró la guerra": decision; "Spain joined the
#: UN": membership), and, in the passive only, types done to one ("la Compañía de Jesús
#: fue expulsada"). THING_TYPES and GROUP_TYPES take them too.
ORG_SUBJECT_TYPES = frozenset(
    {"decision", "alliance", "capitulation", "membership", "asylum_granted", "dismissal", "deportation",
     "expulsion_from_organization", "award", "arrival", "departure", "calendar_reform"}
)
#: A person's event said of a body or a state: "el Partido Comunista nació en 1921",
#: "la República fue proclamada" (a trigger's own ``by_subject`` comes first).
ORG_RETYPE = {"birth": "formation", "death": "dissolution", "appointment": "formation", "abdication": "dissolution"}
#: Object kinds that a type takes as its object.
OBJECT_KINDS = {
    "expulsion_from_organization": ("organization",),
    "membership": ("organization",),
    "position_held": ("organization", "other"),
    "appointment": ("organization", "other"),
    "dismissal": ("organization", "other"),
    "publication": ("work",),
    "award": ("other", "work"),
    "alliance": ("organization", "person"),
    "speech": ("other",),
    "marriage": ("person",),
    "attack": ("person",),
    "deportation": ("place",),
    "rename": ("place", "other"),
}
#: Types whose object may be an office that is no entity ("People's Commissar for Food Supply").
OFFICE_TYPES = frozenset({"position_held", "appointment", "dismissal"})
#: Types where the place after the trigger is the destination or location.
PLACE_TYPES = frozenset(
    {
        "internal_exile", "deportation", "residence", "arrival", "departure", "birth", "death",
        "execution", "imprisonment", "arrest", "attack", "formation", "meeting", "demonstration",
        "speech", "asylum_granted", "return_from_exile", "trial", "escape_attempt", "position_held",
    }
)

#: A "Label: value" line of an infobox or a data sheet ("Born: 23 March 1887, ...")
_FIELD = re.compile(
    r"[^\W\d][\w ]{0,30}:\s"
    # a life-date line ("* 14. März 1879 in Ulm", "† 1955") or a chronology line ("1871: ...", "1769 – ...")
    r"|[*†✝✞]\s*\d|\d{3,4}\s*(?::|\s[–—-])\s"
)
_MAX_DIST = 260  # characters between a date and its trigger
_CLAUSE_PENALTY = 120
_PUNCT_CLAUSE = re.compile(r";|:|\s[—–-]\s")
#: Between a date and a trigger after it: the trigger belongs to the next item or clause.
_AFTER_BREAK = re.compile(r"[,;:]|\)\s*,")
_MONTHISH = re.compile(r"^\W*$")


@dataclass
class _Trig:
    start: int
    end: int
    text: str
    info: Trigger
    #: A capital inside a sentence marks a title word (not in German, where nouns have one).
    caps_title: bool = True


def _office(lex: Lexicon, text: str, trig: _Trig, sent, ments: list[Mention]) -> Optional[str]:
    """The capitalised title a trigger sits in or introduces: "replaced as People's
    Commissar for Military and Naval Affairs", "was briefly People's Commissar for
    Food Supply". None when there is no capitalised phrase there."""
    # resolved names are not offices; an unresolved capitalised run may well be one
    names = [(m.start, m.end) for m in ments if m.kind in ("person", "place") and m.entity_id]
    for m in lex.office.finditer(text, max(sent.start, trig.start - 40), min(sent.end, trig.end + 80)):
        a, b = m.start(), m.end()
        if b <= trig.start - 2 or a > trig.end + 12:
            continue
        phrase = m.group(0).strip()
        first = phrase.split()[0]
        if first[:1].islower():  # "as People's Commissar": drop the leading small word
            phrase = phrase[len(first):].strip()
            a = m.start() + m.group(0).index(phrase)
        # a name that opens the phrase makes it that name, not an office; one inside
        # it ("Comisario del Pueblo de Salud") is part of the title
        if any(s <= a < e for s, e in names):
            continue
        if len(phrase.split()) >= 2:
            return phrase
    return None


def _named_thing(lex: Lexicon, text: str, trig: _Trig, cstart: int, send: int, ments: list[Mention], ctype: str = "") -> Optional[str]:
    """A capitalised name of two words or more ("Partito Nazionale Fascista", "Deutsche Bund")
    in the trigger's clause before it (or, in a verb-second language, right after it) that is
    no person: the body or thing a formation, dissolution, meeting... is about."""
    prev = text[max(cstart, trig.start - 20) : trig.start].split()
    if trig.text[:1].isupper() and len(trig.text) >= 8 and ctype in ("revolution", "meeting") \
            and trig.text.lower() not in lex.function_words:
        # "die Novemberrevolution von 1918", "der Volksaufstand": the named event is its own subject
        m = re.search(r"(?:[A-ZÄÖÜÀ-Ý][\w-]*\s+)?$", text[max(cstart, trig.start - 30) : trig.start])
        adj = m.group(0) if len(m.group(0).strip()) > 3 and m.group(0).strip().lower() not in lex.function_words else ""
        if lex.oblique_before.search(text, cstart, trig.start - len(adj)):
            return None  # "auf dem Wiener Kongress": a setting, not what the clause is about
        return (adj + trig.text).strip()
    if trig.text[:1].isupper() or (prev and prev[-1].lower().strip("'’") in lex.function_words):
        return None  # a noun ("Kongress", "la fondazione"): its own name or genitive says what
    persons = [(m.start, m.end) for m in ments if m.kind == "person"]
    after = trig.end  # verb second: the subject right after the verb, or after a phrase with a preposition
    for m in lex.office.finditer(text, cstart, min(send, trig.end + 60) if lex.verb_final else trig.start):
        a, b = m.start(), m.end()
        if lex.verb_final and b > trig.end and a > after + 5:
            continue
        if (a < trig.end and b > trig.start) or any(s < b and a < e for s, e in persons):
            continue
        near = a > trig.end and lex.verb_final  # after the verb: only a preposition right before it governs it
        if lex.oblique_before.search(text[max(cstart, a - 14) : a] if near else text[cstart:a]):
            if b > trig.end and "," not in text[trig.end : b]:
                after = b  # "ging aus dem Norddeutschen Bund das Deutsche Kaiserreich hervor"
            continue  # "auf dem Wiener Kongress": not the subject
        words = m.group(0).split()
        while words and (words[0][:1].islower() or words[0].lower() in lex.function_words or len(words[0]) <= 3):
            words = words[1:]
        while words and words[-1][:1].islower():
            words = words[:-1]
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) < 2 or any(c.isdigit() for w in words for c in w):
            continue
        if lex.capitalised_nouns and not any(x[:1].isupper() and y[:1].isupper() for x, y in zip(words, words[1:])):
            continue  # German capitalises every noun: a name has two capitalised words in a row
        return " ".join(words)  # the first one: the subject opens the clause
    return None


def _registry_id(label: str) -> Optional[str]:
    """The registry id of a person's canonical label (a ruler named by a title)."""
    from ..entities import default_registry

    ent = default_registry().resolve(label, kind="person")
    return ent.id if ent is not None and ent.label == label else None


def _is_country(m: Mention) -> bool:
    """'exiled from the USSR' is a deportation; 'exiled, far from Moscow' is not."""
    if not m.entity_id:
        return False
    from ..entities import default_registry

    ent = default_registry().get(m.entity_id)
    return bool(ent is not None and (ent.ids or {}).get("iso"))


def _find_triggers(lex: Lexicon, text: str, base: int, a: int, b: int) -> list[_Trig]:
    out = []
    for m in lex.triggers.finditer(text, a - base, b - base):
        info = lex.groups[m.lastgroup]
        out.append(_Trig(base + m.start(), base + m.end(), m.group(0), info, not lex.capitalised_nouns))
    # verbs given by lemma: every tense, clitic and pronominal form ("nominandolo", "demitiu-se")
    taken = [(t.start - base, t.end - base) for t in out]
    for s, e, name in verb_triggers(lex, text, a - base, b - base, taken):
        out.append(_Trig(base + s, base + e, text[s:e], lex.groups[name], not lex.capitalised_nouns))
    return out


def _lexicon_for(lang: str) -> Optional[Lexicon]:
    if lang in _LANGS:
        return load_lexicon(lang)
    return None


_LANGS = set(available_langs())


class _Salience:
    """Who the text is about at this point: recent and frequent persons weigh most."""

    def __init__(self, doc_counts: dict[str, int], in_headings: Optional[dict[str, float]] = None):
        self.score: dict[str, float] = defaultdict(float)
        total = sum(doc_counts.values()) or 1
        in_headings = in_headings or {}
        # The person a text is about is named most, and in its title or headings.
        self.prior = {k: 3.0 * v / total + in_headings.get(k, 0.0) for k, v in doc_counts.items()}
        self.last_text: dict[str, str] = {}
        self.ids: dict[str, Optional[str]] = {}
        #: Person mentions in the order seen (titles such as "the king" look back through them).
        self.seen: list[Mention] = []
        #: What the text says of each person: gender, role nouns before the name (``_roles``).
        self.genders: dict[str, Optional[str]] = {}
        self.role_nouns: dict[str, set] = {}
        #: A topic the text has just set ("Quant à Youssoupov, il ..."): a pronoun opening
        #: the next sentences continues it, until another person is named. None otherwise.
        self.prev_subject: Optional[str] = None

    def decay(self) -> None:
        for k in list(self.score):
            self.score[k] *= 0.5

    def see(self, m: Mention, weight: float = 1.0) -> None:
        key = m.label or m.text
        self.score[key] += weight
        self.last_text[key] = m.text
        self.seen.append(m)
        if m.entity_id:
            self.ids[key] = m.entity_id

    def topic(
        self,
        here: Optional[list[Mention]] = None,
        exclude: frozenset | set = frozenset(),
        lead: Optional[Mention] = None,
    ) -> Optional[str]:
        """The person a pronoun or a missing subject most likely means.

        ``here``: persons named earlier in the same sentence; ``lead``, the one of
        them that stands as a subject (default: the first), weighs most."""
        bonus: dict[str, float] = defaultdict(float)
        here = here or []
        lead = lead if lead is not None else (here[0] if here else None)
        for m in here:
            bonus[m.label or m.text] += 2.5 if m is lead else 0.5
        keys = (set(self.score) | set(self.prior) | set(bonus)) - set(exclude)
        if not keys:
            return None
        return max(keys, key=lambda k: (self.score.get(k, 0.0) + self.prior.get(k, 0.0) + bonus.get(k, 0.0), k))


def _acted_on(lex: Lexicon, text: str, ments: list[Mention], trig, end: int) -> set[str]:
    """Persons a pronoun or role subject cannot mean: the verb's agent or object, named
    in its clause right after it or after a preposition ("he was replaced ... by Frunze")."""
    return {
        m.label or m.text
        for m in ments
        if m.kind == "person" and trig.end <= m.start < end
        and (m.start - trig.end <= 3 or _oblique(lex, text, m))
        and _clause_breaks(lex, text, 0, trig.end, m.start) == 0
    }


@dataclass
class _Causee:
    """The one a causative verb has acted on ("L'impératrice fait inhumer le starets")."""

    mentions: list
    #: A pronoun or a role noun standing for a person named before ("him", "le starets").
    text: str = ""
    #: A role or title noun (not a pronoun): a person with a regnal number does not fit it
    #: unless the noun is a ruler's.
    role: bool = False
    regnal: bool = False
    #: Persons who had it done (the causer): never the one acted on.
    causers: tuple = ()


def _role_noun(lang: str, word: str) -> Optional[tuple[bool, bool]]:
    """(is a role or title noun, is a ruler's) for ``word`` in the language's lists."""
    w = word.lower()
    titles = _syntax._titles(lang)
    roles = _roles.load_roles(lang)
    if w in titles:
        return True, w in _syntax._regnal_titles(lang)
    if roles is not None and w in roles.gender:
        return True, w in roles.regnal
    return None


def _genitive_role(lex: Lexicon, text: str, trig: _Trig) -> Optional[tuple[str, bool]]:
    """A role or title noun right after a noun trigger and its genitive ("la vida del
    *stárets*", "la mort du roi", "the murder of the starets"): (its words, a ruler's)."""
    pat = _genitive_role_re(lex.lang)
    m = pat.match(text[trig.end : trig.end + 50]) if pat is not None else None
    if m is None:
        return None
    rn = _role_noun(lex.lang, m.group(1))
    return (m.group(1), rn[1]) if rn else None


@lru_cache(maxsize=None)
def _genitive_role_re(lang: str) -> Optional[re.Pattern]:
    """A genitive word of the language, an article, and the word after them (built once
    per language); None when the lexicon lists no genitive words."""
    gens = [w for w in lexicon_data(lang).get("genitive", []) if isinstance(w, str)]
    if not gens:
        return None
    return re.compile(r"\s+(?:" + "|".join(re.escape(g) for g in gens) + r")(?:\s+|(?<=['’]))"
                      r"(?:(?:the|le|la|les|l['’]|el|il|lo|o|a|der|des|dem)\s*)?[*_«\"“‘]*\s*([^\W\d_][\w-]*)", re.IGNORECASE)


def _causative(lex: Lexicon, text: str, trig: _Trig, cstart: int, ments: list[Mention]) -> Optional[_Causee]:
    """The person a causative construction acts on, or None when the trigger is not
    governed by one. Romance: the causative stands right before the infinitive and the
    one acted on follows it or is a clitic before the causative ("le fit exécuter",
    "mandó enterrarlo"); English and German: between them ("had him buried", "ließ den
    Herzog hinrichten")."""
    if lex.causative is None:
        return None
    persons = [m for m in ments if m.kind == "person"]
    if lex.causative_between:
        cm = None
        for m in lex.causative.finditer(text, max(cstart, trig.start - 70), trig.start):
            cm = m
        if cm is None:
            return None
        gap = text[cm.end() : trig.start]
        words = re.findall(r"[^\W\d_][\w'’-]*", gap)
        if not gap.strip() or not words or lex.passive.search(gap) or re.search(r"[,;:()]", gap):
            return None  # "had killed", "had been buried", "had, in 1917, ...": no causative
        causers = tuple(m.label or m.text for m in persons if cstart <= m.start and m.end <= cm.start())
        inside = [m for m in persons if cm.end() <= m.start and m.end <= trig.start]
        if inside:
            return _Causee(inside[:1], causers=causers)
        if lex.pronoun_object.fullmatch(words[0]):
            return _Causee([], words[0], causers=causers)
        for w in words[:4]:
            rn = _role_noun(lex.lang, w)
            if rn:
                return _Causee([], " ".join(words[: words.index(w) + 1]), True, rn[1], causers)
        return None
    before = text[max(cstart, trig.start - 30) : trig.start]
    cm = re.search(r"(?:^|\s)(" + lex.causative.pattern + r")\s+$", before, re.IGNORECASE)
    if cm is not None:
        cpos = trig.start - len(before) + cm.start(1)
    elif re.match(r"(?:" + lex.causative.pattern + r")\s", trig.text, re.IGNORECASE):
        cpos = trig.start  # the trigger holds its causative ("mandó fusilar")
    else:
        return None
    causers = tuple(m.label or m.text for m in persons if cstart <= m.start and m.end <= cpos)
    # a clitic before the causative, or one the infinitive carries ("enterrarlo")
    clitic = re.search(r"(?:^|\s)(" + lex.pronoun_object.pattern + r")\s*$", text[max(cstart, cpos - 8) : cpos], re.IGNORECASE)
    enclitic = re.search(r"(?:lo|la|los|las|le|les|li|gli|o|a|os|as)$", trig.text, re.IGNORECASE) \
        if re.search(r"(?:ar|er|ir|ír)(?:lo|la|los|las|le|les|li|gli)$|(?:ar|er|ir)-(?:o|a|os|as)$", trig.text, re.IGNORECASE) else None
    after = re.match(r"[\s«»\"“”‘’]*(?:(?:a|al|à|au|aux|ao|aos|à|às)\s+)?", text[trig.end : trig.end + 30])
    direct = [m for m in persons if trig.end <= m.start <= trig.end + after.end() + 12
              and re.fullmatch(r"[\s«»\"“”‘’]*(?:\w+['’]?\s*){0,2}", text[trig.end : m.start])]
    if direct:
        return _Causee(direct[:1], causers=causers)
    if clitic or enclitic:
        return _Causee([], (clitic.group(1) if clitic else enclitic.group(0)), causers=causers)
    words = re.findall(r"[^\W\d_][\w-]*", text[trig.end : trig.end + 40])
    for i, w in enumerate(words[:4]):
        rn = _role_noun(lex.lang, w)
        if rn:
            return _Causee([], " ".join(words[: i + 1]), True, rn[1], causers)
        if w[:1].isupper():
            # a name the entities stage did not know ("mandou enforcar Tiradentes")
            nm = re.match(r"[\s«»\"“”‘’]*(?:(?:a|al|à|ao)\s+)?([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*)", text[trig.end : trig.end + 60])
            if nm and not any(m.start <= trig.end + nm.start(1) < m.end for m in ments):
                a = trig.end + nm.start(1)
                return _Causee([Mention(start=a, end=a + len(nm.group(1)), text=nm.group(1), kind="person",
                                        label=nm.group(1), how="rule")], causers=causers)
            break
    return None


def _subject_position(lex: Lexicon, text: str, m: Mention) -> bool:
    """A name followed by a content word ("Trotsky persuaded") stands where a subject does;
    one followed by a small word ("Lenin that", "Iudenich (which") does not."""
    nxt = re.match(r"\s+([^\W\d_]+)", text[m.end : m.end + 30])
    return bool(nxt and nxt.group(1)[:1].islower() and nxt.group(1).lower() not in lex.function_words)


def _topic_with_id(sal: "_Salience") -> Optional[tuple[str, Optional[str]]]:
    t = sal.topic()
    return (t, sal.ids.get(t)) if t else None


def _sentence_persons(ments: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in ments if m.kind == "person" and start <= m.start and m.end <= end]


def _between(text: str, base: int, a: int, b: int) -> str:
    return text[a - base : b - base] if a < b else ""


def _clause_breaks(lex: Lexicon, text: str, base: int, a: int, b: int) -> int:
    seg = _between(text, base, a, b)
    # ", and the 21st ..." / ", y el 21 de ...": a comma before a conjunction opens a new clause
    joined = len(re.findall(r",\s+(?:" + lex.coordination.pattern + r")\s", seg, re.IGNORECASE))
    return len(_PUNCT_CLAUSE.findall(seg)) + len(lex.clause.findall(seg)) + joined


def _only_joiners(lex: Lexicon, s: str) -> bool:
    """True when ``s`` only joins two names: 'and', ',', 'y', '/' ..."""
    rest = lex.coordination.sub(" ", s)
    return not re.sub(r"[\s,/&]+", "", rest)


def extract_claims(
    source: Source,
    timexes: list[TimeExpression],
    mentions: list[Mention],
) -> list[Claim]:
    """Claims of one source. ``timexes`` and ``mentions`` are the time and entities
    stages' output for the same source (absolute offsets)."""
    text = source.text
    src_lex = _lexicon_for(source.lang)
    if src_lex is not None and src_lex.capitalised_nouns:
        mentions = _genitive_labels(text, mentions)
    persons = [m for m in mentions if m.kind == "person"]
    doc_counts: dict[str, int] = defaultdict(int)
    for m in persons:
        doc_counts[m.label or m.text] += 1
    in_headings: dict[str, float] = {}
    first_heading = next((i for i, s in enumerate(source.sentences) if s.heading), None)
    for m in persons:
        i = source.sentence_at(m.start)
        if i is not None and source.sentences[i].heading:
            # the title (the first heading, before any prose) names what the text is about
            weight = 3.0 if i == first_heading and i <= 1 else 1.0
            in_headings[m.label or m.text] = max(in_headings.get(m.label or m.text, 0.0), weight)
    sal = _Salience(doc_counts, in_headings)
    sal.genders, sal.role_nouns = _roles.person_traits(source.lang, text, persons)
    for m in persons:
        if m.entity_id:
            sal.ids.setdefault(m.label or m.text, m.entity_id)
    by_sent_t: dict[int, list[TimeExpression]] = defaultdict(list)
    by_sent_m: dict[int, list[Mention]] = defaultdict(list)
    for t in timexes:
        i = source.sentence_at(t.start)
        if i is not None:
            by_sent_t[i].append(t)
    for m in mentions:
        i = source.sentence_at(m.start)
        if i is not None:
            by_sent_m[i].append(m)
    claims: list[Claim] = []
    qmemory: dict = {}
    n = 0
    death_topic = None  # the sentence before named a death it did not date (_narrated_death)
    for si, sent in enumerate(source.sentences):
        sal.decay()
        ments = by_sent_m.get(si, [])
        # names the parse shows as subjects but NER missed ("Napoleon escaped")
        ments = sorted(_syntax.with_subject_names(sent, sent.lang or source.lang, ments), key=lambda m: m.start)
        dates = _own_dates(text, [t for t in by_sent_t.get(si, []) if t.edtf and t.type == "DATE"])
        found: list[Claim] = []
        if dates and (not sent.heading or _FIELD.match(text, sent.start)):
            found.extend(_sentence_claims(source, sent, dates, ments, sal))
        lex = _lexicon_for(sent.lang) or _lexicon_for(source.lang)
        if death_topic is not None:
            found.extend(_narrated_death(source, sent, dates, ments, found, lex, *death_topic))
        death_topic = None
        if not dates and not found and not sent.heading and lex is not None and lex.death_topic is not None:
            m = lex.death_topic.match(text, sent.start, sent.end)
            topic = _topic_with_id(sal) if m else None
            if topic is not None:
                death_topic = (sent, m, topic)
        if not sent.heading:
            found.extend(
                extract_quantities(source, sent, ments, by_sent_t.get(si, []), lambda: _topic_with_id(sal), qmemory)
            )
        for c in found:
            n += 1
            c.id = f"{source.id}#c{n:03d}"
            claims.append(c)
        # Who the text is about: a name in subject position weighs most, one after a
        # preposition ("opposition to Stalin") little.
        first = True
        subject_here: Optional[str] = None
        for m in (p for p in ments if p.kind == "person"):
            if lex is not None and lex.topic_marker_end.search(text[max(sent.start, m.start - 30) : m.start]):
                sal.see(m, 8.0)  # "Quant à Youssoupov, il ...": what follows is about him
                subject_here = m.label or m.text
            elif lex is not None and _oblique(lex, text, m):
                sal.see(m, 0.3)
            else:
                sal.see(m, 2.0 if first else 1.0)
                first = False
        # Only a topic set on purpose ("Quant à Youssoupov, ...", "As for X, ...") carries
        # over to the pronouns that open the next sentences, until another person is named;
        # otherwise salience decides (a plain subject may be followed by "he" meaning the
        # man it acted on: "Guseva stabbed him. He ...").
        if subject_here is not None or any(p.kind == "person" for p in ments):
            sal.prev_subject = subject_here
    _syntax.release(source)
    return claims


#: Words before the date that opens a sentence ("Dans la nuit du", "On the morning of").
_OPENING = re.compile(r"\W*(?:[^\W\d_]+['’]?\s*){0,4}$")


def _narrated_death(source: Source, sent, dates, ments, found: list[Claim], lex, topic_sent, m: re.Match,
                    topic: tuple[str, Optional[str]]) -> list[Claim]:
    """A death announced and then narrated: "Sa fin est restée célèbre. Dans la nuit
    du 29 au 30 décembre 1916, le prince Youssoupov l'attire dans le sous-sol ...".
    The sentence before named the person's death by a possessive and a noun
    (``death_topic``) with no date; this one opens on a day (or a night of two days),
    acts on the person (an object pronoun, or the name) and dates nothing else of
    them but perhaps an attack: the day is the death's. (In the Romance languages
    the object pronouns are also articles, so there the opening day and the absence
    of any other dated event of the person carry the rule.) The evidence is both sentences, and the claim is
    less sure than one a death word dates."""
    if not dates or sent.heading or lex is None:
        return []
    text = source.text
    d = min(dates, key=lambda t: t.start)
    r = parse_range(d.edtf) if d.edtf else None
    if r is None or r.width > 2 or not _OPENING.match(text, sent.start, d.start):
        return []
    person, pid = topic
    # an attack on the person may open the narrative of the death; any other dated
    # event of theirs is what the sentence is about
    if any(c.type in ("death", "execution") or (c.subject == person and c.type != "attack") for c in found):
        return []
    # the narrative acts on the person: a pronoun object ("l'attire", "shot him") or the name
    if not (lex.pronoun_object.search(text, sent.start, sent.end)
            or any((p.label or p.text) == person for p in ments if p.kind == "person")):
        return []
    ev = _evidence(source, sent, d)
    ev["span"] = (topic_sent.start, sent.end)
    ev["quote"] = text[topic_sent.start : sent.end]
    place = next((p for p in ments if p.kind == "place" and p.start > d.end), None)
    return [Claim(id="", type="death", subject=person, subject_text=m.group(0).strip(), object=None,
                  place=place.label if place else None, place_id=place.entity_id if place else None,
                  confidence=0.5, trigger=m.group(0).strip(), subject_id=pid, **ev)]


def _sentence_claims(source, sent, dates, ments, sal) -> list[Claim]:
    text = source.text
    # Triggers, each found with the lexicon of the language of its segment.
    trigs: list[_Trig] = []
    segs = [g for g in source.segments if g.start < sent.end and g.end > sent.start] or [None]
    for g in segs:
        a, b, lang = (g.start, g.end, g.lang) if g else (sent.start, sent.end, sent.lang)
        a, b = max(a, sent.start), min(b, sent.end)
        lex = _lexicon_for(lang) or _lexicon_for(sent.lang) or _lexicon_for(source.lang)
        if lex is None:
            continue
        trigs.extend(_find_triggers(lex, text, 0, a, b))
    lex_main = _lexicon_for(sent.lang) or _lexicon_for(source.lang) or load_lexicon("en")
    if lex_main.capitalised_nouns:
        ments = _split_genitive_names(text, ments, trigs)
    if lex_main.work_before is not None:
        # "his book Rasputin came out in 1927": a name right after a work noun is its title
        ments = [
            _dc_replace(m, kind="work") if m.kind == "person" and lex_main.work_before.search(text, max(sent.start, m.start - 40), m.start) else m
            for m in ments
        ]
    # (names only the parse proposed do not hide triggers: "The Revolution of 1848 broke out")
    # (nor bodies named by their head noun: "die Frankfurter Nationalversammlung trat zusammen")
    named = [m for m in ments if m.kind in ("person", "place", "organization", "work") and m.how not in ("parse", "org")]
    trigs = _absorbed_offices(text, [
        t for t in sorted(trigs, key=lambda t: t.start)
        # a trigger inside a name or a title ("The Revolution Betrayed", "Party Congress") is not an event
        if not any(m.start <= t.start and t.end <= m.end for m in named)
        # "the tenth anniversary of the seizure of power" is not the seizure of power
        and not lex_main.anniversary.search(text, max(sent.start, t.start - 40), t.start)
    ])
    out: list[Claim] = []
    by_trig: list[int] = []  # the trigger of each claim of ``out`` (life dates: none)
    for d in dates:
        if _DATELINE.match(text, sent.start, d.start) and _DATELINE_END.match(text, d.end):
            continue  # "ROMA, 1 novembre 1993 – ...": the date of the report, not of an event
        life = _life_dates(source, sent, d, ments) or _life_places_dates(source, sent, d, ments, dates)
        if life:
            out.extend(life)
            by_trig.extend(-1 - len(by_trig) - i for i in range(len(life)))  # no trigger: never merged
            continue
        if lex_main.capitalised_nouns and _dates_a_noun(text, sent.start, d, trigs):
            continue  # "Nach dem Reichstagsbrand am 27. Februar 1933 wurde X verhaftet": the fire's day
        # the dependency parse (en, fr) says which verb the date belongs to; rules elsewhere
        best = _best_trigger(lex_main, text, d, trigs, sent.start)
        parsed = _syntax.date_trigger(sent, d, trigs, lambda t: _is_weak(text, t), lex_main.lang)
        if parsed is not None and best is not None and _rules_clearer(lex_main, text, d, best, parsed, sent):
            parsed = None  # the parse disagrees with a trigger of the date's own clause
        if parsed is _syntax.NO_TRIGGER or (parsed or best) is None:
            inner = _contained_event(lex_main, text, None, d, trigs, dates, sent)
            if not inner:
                again = _reported_again(lex_main, text, sent, d, out)
                out.extend(again)
                by_trig.extend(-1 - len(by_trig) - i for i in range(len(again)))  # no trigger: never merged
            for trig in inner:
                for c in _claims_for(source, sent, lex_main, trig, d, ments, trigs, sal):
                    out.append(c)
                    by_trig.append(trig.start)
            continue
        best = parsed or best
        chosen = [best] + _coordinated_triggers(lex_main, text, best, trigs, sent, d, dates)
        chosen += [t for t in _fronted_conjuncts(lex_main, text, best, d, trigs, dates, sent) if t not in chosen]
        chosen += [t for t in _contained_event(lex_main, text, best, d, trigs, dates, sent) if t not in chosen]
        chosen += [t for t in _elided_auxiliary(lex_main, text, best, d, trigs, dates, sent) if t not in chosen]
        chosen += [t for t in _carried_triggers(lex_main, text, best, trigs) if t not in chosen]
        for trig in chosen:
            for c in _claims_for(source, sent, lex_main, trig, d, ments, trigs, sal):
                out.append(c)
                by_trig.append(trig.start)
    # one verb, one subject, two dates of which one holds the other ("entro il 1924 ... morì il
    # 29 novembre di quell'anno"): the finer date is the claim
    keep = []
    for k, c in enumerate(out):
        if c.date and any(
            j != k and by_trig[j] == by_trig[k] and o.type == c.type and o.subject == c.subject
            and o.date and o.date.startswith(c.date + "-")
            for j, o in enumerate(out)
        ):
            continue
        keep.append(c)
    return keep


_LIFE = re.compile(r"^\s*\(\s*$")
#: A newspaper dateline: the place in capitals, a comma, the date, a dash.
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,30},\s*(?:[^\W\d]+,?\s+)?$")
_DATELINE_END = re.compile(r"\s*[–—-]\s")
#: Between an appointment or dismissal verb and the office it names: "si dimise da presidente
#: del Consiglio", "nominandolo presidente", "demitiu-se da Presidência".
_OFFICE_GAP = re.compile(r"\s+(?:[^\W\d_]{1,5}['’]?\s*){0,2}", re.UNICODE)


def _absorbed_offices(text: str, trigs: list["_Trig"]) -> list["_Trig"]:
    """Drop a ``position_held`` trigger that is only the office named by the appointment
    or dismissal verb right before it: that verb is the event."""
    out = []
    for t in trigs:
        if t.info.type == "position_held" and any(
            u.info.type in ("appointment", "dismissal") and u.end <= t.start and _OFFICE_GAP.fullmatch(text, u.end, t.start)
            for u in trigs
        ):
            continue
        out.append(t)
    return out


#: Between a date and the words that only give its year: "22 de febrero de ese año".
_YEAR_OF = re.compile(r"\s*(?:de|del|di|du|of|von|des|do|da|,)?\s*$", re.IGNORECASE)


def _own_dates(text: str, dates: list[TimeExpression]) -> list[TimeExpression]:
    """Drop a date that only completes the one before it ("el 22 de febrero de ese año":
    "ese año" is the year of the 22 February, not a date of its own)."""
    out = []
    for t in dates:
        prev = out[-1] if out else None
        if (prev is not None and 0 <= t.start - prev.end <= 6 and _YEAR_OF.match(text[prev.end : t.start])
                and prev.edtf != t.edtf and prev.edtf.startswith(t.edtf)):
            continue
        out.append(t)
    return out


def _reported_again(lex: Lexicon, text: str, sent, d: TimeExpression, before: list[Claim]) -> list[Claim]:
    """"The Guardian reported his death on 3 January, and three days later The Spectator
    called it welcome news": a date whose clause has no trigger of its own but a pronoun
    for the event just reported, after "and", is a second report of that event."""
    if lex.event_pronoun is None:
        return []
    prior = [c for c in before if c.reported and c.date_span and c.date_span[1] <= d.start and c.type != "quantity"]
    if not prior:
        return []
    last = prior[-1]
    gap = text[last.date_span[1] : d.start]
    if not re.search(r",\s*(?:" + lex.coordination.pattern + r")\s", gap, re.IGNORECASE) or re.search(r"[;:.!?]", gap):
        return []
    end = re.search(r"[,;:.!?]|$", text[d.end : sent.end]).start() + d.end
    if not lex.event_pronoun.search(text, d.end, end):
        return []
    ev = _evidence_dict(text, sent, d, last)
    return [_dc_replace(last, id="", **ev)]


def _evidence_dict(text: str, sent, d: TimeExpression, like: Claim) -> dict:
    return {
        "date": d.edtf, "date_text": d.text, "qualifier": d.qualifier, "calendar": d.calendar,
        "date_span": (d.start, d.end), "julian_date": d.julian, "confidence": round(max(0.05, like.confidence - 0.15), 2),
    }


def _evidence(source: Source, sent, d: TimeExpression) -> dict:
    """What every claim dated by ``d`` in this sentence carries: where it stands in the
    source, the sentence, and the date with its words, precision and calendar."""
    return {
        "source": source.id,
        "lang": d.lang or sent.lang,
        "date": d.edtf,
        "date_text": d.text,
        "qualifier": d.qualifier,
        "calendar": d.calendar,
        "span": (sent.start, sent.end),
        "quote": source.text[sent.start : sent.end],
        "date_span": (d.start, d.end),
        "julian_date": d.julian,
    }


def _life_dates(source: Source, sent, d: TimeExpression, ments: list[Mention]) -> list[Claim]:
    """"Grigori Rasputin (1869-1916)": a span of dates in brackets right after a
    person's name gives the person's birth and death."""
    if not d.edtf or "/" not in d.edtf or d.edtf.startswith("..") or d.edtf.endswith(".."):
        return []
    text = source.text
    if not text[d.end : d.end + 2].lstrip().startswith(")"):
        return []
    person = next((m for m in ments if m.kind == "person" and 0 <= d.start - m.end <= 3), None)
    if person is None or not _LIFE.match(text[person.end : d.start]):
        return []
    born, died = d.edtf.split("/")
    out = []
    for typ, date in (("birth", born), ("death", died)):
        out.append(
            Claim(
                id="", source=source.id, lang=d.lang or sent.lang, type=typ,
                subject=person.label or person.text, subject_text=person.text, object=None, place=None,
                date=date, date_text=d.text, qualifier=None, calendar=d.calendar,
                span=(sent.start, sent.end), quote=text[sent.start : sent.end], confidence=0.8,
                date_span=(d.start, d.end), trigger="(life dates)", subject_id=person.entity_id,
            )
        )
    return out


_LIFE_DASH = re.compile(r"\s*[–—-]\s*|\s+-\s+")


def _life_places_dates(source: Source, sent, d: TimeExpression, ments: list[Mention], dates) -> list[Claim]:
    """"Giuseppe Verdi (Le Roncole, 10 ottobre 1813 – Milano, 27 gennaio 1901)": in
    brackets right after a person's name, two dates joined by a dash (each may follow
    a place) are the birth and the death; ``d`` is one of them."""
    text = source.text
    open_at = text.rfind("(", sent.start, d.start)
    if open_at < 0 or ")" in text[open_at:d.start]:
        return []
    close_at = text.find(")", d.end, sent.end)
    if close_at < 0:
        return []
    person = next((m for m in ments if m.kind == "person" and 0 <= open_at - m.end <= 2), None)
    if person is None:
        return []
    inside = [t for t in dates if open_at < t.start and t.end <= close_at]
    if len(inside) != 2 or d not in inside:
        return []
    first, second = sorted(inside, key=lambda t: t.start)
    # the dash sits between the first date and the second one's place (or the date itself)
    gap = text[first.end : second.start]
    dash = _LIFE_DASH.match(gap)
    if dash is None:
        return []
    rest = gap[dash.end():]
    if rest and not re.fullmatch(r"[^\W\d][^()\d]{0,40},\s*", rest):
        return []
    head = text[open_at + 1 : first.start]
    if head.strip() and not re.fullmatch(r"\s*[^\W\d][^()\d]{0,40},\s*", head):
        return []
    typ = "birth" if d is first else "death"
    return [
        Claim(
            id="", type=typ, subject=person.label or person.text, subject_text=person.text, object=None,
            place=None, confidence=0.8, trigger="(life dates)", subject_id=person.entity_id,
            **_evidence(source, sent, d),
        )
    ]


def _best_trigger(lex: Lexicon, text: str, d: TimeExpression, trigs: list[_Trig], sent_start: int = -1) -> Optional[_Trig]:
    best, best_score = None, float("inf")
    fronted = 0 <= d.start - sent_start <= 6
    for t in trigs:
        if t.start < d.end and d.start < t.end:
            continue  # a trigger inside the date words ("1927 Congress") is not a trigger
        if t.start >= d.end and _anchored(lex, text, t, max(0, sent_start)):
            continue  # "in July 1920 he was opposed ... during the Soviet–Polish War": a setting
        if t.end <= d.start:
            if lex.verb_final and re.match(r"\s*,", text[t.end : d.start]) and not t.text[:1].isupper():
                # "Hertz, der 1894 starb, wies 1887 ... nach": the verb closed its clause
                continue
            dist = d.start - t.end
            breaks = _clause_breaks(lex, text, 0, t.end, d.start)
        else:
            dist = t.start - d.end
            breaks = _clause_breaks(lex, text, 0, d.end, t.start)
            # A date usually follows its verb; a trigger after the date and past a
            # comma belongs to the next item of a list ("X (1925), member of Y (1926)").
            dist += 0 if lex.verb_final else 40
            if _AFTER_BREAK.search(text, d.end, t.start):
                breaks += 1
            elif lex.report_dates and re.search(r"(?<!\w)(?:" + lex.coordination.pattern + r")\s", text[d.end : t.start], re.IGNORECASE):
                breaks += 1  # "em 1897 e faleceu em 1918": the verb after "and" has its own date
        weak = _is_weak(text, t)
        score = dist + breaks * _CLAUSE_PENALTY + (90 if weak else 0)
        if lex.capitalised_nouns and t.end <= d.start and t.text[:1].isupper() and _NOUN_DATE_GAP.fullmatch(text, t.end, d.start):
            score -= 100  # "Tod Hindenburgs am 2. August 1934": the date of the noun's own phrase
        if t.start >= d.end and lex.relative is not None and sent_start >= 0:
            rel = lex.relative.search(text, sent_start, t.start)
            if rel is not None and rel.start() < d.start:
                continue  # "X, que teria voado em 1709, morreu ...": the date stays in its relative clause
        if fronted:
            # "On 29 December 1916 he was lured ..., and was killed": a date that opens
            # the sentence dates its main verb, wherever it stands (not past a semicolon:
            # "Am 22. Dezember 1895 fertigte er ... an; 1901 erhielt er ...").
            score = dist * 0.4 + (400 if weak else 0)
            if t.start >= d.end and ";" in text[d.end : t.start]:
                continue
        if score < best_score:
            best, best_score = t, score
    if best is None or best_score > _MAX_DIST + (90 if _is_weak(text, best) else 0) + (400 if fronted else 0):
        return None
    if lex.report_dates and not fronted and best.end <= d.start and "," in text[best.end : d.start]:
        # "morì ..., premio Nobel nel 1975": the noun of the date's own comma segment dates it,
        # not the verb past the comma
        for t in trigs:
            if (best.end < t.start and t.end <= d.start and t.info.type != best.info.type and d.start - t.end <= 60
                    and not _AFTER_BREAK.search(text, t.end, d.start) and not _clause_breaks(lex, text, 0, t.end, d.start)
                    and re.search(r",\s*(?:\w+\s+){0,2}$", text[best.end : t.start])):
                return t
    return best


def _rules_clearer(lex: Lexicon, text: str, d: TimeExpression, rule: _Trig, parsed, sent) -> bool:
    """The parse gives the date another trigger (or none) than the rules, while the
    rules' trigger stands before the date with no clause break between them: the
    parse went wrong ("X est guillotinée le 17 juillet, quatre jours après avoir ...")."""
    if parsed is rule or rule.end > d.start or _clause_breaks(lex, text, 0, rule.end, d.start):
        return False
    if parsed is not _syntax.NO_TRIGGER and _anchored(lex, text, rule, sent.start):
        return False  # "After the February Revolution, in March 1917, soldiers dug up ...": a time anchor
    if parsed is _syntax.NO_TRIGGER:
        return d.start - rule.end <= 40 and not _syntax.verb_between(sent, rule.end, d.start)
    if parsed.end <= rule.start and not _syntax.governs(sent, parsed, rule):
        return True  # the parse skips a nearer trigger of the date's clause
    a, b = (parsed.end, d.start) if parsed.end <= d.start else (d.end, parsed.start)
    return bool(_clause_breaks(lex, text, 0, a, b) or _AFTER_BREAK.search(text, a, b))


def _contained_event(lex: Lexicon, text: str, trig: Optional[_Trig], d: TimeExpression, trigs, dates, sent) -> list[_Trig]:
    """"During the first show trial in 1936, Trotsky was condemned to death", "Pendant la
    Commune en 1871, Courbet fut arrêté": a date in a 'during' phrase dates its event (if
    it has a trigger) and the main clause's event it contains."""
    during = _containment_re(lex.lang)
    if during is None or (trig is not None and not (trig.end <= d.start or d.end <= trig.start)):
        return []
    a, b = (min(trig.start, d.start), max(trig.end, d.end)) if trig is not None else (d.start, d.end)
    head = text[max(sent.start, a - 60) : a]
    if not during.search(head):
        return []
    # the phrase ends at its comma, or (German verb second: "Während der Revolution 1848
    # wurde X hingerichtet") right after the date
    close = re.search(r",|$", text[b : sent.end])
    after = b + close.start() if close.group(0) else b
    if after >= sent.end or any(after <= o.start < sent.end and o is not d for o in dates):
        return []  # no main clause after the phrase, or one with its own date
    # the main clause's own trigger: before any other clause opens ("..., which was suppressed")
    nxt = [t for t in trigs if t.start > after and not _is_weak(text, t)
           and not re.search(r"[,;:()]", text[after + 1 : t.start]) and not _clause_breaks(lex, text, 0, after + 1, t.start)]
    return nxt[:1]


def _anchored(lex: Lexicon, text: str, t: _Trig, floor: int) -> bool:
    """The trigger is the noun of a phrase that places another event in time ("after the
    February Revolution", "après la révolution de Février", "tras la Revolución de Febrero")."""
    anchor = _anchor_re(lex.lang)
    if anchor is None:
        return False
    prev = text[max(floor, t.start - 40) : t.start]
    m = anchor.search(prev)
    if m is None:
        return False
    return all(w.lower() in lex.function_words or w[:1].isupper() or w.lower().strip("'’") in _ARTICLES
               for w in m.group(2).split())


@lru_cache(maxsize=None)
def _containment_re(lang: str) -> Optional[re.Pattern]:
    """A 'during' word and up to six words before the end (built once per language)."""
    words = _syntax._syntax_words(lang, "containment")
    if not words:
        return None
    return re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:[\w'’–-]+\s+){0,6}$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _anchor_re(lang: str) -> Optional[re.Pattern]:
    """An anchor preposition and up to three words before the end (built once per language)."""
    anchors = _syntax._anchors(lang)
    if not anchors:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True)) + r")\s+((?:[\w'’–-]+\s+){0,3})$",
                      re.IGNORECASE)


_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "il", "lo", "i", "gli", "o", "a", "os", "as", "der", "die", "das", "den", "dem", "des"})


def _is_weak(text: str, t: _Trig) -> bool:
    """Weak by the lexicon, or capitalised inside a sentence: part of a title or a
    name ("The Assassination of Trotsky", "the October Revolution")."""
    if t.info.weak:
        return True
    if t.caps_title and t.text[:1].isupper() and t.start > 0:
        before = text[max(0, t.start - 3) : t.start]
        return not re.search(r"(^|[.!?\n]\s*|[«“\"(]\s*)$", before)
    return False


def _coordinated_triggers(lex: Lexicon, text: str, best: _Trig, trigs: list[_Trig], sent=None, d=None, dates=()) -> list[_Trig]:
    """'arrested and imprisoned in 1937': the date applies to both verbs, unless the
    other verb has a date of its own ("am 14. September 1817 geboren und starb am
    4. Juli 1888")."""
    out = []
    for t in trigs:
        if t is best or _is_weak(text, t) or t.info.type == best.info.type:
            continue
        a, b = (t.end, best.start) if t.end <= best.start else (best.end, t.start)
        if lex.capitalised_nouns and t.text[:1].isupper() != best.text[:1].isupper() and text[a:b].strip():
            continue  # a German noun and a verb joined by "und": "auf dem Wiener Kongress und zerfiel 1866"
        if d is not None and any(_own_date(text, t, o) for o in dates if o is not d):
            continue
        gap = text[a:b]
        if len(gap) <= 12 and _only_joiners(lex, lex.passive.sub(" ", gap)):
            if sent is not None and not gap.strip() and _syntax.coordinated(sent, best, t) is False:
                continue  # "nommé président du Conseil": the office, not a second event
            out.append(t)
    return out


#: German: between an event noun and its date, only its genitive or name ("Tod Hindenburgs am").
_NOUN_DATE_GAP = re.compile(r"(?:\s+(?:des|der)(?=\s))?(?:\s+[A-ZÄÖÜ][\w.'’-]*){0,4}\s+(?:am|im|vom|um)?\s*")
#: German: a temporal phrase with a noun right before a date ("nach dem Reichstagsbrand am").
_NOUN_BEFORE_DATE = re.compile(
    r"(?<!\w)(?:[Nn]ach|[Vv]or|[Ss]eit|[Ww]ährend|[Bb]ei|[Mm]it)\s+(?:dem|der|den|des|einem|einer)\s+(?:[a-zäöüß]\w*\s+)?"
    r"([A-ZÄÖÜ][\w-]+)\s+(?:(?:am|vom|im)\s+)?$")


def _dates_a_noun(text: str, sent_start: int, d: TimeExpression, trigs: list[_Trig]) -> bool:
    """A day date right after "nach dem <Noun>" dates that noun's event, not the verb of
    the clause: "Nach dem Reichstagsbrand am 27. Februar 1933 wurde X verhaftet". (A noun
    that is a trigger takes the date itself.)"""
    if not d.edtf or len(d.edtf) != 10:
        return False
    m = _NOUN_BEFORE_DATE.search(text, max(sent_start, d.start - 60), d.start)
    if m is None or not m.group(1)[:1].isupper():
        return False
    return not any(t.start <= m.start(1) < t.end for t in trigs)


def _own_date(text: str, t: _Trig, o: TimeExpression) -> bool:
    """Date ``o`` stands next to trigger ``t`` in its clause (no punctuation between)."""
    gap = text[t.end : o.start] if t.end <= o.start else text[o.end : t.start]
    return len(gap) <= 30 and not re.search(r"[,;:()]|\s(?:und|and|y|e|et|ed)\s", gap)


def _fronted_conjuncts(lex: Lexicon, text: str, best: _Trig, d: TimeExpression, trigs: list[_Trig], dates, sent) -> list[_Trig]:
    """"Em 1975, X proclamou a independência e tornou-se presidente": a date that opens
    the sentence also dates a verb joined by "and" to its main verb, when that verb has no
    date of its own (es, it, pt: the languages whose lexicon marks its report dates, not verb-final German)."""
    if not lex.report_dates or lex.verb_final or not (0 <= d.start - sent.start <= 6) or best.start < d.end:
        return []
    out, last = [], best
    for t in trigs:
        if t.start <= last.end or _is_weak(text, t) or t.info.type == best.info.type:
            continue
        gap = text[last.end : t.start]
        if any(last.end <= x.start < sent.end for x in dates if x is not d) or _PUNCT_CLAUSE.search(gap):
            break
        if lex.clause.search(gap) or not re.search(r"(?<!\w)(?:" + lex.coordination.pattern + r")\s+(?:\S+\s+){0,2}$", gap, re.IGNORECASE):
            continue
        if t.start - last.end > 120:
            break
        out.append(t)
        last = t
    return out


#: An article right before a trigger: the trigger is a noun ("la expulsión", "die Gründung").
_NOUN_BEFORE = re.compile(r"(?<!\w)(?:el|la|los|las|il|lo|le|les|o|a|os|as|the|der|die|das|den|dem|l['’])\s*$", re.IGNORECASE)
_ARTICLE_END = re.compile(r"(?<!\w)(?:el|la|los|las|il|lo|gli|i|le|o|a|os|as|der|die|das|des|dem|den|the)\s+$", re.IGNORECASE)
_ARTICLE_GAP = re.compile(r"\s+(?:(?:el|la|los|las|le|les|il|lo|gli|i|o|a|os|as|the|der|die|das|den|dem|des|un|una|uno|une|um|uma|ein|eine|einen)\s+|l['’]\s*)?$",
                          re.IGNORECASE)


def _carried_triggers(lex: Lexicon, text: str, best: _Trig, trigs: list[_Trig]) -> list[_Trig]:
    """Events the dated one carries: "decretó la expulsión de los jesuitas en 1767" (a decision
    and the event it orders, its object), "fue detenido durante el motín de 1808", "fue
    destronada por la revolución de 1868" (a verb and the event during or by which it happened,
    ``during`` and ``agent`` words)."""
    out = []
    for t in trigs:
        if t is best or _is_weak(text, t) or t.info.type == best.info.type:
            continue
        if best.info.type == "decision" and 0 < t.start - best.end <= 8 and _ARTICLE_GAP.fullmatch(" " + text[best.end : t.start]):
            out.append(t)  # the decision's object
        elif t.end <= best.start and best.start - t.end <= 60 and not re.search(r"[,;:()]", text[t.end : best.start]) \
                and not any(t.end <= o.start < best.start for o in trigs) and re.search(
            r"(?:^|\s)(?:" + (lex.during.pattern + "|" if lex.during is not None else "") + lex.agent.pattern + r")\s+"
            r"(?:(?:el|la|los|las|il|lo|i|gli|le|o|a|os|as|the|der|die|das|den|dem|des|un|una|une)\s+)?$",
            text[t.end : best.start], re.IGNORECASE,
        ):
            # the verb before "durante el motín", "por la revolución" ("murió en La Moneda
            # durante el golpe de Estado del 11 de septiembre")
            out.append(t)
    return out


def _elided_auxiliary(lex: Lexicon, text: str, best: _Trig, d: TimeExpression, trigs: list[_Trig], dates, sent) -> list[_Trig]:
    """"fue destituido en 1924 y desterrado a Fuerteventura", "fu arrestato nel 1820 e
    rinchiuso nello Spielberg": a participle after "and" past the date shares the passive
    auxiliary of the dated verb, and its date when its own clause has none."""
    if lex.participle is None or not (best.end <= d.start) or not lex.passive.search(text, max(sent.start, best.start - 14), best.start):
        return []
    out = []
    for t in trigs:
        if t.start < d.end or _is_weak(text, t) or t.info.type == best.info.type:
            continue
        gap = text[d.end : t.start]
        m = re.search(r"\s(?:" + lex.coordination.pattern + r")\s+$", gap, re.IGNORECASE)
        if m is None or _clause_breaks(lex, text, 0, d.end, d.end + m.start()) or re.search(r"[,;:()]", gap):
            break
        if not lex.participle.match(t.text.split()[0]):
            break
        # its own clause carries no date ("y murió en 1918": that one is its own)
        end = re.search(r"[,;:.!?]|$", text[t.end : sent.end]).start() + t.end
        if any(t.end <= o.start < end or d.end <= o.start < t.start for o in dates if o is not d):
            break
        out.append(t)
        break
    return out


_COMPLEMENTISER_END = re.compile(rf"(?<!\w)(?:{'|'.join(COMPLEMENTISERS)})\s+$", re.IGNORECASE)


def _oblique(lex: Lexicon, text: str, m: Mention) -> bool:
    """A name after a preposition ("by Frunze", "with Kamenev") is not a subject."""
    prev = text[max(0, m.start - 14) : m.start]
    if _COMPLEMENTISER_END.search(prev):
        return False  # "convencido de que Rasputín arrastraba": the subject of a clause
    return bool(lex.oblique_before.search(prev))


def _persons_before(lex, text, ments, clause_start, pos) -> list[Mention]:
    """The nearest person before ``pos`` in the clause, with those coordinated with it."""
    cands = [
        m for m in ments
        if m.kind == "person" and clause_start <= m.start and m.end <= pos and not _oblique(lex, text, m)
    ]
    if not cands:
        return []
    group = [cands[-1]]
    for m in reversed(cands[:-1]):
        gap = text[m.end : group[0].start]
        if _only_joiners(lex, gap) or _joined_with_role(lex, gap):
            group.insert(0, m)
        else:
            break
    return group


def _joined_with_role(lex: Lexicon, gap: str) -> bool:
    """"il re Umberto e il principe ereditario Vittorio": 'and' and the second one's role words."""
    m = re.match(r"\s*(?:,\s*)?(?:" + lex.coordination.pattern + r")\s+", gap, re.IGNORECASE)
    if m is None or not _roles.role_phrase_at(lex.lang, gap[m.end() :]):
        return False
    rest = gap[m.end() :]
    # only the role phrase: a few lowercase words, no verb-like punctuation
    return bool(re.fullmatch(r"(?:[^\W\d_]+['’]?\s*){1,4}", rest)) and not any(w[:1].isupper() for w in rest.split())


#: Types whose verb takes no object: a person after it is its subject ("murió en Madrid
#: el novelista X"); after another verb it is the object ("publicó *Rasputín*"), except
#: in verb-second languages ("1929 erhielt Thomas Mann den Nobelpreis").
_INTRANSITIVE = frozenset(
    {"birth", "death", "arrival", "departure", "residence", "return_from_exile", "escape_attempt", "abdication", "capitulation"}
)


def _place_between(text: str, ments, m: Mention) -> bool:
    """A place named right before ``m`` takes the preposition before it: in "morì a Roma
    Giovanni Pascoli", "nació en Málaga Pablo Picasso", "a" governs Roma, not the person."""
    return any(o.kind == "place" and o.end <= m.start and not text[o.end : m.start].strip() for o in ments)


def _persons_after(lex, text, ments, trig: _Trig, sent_end: int) -> list[Mention]:
    """The subject after its verb, when none stands before it: "1929 erhielt Thomas Mann",
    "murió en Madrid el novelista Benito Pérez Galdós", "veröffentlichten Marx und Engels".
    The first person of the clause after the trigger that no preposition governs, with
    those coordinated with it."""
    cands = [m for m in ments if m.kind == "person" and trig.end <= m.start <= trig.end + 70 and m.end <= sent_end]
    group: list[Mention] = []
    for m in cands:
        if not group:
            if _clause_breaks(lex, text, 0, trig.end, m.start) or re.search(r"[,;:()]", text[trig.end : m.start]):
                return []
            if (_oblique(lex, text, m) and not _place_between(text, ments, m)) or text[m.start - 1 : m.start] in ("*", "«", "“", '"', "‘"):
                return []  # governed by a preposition, or a title in quotes
            group = [m]
        elif _only_joiners(lex, text[group[-1].end : m.start]) and text[group[-1].end : m.start].strip():
            group.append(m)  # (two names with nothing between are two phrases: "ernannte Hindenburg Hitler")
        else:
            break
    return group


#: Between a German noun trigger and a name in the genitive: "Tod ", "Ermordung des Thronfolgers ".
_GENITIVE_GAP = re.compile(r"\s+(?:(?:des|der)\s+(?:[\w-]+\s+){0,3}?)?")
#: A capitalised word with a genitive -s right before a noun ("Hegels Tod", "Zwinglis Tod").
_SAXON = re.compile(r"(?<![\w'’-])([A-ZÄÖÜ][\w-]*[^\Wsxzß]s)\s+$")
#: Words before a German genitive that make it a common noun's ("des Kaisers Tod", "seines Vaters Tod").
_DE_DET_BEFORE = re.compile(
    r"(?<!\w)(?:des|der|eines|einer|seines|seiner|ihres|ihrer|dieses|jenes|unseres)\s+$", re.IGNORECASE
)


def _genitive_base(label: str) -> str:
    """A German name without its genitive -s ("Friedrich Schillers" -> "Friedrich Schiller",
    "Zwinglis" -> "Zwingli"); names ending in s, x or z take an apostrophe instead, and keep
    their form ("Marx'", "Engels"), as do names the dictionary knows with the -s."""
    from ..entities._persons import simplemma_lemma

    words = label.split()
    last = words[-1] if words else ""
    if len(last) < 4 or not last.endswith("s") or last[-2] in "sxzß" or (last.endswith("us") and not last.endswith("aus")):
        return label  # "Marx'", "Gropius", "Hus"
    base = last[:-1]
    if simplemma_lemma(last, "de") != base.lower() and _known_de(last) and not _known_de(base):
        return label  # "Brahms": the dictionary knows the word, not the word without -s
    return " ".join(words[:-1] + [base])


def _known_de(word: str) -> bool:
    try:
        import simplemma

        return simplemma.is_known(word, "de")
    except (ImportError, ValueError, KeyError):
        return True


def _genitive_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """German: a name right after a noun is in the genitive ("Tod Friedrich Schillers",
    "Geburt Alexander von Humboldts"): its label loses the -s. (A noun is capitalised
    and follows a word, not a title of the person cues, which is part of the name.)"""
    from ..entities._persons import person_cues

    from ..entities._mentions import _de_adjective
    from ..ingest._lang import function_words

    cues = person_cues("de")
    titles = cues.titles if cues is not None else frozenset()
    fwords = function_words()[0].get("de", frozenset())
    # role nouns stand in apposition, not before a genitive ("der Komponist Johannes Brahms")
    roles = (lexicon_data("de").get("roles") or {})
    for group in ("regnal", "nouns"):
        for words in (roles.get(group) or {}).values():
            titles = titles | {str(w).lower() for w in words or []}
    out = []
    for m in mentions:
        if m.kind == "person" and m.entity_id is None and (m.label or m.text) == m.text:
            w = re.search(r"(?:^|[\s(])([A-ZÄÖÜ][\w-]+)\s+$", text[max(0, m.start - 40) : m.start])
            if (w is not None and w.group(1).lower() not in titles and w.group(1).lower() not in fwords
                    and not w.group(1).isupper()):
                # (a capitalised function word opens a sentence: "Als Johannes Brahms ...")
                if not _de_adjective(w.group(1)):
                    base = _genitive_base(m.text)
                    if base != m.text:
                        m = Mention(start=m.start, end=m.end, text=m.text, kind=m.kind, entity_id=None,
                                    label=base, how=m.how)
        out.append(m)
    return out


_GENITIVE_AFTER = re.compile(r"\s+([A-ZÄÖÜ][\w-]*[^\Wsxzß]s)(?=\s+(?:am|im|vom|um|in|\d))")


def _genitive_after(text: str, trig, ments: list[Mention]) -> Optional[Mention]:
    """A lone name in the genitive right after a German noun trigger, before its date or
    place: "die Hinrichtung Robespierres am 28. Juli 1794"."""
    m = _GENITIVE_AFTER.match(text, trig.end)
    if m is None or any(x.start < m.end(1) and m.start(1) < x.end for x in ments):
        return None
    word = m.group(1)
    base = _genitive_base(word)
    if base == word or _known_de(word) and not _known_de(base):
        return None
    return Mention(start=m.start(1), end=m.end(1), text=word, kind="person", entity_id=None, label=base, how="rule")


def _split_genitive_names(text: str, ments: list[Mention], trigs: list[_Trig]) -> list[Mention]:
    """German: a capitalised run read as a name that ends in a noun trigger after a
    genitive ("Hegels Tod", "Friedrich Schillers Ermordung") is the name and the noun."""
    out = []
    for m in ments:
        t = next((t for t in trigs if m.kind == "person" and m.entity_id is None and m.start < t.start
                  and t.end == m.end and t.text[:1].isupper()), None)
        head = text[m.start : t.start] if t is not None else ""
        lead = next((t for t in trigs if m.kind == "person" and m.entity_id is None and t.start == m.start
                     and t.end < m.end and t.text[:1].isupper() and text[m.start : m.end].endswith("s")), None)
        if t is not None and _SAXON.search(head):
            name = head.rstrip()
            out.append(Mention(start=m.start, end=m.start + len(name), text=name, kind="person",
                               entity_id=None, label=name, how=m.how))
        elif lead is not None and re.fullmatch(r"\s+", text[lead.end : lead.end + 1]):
            # "Tod Hindenburgs": the noun, then the name in the genitive
            a = lead.end + 1
            name = text[a : m.end]
            out.append(Mention(start=a, end=m.end, text=name, kind="person", entity_id=None,
                               label=_genitive_base(name), how=m.how))
        else:
            out.append(m)
    return out


def _saxon_genitive(text: str, cstart: int, trig, ments: list[Mention]) -> Optional[Mention]:
    """The person named in a genitive right before a German noun trigger: "Hegels Tod",
    "mit Friedrich Schillers Tod". The word is no noun's genitive: no article or
    possessive stands before it ("des Kaisers Tod", "seines Vaters Tod")."""
    m = _SAXON.search(text, max(cstart, trig.start - 40), trig.start)
    if m is None:
        return None
    a, b = m.start(1), m.end(1)
    if _DE_DET_BEFORE.search(text, max(0, a - 12), a):
        return None
    named = next((x for x in ments if x.start <= a < x.end), None)
    if named is not None:
        if named.kind != "person" or named.end != b:
            return None
        label = named.label or named.text
        if named.entity_id is None:
            label = _genitive_base(label)
        return Mention(start=named.start, end=named.end, text=named.text, kind="person",
                       entity_id=named.entity_id, label=label, how=named.how)
    from ..entities._persons import common_word

    word = m.group(1)
    base = _genitive_base(word)
    if base == word or common_word(base, "de"):
        return None
    return Mention(start=a, end=b, text=word, kind="person", entity_id=None, label=base, how="rule")


#: German, between a verb-second subject and its object: nothing, a regnal dot, or an
#: article and a title ("entließ Wilhelm II. den Reichskanzler Otto von Bismarck").
_OBJECT_GAP = re.compile(r"\.?\s+(?:(?:den|die|dem)\s+(?:[A-ZÄÖÜ][\w-]*\s+){1,2})?")


def _after_fronted_participle(lex, text, ments, trig: _Trig, sent) -> list[Mention]:
    """"Nacido en Petilla de Aragón en 1852, Santiago Ramón y Cajal estudió ...": a participle
    that opens the sentence belongs to the person who opens the main clause after its comma."""
    if lex.participle is None or text[sent.start : trig.start].strip(" \t\n\"«“'(") \
            or not lex.participle.match(trig.text.split()[0]):
        return []
    comma = text.find(",", trig.end, sent.end)
    if comma < 0:
        return []
    return [m for m in ments if m.kind == "person" and comma < m.start <= comma + 6][:1]


def _clause_start(lex: Lexicon, text: str, sent_start: int, pos: int) -> int:
    seg = text[sent_start:pos]
    last = 0
    for m in _PUNCT_CLAUSE.finditer(seg):
        last = max(last, m.end())
    for m in lex.clause.finditer(seg):
        last = max(last, m.end())
    # ", y" / ", and" followed by a new subject opens a new clause too
    for m in re.finditer(r",\s+(?:" + lex.coordination.pattern + r")\s", seg, re.IGNORECASE):
        last = max(last, m.start() + 1)
    return sent_start + last


def _org_like(m: Mention) -> bool:
    return m.kind == "organization" or (m.kind == "place" and _is_country(m))


def _locative(text: str, m: Mention) -> bool:
    """"im KZ Buchenwald", "en Madrid": a name after a locative preposition is no subject."""
    from ..entities._words import LOCATIVES

    prev = re.search(r"([^\W\d_]+)\s+$", text[max(0, m.start - 12) : m.start])
    # (a capital opens a sentence: "A Companhia ..." is an article, not "a")
    return bool(prev and prev.group(1).islower() and name_key(prev.group(1)) in LOCATIVES)


def _org_subject(lex: Lexicon, text: str, ments: list[Mention], cstart: int, trig: _Trig, sent, after_ok: bool,
                 d_span: Optional[tuple[int, int]] = None) -> list[Mention]:
    """The organisation or country that stands as the trigger's subject, with those
    coordinated with it ("Großbritannien und Frankreich"), or []: the nearest one before
    the trigger in its clause that no preposition governs and no person follows; when
    there is none, one right after the trigger if ``after_ok`` (verb-second order,
    "se proclamó la República", "nacque il partito")."""
    if _NOUN_BEFORE.search(text[max(cstart, trig.start - 5) : trig.start]):
        # a noun: "la expulsión de los jesuitas", "la disolución del Partido": the body it names
        owner = next((m for m in ments if _org_like(m) and trig.end <= m.start <= trig.end + 12
                      and lex.genitive_end.match(_ARTICLE_END.sub("", text[trig.end : m.start]))), None)
        if owner is not None:
            return [owner]
    persons_before = [m for m in ments if m.kind == "person" and cstart <= m.start and m.end <= trig.start
                      and not _oblique(lex, text, m)]
    cands = [m for m in ments if _org_like(m) and cstart <= m.start and m.end <= trig.start and not _oblique(lex, text, m)]
    if lex.pronoun_subject.search(text, cstart, trig.start):
        return []  # "er wurde 1944 im KZ erschossen": the pronoun is the subject
    if lex.capitalised_nouns and trig.text[:1].isupper() and lex.oblique_before.search(text, cstart, trig.start):
        return []  # "auf dem Wiener Kongress": a noun after a preposition is a setting
    cands = [m for m in cands if not _locative(text, m)]
    if cands:
        m = cands[-1]
        if lex.pronoun_possessive.search(text, m.end, trig.start):
            return []  # "The Manchester Guardian reported his death": his
        if any(p.start >= m.end for p in persons_before) or trig.start - m.end > 70 \
                or _clause_breaks(lex, text, 0, m.end, trig.start):
            return []
        group = [m]
        for o in reversed(cands[:-1]):
            if _only_joiners(lex, text[o.end : group[0].start]):
                group.insert(0, o)
            else:
                break
        return group
    if persons_before or not after_ok:
        return []
    # after the verb only when nothing but small words and the date stand before it in the
    # clause ("En 1931 se proclamó la República", "1917 erklärte Brasilien ..."); not "El rey
    # salió de España"
    lead = text[cstart : trig.start]
    if d_span is not None and cstart <= d_span[0] and d_span[1] <= trig.start:
        lead = text[cstart : d_span[0]] + " " + text[d_span[1] : trig.start]
    if not lex.verb_final and any(
        w.lower() not in lex.function_words and name_key(w) not in FUNCTION_WORDS for w in re.findall(r"[^\W\d_]+", lead)
    ):
        return []  # (verb-second: whatever stands before the verb, the subject may follow it)
    if lex.from_words.search(trig.text) or lex.to_words.search(trig.text):
        return []  # "salió de", "llegó a": a place follows
    movement = trig.info.type in PLACE_TYPES and trig.info.type not in THING_TYPES
    group = []
    for m in ments:
        if m.start < trig.end or m.end > sent.end:
            continue
        if not group and lex.verb_final and (_oblique(lex, text, m) or _locative(text, m)) \
                and m.start - trig.end <= 50 and not re.search(r"[,;:()]", text[trig.end : m.start]):
            continue  # "ging aus dem Norddeutschen Bund das Deutsche Kaiserreich hervor"
        if not group:
            near = 50 if lex.verb_final else 6
            if not _org_like(m) or m.start - trig.end > near or re.search(r"[,;:()]", text[trig.end : m.start]) \
                    or (movement and m.kind == "place") or (lex.verb_final and any(
                        p.kind == "person" and trig.end <= p.start < m.start for p in ments)):
                return []  # "Chegou a Salvador": after a verb of movement, a place
            group = [m]
        elif _org_like(m) and _only_joiners(lex, text[group[-1].end : m.start]):
            group.append(m)
        else:
            break
    return group


def _org_type(info: Trigger, ctype: str, subj: Mention, active: bool) -> Optional[str]:
    """The claim's type when ``subj`` (an organisation or a country) is the subject, or
    None when the type cannot have such a subject."""
    kind = "country" if subj.kind == "place" else "organization"
    if kind in info.by_subject:
        return info.by_subject[kind]
    if not active and ctype not in PATIENT_TYPES and ctype not in THING_TYPES and ctype not in ORG_RETYPE:
        return None  # "die Republik wurde von Scheidemann ausgerufen": the agent decides
    if ctype in ORG_RETYPE and (ctype in ("birth", "death", "abdication") or not active):
        return ORG_RETYPE[ctype]
    if ctype in THING_TYPES or ctype in GROUP_TYPES:
        return ctype
    if ctype in ORG_SUBJECT_TYPES and (ctype not in PATIENT_TYPES or not active):
        return ctype
    return None


def _claims_for(source, sent, lex, trig: _Trig, d: TimeExpression, ments, trigs, sal) -> list[Claim]:
    text = source.text
    info = trig.info
    ctype = info.type
    cstart = _clause_start(lex, text, sent.start, trig.start)
    # Negation in the clause before the trigger (or right after an auxiliary): not a fact.
    neg_zone = text[max(cstart, trig.start - 40) : trig.start]
    if lex.negation.search(neg_zone) or _syntax.cancelled(lex.lang, text, trig, trigs, sent.end):
        return []  # "did not ...", or "the invasion ... never took place"
    # verb-second languages put the negation after the verb: "nahm an der Konferenz nicht teil"
    # (up to the clause's end or a coordinated verb: "verließ Deutschland 1831 und kehrte nie zurück")
    after_end = re.search(r"[,;:.!?]|\s(?:und|oder|aber|sondern)\s|$", text[trig.end : sent.end])
    if lex.negation_after.search(text, trig.end, trig.end + after_end.start()):
        return []
    if info.until and not (d.edtf or "").startswith("../"):
        return []  # "the Julian calendar" with any date but an "until X": not its end
    confidence = 0.85 if not info.weak else 0.6
    modal = None
    for modal in lex.modality.finditer(text, max(cstart, trig.start - 50), trig.start):
        pass
    if modal is not None:
        if lex.modality_drops and not re.search(r"[,;:()]", text[modal.end() : trig.start]) \
                and not _clause_breaks(lex, text, 0, modal.end(), trig.start):
            return []  # "habría enterrado", "tenía previsto visitar": the cue governs the verb
        confidence = min(confidence, 0.35)
        if lex.legend is not None and lex.legend.search(text, sent.start, trig.start):
            return []  # "Secondo la leggenda, X sarebbe ...": a legend told in the conditional
    if lex.rumour is not None and lex.rumour.search(text, sent.start, trig.start):
        return []  # "según la leyenda, ...", "se dice que ...": the whole sentence is hearsay
    # --- an organisation or a country as the subject (by rule, where the parse gives no
    # subject): "España declaró la guerra", "Il Partito Comunista d'Italia nacque a Livorno"
    org_subj: list[Mention] = []
    parsed = _syntax.sentence_doc(sent) is not None
    if not parsed or _syntax.subject(sent, lex.lang, trig, ctype, ments, PATIENT_TYPES, THING_TYPES | GROUP_TYPES) is None:
        # (a pronominal trigger holds its "se": "se proclamó", "se fundó")
        passive_here = bool(lex.passive.search(text[max(cstart, trig.start - 14) : trig.start])
                            or lex.passive.match(trig.text.split()[0]) and len(trig.text.split()) > 1)
        after_ok = lex.verb_final or passive_here or ctype in _INTRANSITIVE or ctype in THING_TYPES
        org_subj = _org_subject(lex, text, ments, cstart, trig, sent, after_ok, (d.start, d.end))
        # the body a noun names ("la expulsión de los jesuitas") undergoes it, as in the passive
        noun_of = bool(org_subj) and org_subj[0].start >= trig.end and bool(_NOUN_BEFORE.search(
            text[max(cstart, trig.start - 5) : trig.start]))
        new_type = _org_type(info, ctype, org_subj[0], not (passive_here or noun_of)) if org_subj else None
        if new_type is not None and ctype in ORG_RETYPE and new_type != ctype and org_subj[0].end <= trig.start:
            # a person's event said of a body needs the body as its very subject: "el Partido
            # nació en 1921", not "the Guardian reported the death"
            gap = text[org_subj[0].end : trig.start]
            if d.start >= org_subj[0].end and d.end <= trig.start:
                gap = text[org_subj[0].end : d.start] + text[d.end : trig.start]
            if len(re.findall(r"[^\W\d_]+", gap)) > 3:
                new_type = None
        if new_type is None:
            org_subj = []
        else:
            ctype = new_type

    # --- where the date sits: window after the trigger up to the date (for lists)
    after_lo = trig.end
    after_hi = max(d.end, trig.end + 120) if d.start >= trig.end else min(sent.end, trig.end + 120)

    # --- object and place
    obj: Optional[Mention] = None
    place: Optional[Mention] = None
    origin: Optional[Mention] = None
    nxt = [t.start for t in trigs if t.start >= trig.end and t.start > d.end]
    stop = min([after_hi, sent.end] + nxt[:1])
    follow = [m for m in ments if after_lo <= m.start < stop and m.kind != "person" and m not in org_subj]
    if d.start >= trig.end:
        # nearest non-person mention before the date (list form: "X (date), Y (date)")
        pre_date = [m for m in follow if m.end <= d.start]
        ordered = list(reversed(pre_date)) + [m for m in follow if m.start >= d.end]
    else:
        ordered = follow
    kinds = OBJECT_KINDS.get(ctype, ()) + OBJECT_KINDS.get(info.by_object.get("organization", ""), ())
    for m in ordered:
        if m.kind in ("organization", "work", "other") and obj is None and (m.kind in kinds or info.by_object):
            obj = m
    places_after = follow if (d.start < trig.end or ctype not in ("residence",)) else ordered
    for m in places_after:
        if m.kind != "place":
            continue
        prev = text[max(sent.start, m.start - 12) : m.start]
        if lex.from_words.search(prev) and origin is None:
            origin = m
        elif place is None:
            place = m

    # places before the trigger in the same clause ("In Mexico City, he died ...")
    if place is None and ctype in PLACE_TYPES:
        # "In Mexico City, he died", "the massacre in X ..., where he was shot"
        prev_places = [m for m in ments if m.kind == "place" and sent.start <= m.start and m.end <= trig.start]
        if prev_places and trig.start - prev_places[-1].end <= 90:
            pp = prev_places[-1]
            if pp.start >= cstart or lex.where.search(text, pp.end, trig.start):
                place = pp
    if ctype == "residence" and d.start < trig.start:
        # list form: "periods in Turkey (to 1933), France (to 1935)": the place named before the date
        before_date = [m for m in ments if m.kind == "place" and sent.start <= m.start and m.end <= d.start]
        if before_date:
            place = before_date[-1]

    if obj is None and ctype in OFFICE_TYPES:
        office = _office(lex, text, trig, sent, ments)
    else:
        office = None
    # Type by what the trigger governs: "expelled from the party" vs "from the country".
    if info.by_object:
        if obj is not None and obj.kind == "organization" and "organization" in info.by_object:
            ctype = info.by_object["organization"]
        elif origin is not None and "country_from" in info.by_object and _is_country(origin):
            ctype = info.by_object["country_from"]
    if ctype == "deportation" and obj is not None and obj.kind == "organization":
        ctype = "expulsion_from_organization"
    if ctype == "deportation" and obj is None and origin is None and place is None and not org_subj:
        ctype = "expulsion_from_organization"  # "was expelled in 1927": a body, not a country, is the usual sense

    if place is not None and org_subj and (place.entity_id or place.text) in {m.entity_id or m.text for m in org_subj}:
        place = None  # "Venezuela declaró su independencia": the subject, not a place
    if ctype not in PLACE_TYPES and ctype != "deportation":
        place = None  # a committee expulsion has no place of its own ("... of the USSR")

    # --- subject
    role: Optional[_roles.RoleSubject] = None
    subj_ments: list[Mention] = []
    subj_text = ""
    how = "mention"
    active = not lex.passive.search(text[max(cstart, trig.start - 14) : trig.start])
    exclude: set[str] = set()
    # "l'impératrice fait inhumer le starets", "had him buried": the one acted on
    caus = _causative(lex, text, trig, cstart, ments) if ctype in PATIENT_TYPES or ctype in _syntax.PATIENT_EXTRA else None
    # the dependency parse (en, fr): subject, passive patient, conjuncts, titles
    syn = None if caus is not None else _syntax.subject(sent, lex.lang, trig, ctype, ments, PATIENT_TYPES, THING_TYPES | GROUP_TYPES)
    if caus is not None:
        if caus.mentions:
            subj_ments = caus.mentions
        else:
            subj_text, how = caus.text, "topic"
            exclude = set(caus.causers)
            if caus.role and not caus.regnal:
                # a starets, a general: not a person with a regnal number
                exclude |= {m.label or m.text for m in sal.seen + ments
                            if m.kind == "person" and _roles.REGNAL_NAME.search(m.label or m.text)}
    if syn is not None:
        if syn.how == "mention":
            subj_ments = syn.mentions
        else:
            subj_text, how = syn.text, "topic"
            # not the verb's agent or object ("he was replaced ... by Frunze")
            exclude = {m.label or m.text for m in syn.exclude} | {
                m.label or m.text
                for m in ments
                if m.kind == "person" and trig.end <= m.start < sent.end
                and (m.start - trig.end <= 3 or _oblique(lex, text, m) or lex.agent.search(text, max(trig.end, m.start - 6), m.start))
                and _clause_breaks(lex, text, 0, trig.end, m.start) == 0
            }
        if ctype == "attack" and obj is None and syn.agent is not None:
            obj = syn.agent  # the attacker
        elif obj is None and syn.object is not None and "person" in OBJECT_KINDS.get(ctype, ()):
            obj = syn.object  # "X married Y": Y
    if info.until:
        # "el calendario juliano, el que regía en Rusia hasta 1918": the place it held in
        held = [m for m in ments if m.kind == "place" and sent.start <= m.start < sent.end
                and _clause_breaks(lex, text, 0, min(m.end, trig.start), max(m.start, trig.end)) <= 1]
        if held:
            subj_ments = [min(held, key=lambda m: abs(m.start - trig.start))]
        syn = None
    if org_subj:
        subj_ments = org_subj
    if syn is None and caus is None and ctype in PATIENT_TYPES and active and not subj_ments:
        nxt = text[trig.end : trig.end + 40]
        pm = lex.pronoun_object.match(nxt.lstrip())
        if pm and _roles.role_phrase_at(lex.lang, nxt.lstrip()):
            pm = None  # "murió la poeta": an article, not a pronoun
        # Romance clitics stand before the verb: "lo apuñaló", "l'attire", "lo uccise"
        clitic = None
        if not _is_weak(text, trig):  # weak triggers are mostly nouns: "la masacre" has an article
            clitic = re.search(r"(?:^|\s)(" + lex.pronoun_object.pattern + r")\s*$", text[max(cstart, trig.start - 12) : trig.start], re.IGNORECASE)
            # after a preposition it is an article ("hasta la muerte"), not a pronoun
            lead = text[max(0, trig.start - 40) : max(cstart, trig.start - 12) + clitic.end(1)] + " " if clitic else ""
            if clitic and lex.oblique_before.search(lead):
                clitic = None
        direct = [m for m in ments if m.kind == "person" and trig.end <= m.start <= trig.end + 3]
        if direct:
            subj_ments = [direct[0]]
        elif pm or clitic:
            subj_text = (pm or clitic).group(0).strip()
            how = "topic"
            # "Guseva stabbed him": him is not Guseva
            exclude = {m.label or m.text for m in _persons_before(lex, text, ments, cstart, trig.start)}
    if not subj_ments and how == "mention" and lex.capitalised_nouns and trig.text[:1].isupper():
        # "Hegels Tod", "nach Bismarcks Entlassung": a name with a genitive -s before a noun trigger
        sax = _saxon_genitive(text, cstart, trig, ments) or _genitive_after(text, trig, ments)
        if sax is not None:
            subj_ments = [sax]
    if not subj_ments and how == "mention" and ctype in ("award", "appointment") and lex.dative is not None \
            and lex.dative.match(trig.text):
        # "il premio fu conferito a X e Y", "o prémio foi atribuído a X": the receivers
        brk = re.search(r"[;:.!?]", text[trig.end : sent.end])
        stop = trig.end + brk.start() if brk else sent.end
        after = [m for m in ments if m.kind == "person" and trig.start < m.start < min(stop, trig.end + 80)]
        first = next((m for m in after if lex.dative_before.search(text, max(trig.start, m.start - 6), m.start)), None)
        if first is not None and not _clause_breaks(lex, text, 0, trig.end, first.start):
            subj_ments = [first]
            for m in after[after.index(first) + 1 :]:
                if not _only_joiners(lex, text[subj_ments[-1].end : m.start]):
                    break
                subj_ments.append(m)
    if not subj_ments and how == "mention":
        inc = None
        for m in lex.including.finditer(text, sent.start, sent.end):
            if trig.end <= m.start() <= d.end + 40 or (d.start >= trig.end and m.start() < d.start):
                inc = m
        if inc is not None:
            after_inc = [m for m in ments if m.kind == "person" and inc.end() <= m.start <= inc.end() + 4]
            if after_inc:
                subj_ments = [after_inc[0]]
    if not subj_ments and how == "mention":
        if ctype in THING_TYPES or ctype in GROUP_TYPES:
            over = [m for m in ments if m.start <= trig.start < m.end or trig.start <= m.start < trig.end]
            things = over or [
                m for m in ments
                if m.kind in ("organization", "place", "work", "other") + (("person",) if ctype in GROUP_TYPES else ())
                and sent.start <= m.start and m.end <= trig.start and not _oblique(lex, text, m)
            ]
            if not things and active and not lex.verb_final:
                # "Pablo Iglesias fundó el Partido Socialista": the body is the verb's object
                things = [
                    m for m in ments
                    if m.kind in ("organization", "work", "other") and trig.end <= m.start <= trig.end + 5
                    and not _oblique(lex, text, m)
                ][:1]
            if not things and lex.verb_final:
                # "1953 erhielt Chemnitz den Namen ...": verb second, the subject right after the verb
                things = [
                    m for m in ments
                    if m.kind in ("organization", "place", "work", "other") and trig.end <= m.start <= trig.end + 3
                ][:1]
            if things:
                subj_ments = [things[-1]]
        if not subj_ments:
            # "the execution of Rakovsky", "la publicación de la autobiografía de Trotsky"
            owner = next(
                (
                    m for m in ments
                    if m.kind == "person" and trig.end <= m.start <= trig.end + 45
                    and lex.genitive_end.match(text[trig.end : m.start])
                ),
                None,
            )
            if owner is not None and not _persons_before(lex, text, ments, cstart, trig.start):
                subj_ments = [owner]
        if not subj_ments and syn is None and (ctype in PATIENT_TYPES or ctype in _syntax.PATIENT_EXTRA):
            # "la conjura que acabó con la vida del stárets", "la muerte del rey": a role
            # noun the event belongs to
            gen = _genitive_role(lex, text, trig)
            if gen is not None:
                subj_text, how = gen[0], "topic"
                # the ones named with the deed before it ("organizó con X y Y la conjura que ...")
                exclude = {m.label or m.text for m in _persons_before(lex, text, ments, sent.start, trig.start)
                           if _clause_breaks(lex, text, 0, m.end, trig.start) <= 1}
                if cstart > sent.start:
                    # in a relative clause, the main clause's unnamed subject (the text's
                    # topic) did the deed; it is not the one it was done to
                    top = sal.topic()
                    if top is not None and not any((m.label or m.text) == top for m in ments if m.start < trig.start):
                        exclude.add(top)
                if not gen[1]:
                    exclude |= {m.label or m.text for m in sal.seen + ments
                                if m.kind == "person" and _roles.REGNAL_NAME.search(m.label or m.text)}
        if not subj_ments and syn is None and ctype not in THING_TYPES and ctype not in GROUP_TYPES \
                and not _persons_before(lex, text, ments, cstart, trig.start):
            # "el rey abdicó", "1918 dankte der Kaiser ab": a role noun as subject (no parse)
            role = _roles.role_subject(
                lex.lang, text, sent.start, sent.end, cstart, trig.start, trig.end, ments,
                lex.verb_final or ctype in _INTRANSITIVE or not active, lex.capitalised_nouns, lex.pronoun_subject,
            )
            if role is not None and lex.pronoun_subject.search(text, cstart, trig.start):
                role = None
            if role is not None:
                subj_text, how = role.text, "topic"
                exclude = _acted_on(lex, text, ments, trig, sent.end)
        if not subj_ments and how == "mention":
            group = _persons_before(lex, text, ments, cstart, trig.start)
            if group and lex.verb_final:
                # "Clara Wieck hat 1840 Robert Schumann geheiratet": the verb closes the clause,
                # so the person nearest it is its object; the first one is the subject
                first = _persons_before(lex, text, ments, cstart, group[0].start)
                while first:
                    group, first = first, _persons_before(lex, text, ments, cstart, first[0].start)
            if lex.relative is not None and _persons_before(lex, text, ments, sent.start, trig.start):
                # "Camillo Golgi, che nel 1906 aveva condiviso il premio con Cajal, morì a Pavia":
                # the main verb after a closed relative clause belongs to the name before it
                rel = lex.relative.search(text, sent.start, trig.start)
                if rel is not None:
                    ante = [m for m in ments if m.kind == "person" and sent.start <= m.start and m.end <= rel.start()
                            and not text[m.end : rel.start()].strip()]
                    if ante and not _persons_before(lex, text, ments, sent.start, ante[-1].start):
                        group = [ante[-1]]
            if not group and cstart > sent.start and not lex.pronoun_subject.search(text, cstart, trig.start):
                # a relative or parenthetical clause: its subject is the name before it
                group = _persons_before(lex, text, ments, sent.start, cstart)
            pron = None
            # (a trigger phrase may hold its own pronoun: "for which he won")
            for m in lex.pronoun_subject.finditer(text, cstart, trig.end):
                pron = m
            if pron is None:
                for m in lex.pronoun_possessive.finditer(text, cstart, trig.start):
                    pron = m
            if pron is not None and pron.start() >= trig.start:
                group = []  # the trigger's own pronoun is its subject
            if not group and pron is None and (lex.verb_final or ctype in _INTRANSITIVE or not active):
                group = _persons_after(lex, text, ments, trig, sent.end)
                if group and lex.verb_final and active and ctype in PATIENT_TYPES:
                    # verb second, subject then object: "1933 ernannte Hindenburg Hitler zum Kanzler"
                    obj2 = next((m for m in ments if m.kind == "person" and m.start > group[-1].end
                                 and _OBJECT_GAP.fullmatch(text[group[-1].end : m.start])), None)
                    if obj2 is not None:
                        group = [obj2]


            if not group and pron is None:
                group = _after_fronted_participle(lex, text, ments, trig, sent)
            if group and (pron is None or group[-1].end > pron.start()):
                subj_ments = group
            elif pron is not None:
                subj_text, how = pron.group(0), "topic"
            else:
                how = "topic"
            if how == "topic":
                # "he was replaced ... by Frunze": he is not Frunze
                # (only an agent or object of this verb: after a preposition, or right after it)
                exclude = _acted_on(lex, text, ments, trig, sent.end)
    claims_subjects: list[tuple[str, str, Optional[str]]] = []
    if subj_ments:
        for m in subj_ments:
            label = m.label or m.text
            if lex.capitalised_nouns and m.entity_id is None and m.start >= trig.end and trig.text[:1].isupper() \
                    and _GENITIVE_GAP.fullmatch(text[trig.end : m.start]):
                label = _genitive_base(label)  # "der Tod Friedrich Schillers": Friedrich Schiller
            claims_subjects.append((label, m.text, m.entity_id))
    else:
        marked = [
            m for m in _sentence_persons(ments, sent.start, trig.start)
            if lex.topic_marker_end.search(text[max(sent.start, m.start - 30) : m.start])
        ]
        here = marked + [m for m in _sentence_persons(ments, sent.start, trig.start) if not _oblique(lex, text, m)]
        subjects = marked or [m for m in here if _subject_position(lex, text, m)]
        if syn is not None and syn.how == "title":  # "the Tsar", "le roi": the last holder named
            before = sal.seen + [m for m in ments if m.kind == "person" and m.end <= trig.start]
            topic = _syntax.resolve_title(syn, sal, before, exclude)
            if syn.fits_regnal and not any(_syntax.REGNAL.search(m.label or m.text) for m in before if m.kind == "person"):
                # no ruler named before: "the Tsar" on that date ("the Tsar" in December 1916)
                topic = _rulers.ruler(lex.lang, syn.text.split()[-1], d.edtf) or topic
        elif role is not None:  # "el rey", "la poeta", "der Kaiser": the last person named that fits
            before = sal.seen + [m for m in ments if m.kind == "person" and m.end <= trig.start]
            topic = None
            if role.regnal and not any(_roles.REGNAL_NAME.search(m.label or m.text) for m in before):
                topic = _rulers.ruler(lex.lang, role.noun, d.edtf)
            if topic is None:
                topic = _roles.resolve_role(
                    role, lambda skip: sal.topic(here, exclude=exclude | skip, lead=subjects[-1] if subjects else None),
                    before, exclude, sal.genders, sal.role_nouns, source.sentence_at,
                )
        elif marked and (marked[-1].label or marked[-1].text) not in exclude:
            # "Quant à Youssoupov, il quitte ...": the marked topic, however salient another is
            topic = marked[-1].label or marked[-1].text
        elif (
            not here and sal.prev_subject and sal.prev_subject not in exclude
            and lex.pronoun_subject.match(text, sent.start + len(text[sent.start:trig.start]) - len(text[sent.start:trig.start].lstrip()))
        ):
            # "Quant à Youssoupov, il quitte la Russie. Il publie ...": a pronoun opening the
            # sentence continues the subject of the sentence before
            topic = sal.prev_subject
        elif (
            subj_text and lex.pronoun_possessive.fullmatch(subj_text) and subjects
            and (subjects[-1].label or subjects[-1].text) not in exclude and _syntax.is_subject(sent, subjects[-1])
        ):
            # "X fled Russia in 1919, and his book came out in 1927": a possessive's
            # antecedent is the subject named before it in the sentence
            topic = subjects[-1].label or subjects[-1].text
        else:
            # the lead is the last subject the pronoun or role may mean
            free = [m for m in subjects if (m.label or m.text) not in exclude]
            topic = sal.topic(here, exclude=exclude, lead=free[-1] if free else None)
        if topic is not None:
            claims_subjects.append((topic, subj_text, sal.ids.get(topic) or _registry_id(topic)))
        elif ctype in THING_TYPES or ctype in GROUP_TYPES:
            # "Il Partito Nazionale Fascista venne sciolto": an unrecognised name of a body
            named = _named_thing(lex, text, trig, cstart, sent.end, ments, ctype)
            if named is not None:
                claims_subjects.append((named, named, None))
        confidence -= 0.15

    # --- report, facet, manner
    reported = False
    for m in lex.report.finditer(text, sent.start, sent.end):
        if (m.start() >= trig.end and m.end() <= d.start) or (m.end() <= d.start and d.start - m.end() <= 40):
            reported = True
        if lex.report_dates and (
            (d.end <= m.start() and m.end() <= trig.start and _clause_breaks(lex, text, 0, d.end, m.start()) == 0)
            or (m.end() <= d.start and d.start - m.end() <= 6 and d.end <= trig.start)
        ):
            # "O Século noticiou a 6 de outubro de 1910 que a República tinha sido proclamada":
            # the date is the report's, not the event's
            return []
    facet = None
    for name, pat in lex.facets.items():
        if pat.search(text, max(cstart, trig.start - 30), min(sent.end, trig.end + 5)):
            facet = name
            break
    manner = None
    for name, pat in info.manner.items():
        if pat.search(trig.text):
            manner = name
    # far from the date: less sure
    dist = d.start - trig.end if trig.end <= d.start else trig.start - d.end
    confidence -= min(0.2, dist / 1000)

    evidence = _evidence(source, sent, d)
    if info.until:
        evidence["date"] = d.edtf[3:]  # "hasta 1918": the old calendar ended then
    obj_label = (obj.label or obj.text) if obj else ((origin.label or origin.text) if origin and ctype == "deportation" else office)
    obj_id = obj.entity_id if obj else (origin.entity_id if origin and ctype == "deportation" else None)
    out = []
    for subject, stext, sid in claims_subjects:
        out.append(
            Claim(
                id="",
                type=ctype,
                subject=subject,
                subject_text=stext,
                object=obj_label,
                place=(place.label or place.text) if place else None,
                confidence=round(max(0.05, min(1.0, confidence)), 2),
                facet=facet,
                trigger=trig.text,
                subject_id=sid,
                object_id=obj_id,
                place_id=place.entity_id if place else None,
                reported=reported,
                manner=manner,
                **evidence,
            )
        )
    # "replaced as commissar by Frunze": the agent takes the office.
    if info.agent_gets:
        for m in lex.agent.finditer(text, trig.end, min(sent.end, trig.end + 160)):
            agents = [p for p in ments if p.kind == "person" and m.end() <= p.start <= m.end() + 3]
            if agents:
                a = agents[0]
                out.append(
                    Claim(
                        id="", type=info.agent_gets, subject=a.label or a.text, subject_text=a.text,
                        object=obj_label, place=None, confidence=round(max(0.05, confidence - 0.1), 2), facet=None,
                        trigger=trig.text, subject_id=a.entity_id, object_id=obj_id, **evidence,
                    )
                )
                break
    return out
