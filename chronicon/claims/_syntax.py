"""Subjects and date attachment from the spaCy dependency parse (en, fr).

The claims stage finds triggers and dates with the lexicons and rules of
``_extract``; where a spaCy pipeline with a parser exists for the sentence's
language (see ``entities._mentions.parse_sentences``: one parse per sentence,
shared with NER), this module reads the parse to answer two questions:

* which trigger a date belongs to: the date's verb, walking up its heads; a date
  in a relative or adverbial clause belongs to that clause's trigger, never to
  the main verb's (``date_trigger``);
* who the trigger's main participant is: its grammatical subject, the patient of
  a passive (``nsubj:pass``) or of an active verb of harm ("X killed Y"), with
  the subject's conjuncts ("X and Y were arrested"), a relative pronoun's
  antecedent, a shared subject of coordinated verbs, and generic titles or
  descriptions ("the Tsar", "le roi", "the former commissar") resolved to the
  last-mentioned person that fits (``subject``).

Every function returns None when the parse gives no clear answer; the caller
then keeps its rule path. Nothing here is specific to one text: the only
language data are the dependency label names of the two Universal-Dependencies
styles (ClearNLP for English, UD for French) and the title words in
``data/<lang>.yaml`` (``syntax: titles``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..entities._mentions import sentence_doc
from ._lexicon import lexicon_data

SUBJ = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubj:pass"}
PASS_SUBJ = {"nsubjpass", "nsubj:pass", "csubj:pass"}
PASS_AUX = {"auxpass", "aux:pass"}
OBJ = {"dobj", "obj"}
AGENT = {"agent", "obl:agent"}
#: Dependents that open a clause of their own: a date inside one belongs to it.
CLAUSE_DEPS = {
    "ROOT", "conj", "advcl", "relcl", "acl:relcl", "ccomp", "xcomp", "csubj", "parataxis", "acl", "advcl:cleft",
}
#: Types whose active verb's object (a person or a pronoun) is the participant:
#: "police found him", "l'impératrice fait inhumer le starets".
PATIENT_EXTRA = frozenset({"burial", "exhumation", "discovery"})
#: Clauses a date may leave for the verb that governs them ("was forced to leave in 1929").
CLIMB_DEPS = {"xcomp"}
REL_PRON = re.compile(r"^(?:who|whom|which|that|qui|que|lequel|laquelle|lesquels|lesquelles)$", re.IGNORECASE)
#: Roman numerals of a regnal name ("Pius IX", "Charles X"): such a person fits a royal or papal title.
REGNAL = re.compile(r"\b[IVXL]+\b|\b(?:Pope|Queen|King|Emperor|Empress|Tsar|Czar|Pape|Roi|Reine|Empereur|Tsarine)\b")


@dataclass
class Subject:
    """What the parse says about a trigger's participants."""

    #: Person (or, for things, any) mentions that are the subject, with their conjuncts.
    mentions: list = field(default_factory=list)
    #: A pronoun or a title standing as subject ("he", "the Tsar"): resolve by salience.
    text: str = ""
    #: "mention", "topic" (pronoun) or "title".
    how: str = "mention"
    #: Persons the pronoun or title cannot mean (the verb's agent or object).
    exclude: list = field(default_factory=list)
    #: The agent of a passive or the subject of an active verb of harm (the attacker).
    agent: Optional[object] = None
    #: For a title: persons whose name fits it (a regnal name for "the king").
    fits_regnal: bool = False
    #: The person the verb acts on when the subject is the actor ("X married Y": Y).
    object: Optional[object] = None


@lru_cache(maxsize=None)
def _syntax_words(lang: str, key: str) -> frozenset:
    """A word list of the ``syntax:`` section of the language's lexicon, lower-cased."""
    return frozenset(w.lower() for w in (lexicon_data(lang).get("syntax") or {}).get(key, []))


def _titles(lang: str) -> frozenset:
    return _syntax_words(lang, "titles")


def _regnal_titles(lang: str) -> frozenset:
    return _syntax_words(lang, "regnal_titles")


def _doc(sent):
    return sentence_doc(sent)


def release(source) -> None:
    """Drop the parses kept on the sentences once the claims are made (a corpus of
    thousands of documents would otherwise keep every spaCy Doc in memory)."""
    for s in source.sentences:
        if getattr(s, "_doc", None) is not None:
            s._doc = None


def _span_root(doc, base: int, a: int, b: int):
    """The token of the char span [a, b) whose head lies outside it (the span's head)."""
    toks = [t for t in doc if a <= base + t.idx < b or (base + t.idx < a < base + t.idx + len(t))]
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    if not heads:
        return toks[0]
    # the highest one (fewest ancestors)
    return min(heads, key=lambda t: sum(1 for _ in t.ancestors))


def _is_clause_head(t) -> bool:
    if t.dep_ == "ROOT":
        return True
    return t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX")


def _clause_head(t):
    """The verb of the clause ``t`` stands in (itself when it heads one)."""
    while not _is_clause_head(t):
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _token_trigs(doc, base: int, trigs) -> dict:
    out = {}
    for tr in trigs:
        r = _span_root(doc, base, tr.start, tr.end)
        if r is not None and r.i not in out:
            out[r.i] = tr
    return out


NO_TRIGGER = object()


def _anchors(lang: str) -> frozenset:
    return _syntax_words(lang, "anchors")


def date_trigger(sent, d, trigs, is_weak, lang: str = "en"):
    """The trigger the date ``d`` belongs to by the parse: a trigger on the date's
    path up to its clause's verb, else the clause verb's own trigger, else the
    nearest trigger of that clause; a date that opens its clause (before the verb)
    also dates the verbs coordinated with it. ``NO_TRIGGER`` when the date's clause
    holds no trigger; None when there is no parse or the date cannot be placed."""
    doc = _doc(sent)
    if doc is None or not trigs:
        return None
    base = sent.start
    dt = _span_root(doc, base, d.start, d.end)
    if dt is None:
        return None
    tmap = _token_trigs(doc, base, trigs)
    if not tmap:
        return None
    # on the way up: a trigger word the date depends on ("the assassination ... in 1934")
    anchors = _anchors(lang)
    tok = dt
    noun = False  # a noun (not a trigger) passed on the way up
    while True:
        if tok.i != dt.i and tok.text.lower() in anchors and noun:
            # "After the Battle of Waterloo in June 1815, he was exiled": the date is the
            # battle's; "according to the Daily Mail of 3 May 1945": the newspaper's
            return NO_TRIGGER
        if tok.i != dt.i and tok.i in tmap:
            return tmap[tok.i]
        if tok.i != dt.i and _is_clause_head(tok):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in tmap and not _is_clause_head(tok):
            noun = True
            if any(c.dep_ == "case" and c.text.lower() in anchors for c in tok.children):
                return NO_TRIGGER  # UD: the preposition hangs on its noun ("après la bataille de X en 1815")
    verb = tok
    if verb.pos_ not in ("VERB", "AUX"):
        return None  # the parse went wrong ("Victor Hugo meurt" read as one name): keep the rules
    for _ in range(4):
        if verb.i in tmap:
            return tmap[verb.i]
        if dt.i < verb.i:
            # "On 29 December he was lured ... and killed": a fronted date dates the
            # verbs coordinated with its own
            conj = [c for c in verb.subtree if c.dep_ == "conj" and _clause_head(c.head).i == verb.i and c.i in tmap]
            if conj:
                return tmap[conj[0].i]
        if any(_clause_head(doc[i]).i == verb.i for i in tmap):
            # a noun trigger in the clause but not on the date's path ("reported his
            # death on 3 January", "was lured ... with the promise of meeting"): the
            # rules know these constructions better
            return None
        if (verb.dep_ in CLIMB_DEPS or _infinitive(verb)) and verb.head.i != verb.i:
            # "was forced to leave in 1929", "reconciliation with X to oppose Y in 1926"
            tok = verb.head
            while tok.head.i != tok.i and tok.i not in tmap and not _is_clause_head(tok):
                tok = tok.head
            if tok.i in tmap:
                return tmap[tok.i]
            verb = tok
            continue
        break
    return NO_TRIGGER


def _infinitive(v) -> bool:
    return "Inf" in v.morph.get("VerbForm") or (v.tag_ == "VB" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in v.children))


def _mention_at(ments, base: int, tok, kinds=("person",)):
    pos = base + tok.idx
    for m in ments:
        # a name only the parse found may be a person NER called an organisation ("Nicola Sacco")
        if (m.kind in kinds or (m.how == "parse" and "person" in kinds)) and m.start <= pos < m.end:
            return m
    return None


def _mention_for(ments, base: int, tok, kinds=("person",)):
    """The mention at ``tok``, or at the name it introduces ("le général Charles de
    Gaulle", "the painter Diego Rivera", "le roi Alexandre Ier")."""
    m = _mention_at(ments, base, tok, kinds)
    if m is None and tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("appos", "flat:name", "flat", "compound") + (("nmod",) if kinds == ("person",) else ()) \
                    and c.pos_ == "PROPN" and c.i > tok.i:
                m = _mention_at(ments, base, c, kinds)
                if m is not None:
                    break
    if m is None and kinds != ("person",) and tok.pos_ == "NOUN":
        # "the town of Gatchina", "la ville de Gatchina": the name the noun introduces
        for c in tok.children:
            g = None
            if c.dep_ == "prep" and c.text.lower() == "of":
                g = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ == "PROPN"), None)
            elif c.dep_ == "nmod" and c.pos_ == "PROPN" and any(x.dep_ == "case" and x.text.lower() in ("de", "d'", "d’") for x in c.children):
                g = c
            if g is not None and g.i > tok.i:
                m = _mention_at(ments, base, g, kinds)
                if m is not None:
                    break
    return m


def _owner(ments, base: int, tok):
    """The person a noun belongs to ("Rasputin's coffin", "his body"): the possessive token."""
    for c in tok.children:
        if c.dep_ in ("poss", "nmod:poss") and (_mention_at(ments, base, c) is not None or c.pos_ == "PRON"):
            return c
    return None


def _conjuncts(tok) -> list:
    """``tok`` and the names coordinated with it ("X and Y", "X, Y et Z"); a conjunct
    may hang on the last word of a name ("Louis XVI et Marie-Antoinette")."""
    out = [tok]
    heads = [tok] + [c for c in tok.children if c.dep_ in ("flat:name", "flat", "compound", "appos") and c.i > tok.i]
    for h in heads:
        for c in h.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.extend(_conjuncts(c))
    return out


def _passive(v) -> bool:
    return any(c.dep_ in PASS_AUX or c.dep_ in PASS_SUBJ for c in v.children)


def _participle(v) -> bool:
    return v.tag_ == "VBN" or "Part" in v.morph.get("VerbForm")


def _agent_of(v):
    for c in v.children:
        if c.dep_ == "agent":  # English: by -> pobj
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        elif c.dep_ == "obl:agent":
            return c
    return None


def _args(v, depth: int = 0):
    """(subject token, object token, agent token, passive) of the verb ``v``, with a
    subject shared from the verb it is coordinated with or depends on."""
    subj = next((c for c in v.children if c.dep_ in SUBJ), None)
    obj = next((c for c in v.children if c.dep_ in OBJ), None)
    agent = _agent_of(v)
    if agent is None:  # "was shot and wounded by X": the agent is shared by the coordinated verbs
        agent = next((a for a in (_agent_of(c) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB") if a is not None), None)
    passive = _passive(v)
    if subj is None and depth < 3 and v.head.i != v.i:
        h = v.head
        if v.dep_ == "conj":
            hs, ho, ha, hp = _args(h, depth + 1)
            subj = hs
            if not passive and hp and _participle(v):
                passive = True  # "was arrested and shot"
        elif v.dep_ in ("xcomp",):
            hs, ho, _, _ = _args(h, depth + 1)
            subj = ho or hs  # "forced him to leave": him; "tried to escape": the subject
        elif v.dep_ in ("acl", "advcl", "obl:mod", "nmod") and _participle(v):
            # "Condemned for libel, Zola fled": a participle shares its verb's subject;
            # "a bomb thrown by X": a participle on a noun is about that noun
            if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN", "PRON"):
                subj = h
            else:
                hs, _, _, _ = _args(h, depth + 1)
                subj = hs
            passive = True
        elif v.dep_ in ("relcl", "acl:relcl"):
            subj = h
    if subj is None and v.dep_ == "ROOT":
        # the parse split the sentence in two ("Alfred Dreyfus, qui ..., est réhabilité"): the
        # name left as a root of its own before the verb is its subject
        roots = [t for t in v.doc if t.dep_ == "ROOT" and t.i < v.i and t.pos_ in ("PROPN", "NOUN")]
        if roots:
            subj = roots[-1]
    if subj is not None and v.dep_ in ("relcl", "acl:relcl") and REL_PRON.match(subj.text):
        subj = v.head  # "Dreyfus, who had been arrested": Dreyfus
    return subj, obj, agent, passive


def subject(sent, lang: str, trig, ctype: str, ments, patient_types, thing_types) -> Optional[Subject]:
    """The trigger's main participant by the parse, or None (keep the rules)."""
    doc = _doc(sent)
    if doc is None:
        return None
    base = sent.start
    v = _span_root(doc, base, trig.start, trig.end)
    if v is None:
        return None
    if v.pos_ == "NOUN" and not _participle(v):
        return _noun_subject(v, base, ments)
    if not (v.pos_ in ("VERB", "AUX") or (_participle(v) and v.pos_ in ("ADJ", "NOUN"))):
        return None
    subj, obj, agent, passive = _args(v)
    patient_types = patient_types | PATIENT_EXTRA
    agent_m = _mention_at(ments, base, agent) if agent is not None else None
    target = subj
    if ctype in patient_types and not passive and obj is not None:
        om = _mention_at(ments, base, obj)
        owner = _owner(ments, base, obj) if om is None else None
        if owner is not None:
            obj = owner  # "soldiers exhumed Rasputin's coffin": Rasputin
        if om is not None or owner is not None or (obj.pos_ == "PRON" and not REL_PRON.match(obj.text)):
            target = obj  # "X killed Y": Y; "X stabbed him": him
            agent = subj
            agent_m = _mention_at(ments, base, subj) if subj is not None else None
    if target is None:
        return None
    if ctype in PATIENT_EXTRA and _mention_at(ments, base, target) is None:
        target = _owner(ments, base, target) or target  # "Rasputin's body was found"
    out = Subject(agent=agent_m)
    if target is subj and obj is not None:
        out.object = _mention_for(ments, base, obj)
    others = [m for m in (agent_m,) if m is not None]
    found = []
    kinds = ("person",) if ctype not in thing_types else ("person", "organization", "place", "work", "other")
    for t in _conjuncts(target):
        m = _mention_for(ments, base, t, kinds)
        if m is not None and m not in found:
            found.append(m)
    if found:
        out.mentions = found
        return out
    low = target.text.lower()
    personal = _personal_pronoun(lang, target.text)
    if ctype in thing_types and not personal:
        return None
    if target.pos_ == "PRON" and not REL_PRON.match(target.text) and (personal or ctype not in thing_types):
        out.how, out.text = "topic", target.text
        out.exclude = others
        return out
    if target.pos_ in ("NOUN", "PROPN") and (low in _titles(lang) or _title_phrase(target, lang)):
        out.how, out.text = "title", " ".join(t.text for t in target.subtree if t.i <= target.i)
        out.exclude = others
        out.fits_regnal = low in _regnal_titles(lang)
        return out
    return None


def _personal_pronoun(lang: str, word: str) -> bool:
    """"he", "elle": a pronoun that stands for a person (not "it", "which")."""
    from ._lexicon import load_lexicon

    lex = load_lexicon(lang)
    return bool(lex.pronoun_subject.fullmatch(word) or lex.pronoun_object.fullmatch(word))


def _title_phrase(t, lang: str) -> bool:
    """"the former commissar", "l'ancien président du Conseil": a definite noun phrase
    whose head or its modifier is a title word."""
    titles = _titles(lang)
    if t.text.lower() in titles:
        return True
    return any(c.text.lower() in titles for c in t.children if c.dep_ in ("compound", "amod", "nmod"))


def resolve_title(subj: Subject, sal, ments_before, exclude_labels) -> Optional[str]:
    """The person a title or description means: the last-mentioned person that fits
    (a regnal name for "the king", "the Pope"), else the most salient one."""
    persons = [m for m in ments_before if m.kind == "person" and (m.label or m.text) not in exclude_labels]
    if subj.fits_regnal:
        for m in reversed(persons):
            if REGNAL.search(m.label or m.text):
                return m.label or m.text
        # No ruler named yet: the text's main person is not "the Tsar" just for being
        # salient (a biography of Rasputin that says "the Tsar left Mogilev").
        top = sal.topic(exclude=exclude_labels)
        named = [m for m in persons if (m.label or m.text) == top]
        return top if top is not None and any(_TITLED.search(m.text) for m in named) else None
    return sal.topic(exclude=exclude_labels)


#: A mention that carries a ruler's title or number ("Tsar Nicholas", "Louis XVI", "le roi Louis").
_TITLED = re.compile(r"\b(?:[IVXL]+(?:er|e)?|tsar|czar|tzar|king|queen|emperor|empress|pope|kaiser|sultan|shah|"
                     r"roi|reine|empereur|impératrice|pape|tsarine)\b", re.IGNORECASE)
_THING_ENTS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}  # not MISC: the French model gives it to persons
_CONNECT = {"of", "de", "du", "des", "d'", "d’", "von", "van", "der", "la", "le"}
_ROMAN = re.compile(r"^[IVXL]+(?:er|e)?$")


def _name_span(t, doc):
    """The proper name around token ``t`` inside its phrase: capitalised words, regnal
    numerals and the small words between them ("League of Nations", "Pius IX")."""
    sub = {x.i for x in t.subtree}

    def name_word(x):
        # the parse may split one name into two roots ("Victor Hugo meurt"): adjacent proper nouns join
        return (x.i in sub or x.pos_ == "PROPN") and (x.text[:1].isupper() or _ROMAN.match(x.text)) \
            and x.pos_ in ("PROPN", "NOUN", "ADJ", "NUM")

    a = b = t.i
    while a - 1 >= 0 and a - t.i > -6:
        x = doc[a - 1]
        if name_word(x):
            a -= 1
        elif x.text.lower() in _CONNECT and x.i in sub and a - 2 >= 0 and name_word(doc[a - 2]) and x.dep_ not in ("det",):
            a -= 2
        else:
            break
    while b + 1 < len(doc) and b - t.i < 6:
        x = doc[b + 1]
        if name_word(x):
            b += 1
        elif x.text.lower() in _CONNECT and b + 2 < len(doc) and name_word(doc[b + 2]):
            b += 2
        else:
            break
    return a, b


def subject_names(sent, lang: str, ments) -> list:
    """Proper names that stand as the subject of a verb in the parse but that neither
    the gazetteer nor NER found ("Napoleon escaped", "Lord Byron sailed"): a person,
    or an organisation when the name holds a small word ("League of Nations")."""
    from ..entities import default_registry
    from ..model import Mention

    doc = _doc(sent)
    if doc is None:
        return []
    base = sent.start
    titles = _titles(lang)
    out = []
    for t in doc:
        if t.pos_ == "NOUN" and t.dep_ in SUBJ and t.text.lower() in titles:
            # "Le capitaine Dreyfus fut condamné": the name after the title
            t = next((c for c in t.children if c.dep_ in ("flat:name", "flat", "appos", "nmod", "compound")
                      and c.pos_ == "PROPN" and c.i == t.i + 1), t)
            if t.pos_ != "PROPN":
                continue
            if not any(m.start <= base + t.idx < m.end for m in ments):
                x = t
                a, b = _name_span(x, doc)
                s, e = base + doc[a].idx, base + doc[b].idx + len(doc[b])
                if not any(m.start < e and s < m.end for m in list(ments) + out):
                    text = doc.text[doc[a].idx : doc[b].idx + len(doc[b])]
                    ent = default_registry().resolve(text)
                    out.append(Mention(start=s, end=e, text=text, kind="person", entity_id=ent.id if ent else None,
                                       label=ent.label if ent else text, how="parse"))
            continue
        if t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP"):
            continue
        antecedent = any(c.dep_ in ("relcl", "acl:relcl") and any(g.dep_ in SUBJ and REL_PRON.match(g.text) for g in c.children)
                         for c in t.children)
        # a subject; the antecedent of "who"/"qui"; a name the parse left as a root of its own
        if not (t.dep_ in SUBJ or antecedent or (t.dep_ == "ROOT" and t.i == 0)):
            continue
        for x in _conjuncts(t):
            if x.pos_ != "PROPN":
                continue
            a, b = _name_span(x, doc)
            s, e = base + doc[a].idx, base + doc[b].idx + len(doc[b])
            inside = [m for m in ments if m.start < e and s < m.end]
            if any(m.start < e and s < m.end for m in out):
                continue
            if inside:
                # "Rosa Luxemburg" read as the country: a longer name NER calls a person wins
                # over a shorter place or organisation inside it
                if not (x.ent_type_ in ("PERSON", "PER") and all(
                        m.kind in ("place", "organization") and s <= m.start and m.end <= e and (m.end - m.start) < (e - s)
                        for m in inside)):
                    continue
            words = [w.text for w in doc[a : b + 1]]
            if all(w.lower() in titles for w in words):
                continue
            if any(w.ent_type_ in ("ORDINAL", "CARDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT") for w in doc[a : b + 1]):
                continue  # "Sixth Symphony"
            if any(c.dep_ in ("poss", "nmod:poss") for c in x.children):
                continue  # "Tchaikovsky's Symphony": a thing someone has
            text = sent_text = " ".join(words) if False else doc.text[doc[a].idx : doc[b].idx + len(doc[b])]
            kind = "person"
            # "Pius IX", "Duke of Wellington", "Prince of Wales": persons
            regnal = any(_ROMAN.match(w) for w in words[1:]) or words[0].lower() in _regnal_titles(lang)
            if any(w.lower() in _CONNECT for w in words[1:-1]) or (len(words) > 1 and x.ent_type_ in _THING_ENTS and not regnal):
                kind = "organization"  # "League of Nations", "The Manchester Guardian"
            ent = default_registry().resolve(text)
            out.append(Mention(start=s, end=e, text=sent_text, kind=ent.kind if ent else kind,
                               entity_id=ent.id if ent else None, label=ent.label if ent else text, how="parse"))
    return out


def with_subject_names(sent, lang: str, ments: list) -> list:
    """``ments`` plus the names of :func:`subject_names`, without the shorter mentions
    those names contain."""
    add = subject_names(sent, lang, ments)
    if not add:
        return ments
    keep = [m for m in ments if not any(a.start <= m.start and m.end <= a.end for a in add)]
    return keep + add


def _noun_subject(n, base: int, ments) -> Optional[Subject]:
    """A noun trigger that is the object of a verb ("X survived the attack", "X gave a
    speech", "X échappe à l'attentat"): the verb's subject, when it names a person.
    Other noun triggers ("the execution of X") are left to the rules."""
    if n.dep_ not in ("dobj", "obj", "obl", "obl:arg", "pobj"):
        return None
    if any(c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]) for c in n.children):
        return None  # "reported his death": whose death the rules read from the possessive
    h = n.head
    if n.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    if h.pos_ != "VERB" or _passive(h):
        return None
    subj, _, _, _ = _args(h)
    if subj is None:
        return None
    found = [m for m in (_mention_for(ments, base, t) for t in _conjuncts(subj)) if m is not None]
    return Subject(mentions=found) if found else None


def _trigger_roots(sent, a, b):
    """The parse's root tokens of triggers ``a`` and ``b``, or None (no parse, or a
    trigger the parse cannot place)."""
    doc = _doc(sent)
    if doc is None:
        return None
    ta = _span_root(doc, sent.start, a.start, a.end)
    tb = _span_root(doc, sent.start, b.start, b.end)
    return None if ta is None or tb is None else (ta, tb)


def coordinated(sent, a, b) -> Optional[bool]:
    """Whether triggers ``a`` and ``b`` are coordinated verbs ("arrested and shot") by the
    parse; None without a parse. "nommé président du Conseil" is not coordination."""
    roots = _trigger_roots(sent, a, b)
    if roots is None:
        return None
    ta, tb = roots
    return (tb.dep_ == "conj" and tb.head.i == ta.i) or (ta.dep_ == "conj" and ta.head.i == tb.i)


def governs(sent, a, b) -> bool:
    """Trigger ``b`` is a dependent inside trigger ``a``'s own clause ("condamné à mort":
    mort is what condamné governs, not another event)."""
    roots = _trigger_roots(sent, a, b)
    if roots is None:
        return False
    ta, tb = roots
    return _clause_head(tb).i == ta.i or (tb.i != ta.i and any(x.i == ta.i for x in tb.ancestors) and not _is_clause_head(tb))


def verb_between(sent, a: int, b: int) -> bool:
    """A verb heading a clause of its own stands between offsets ``a`` and ``b``
    ("proclamée le 28 mars et écrasée en mai": écrasée)."""
    doc = _doc(sent)
    if doc is None:
        return False
    return any(
        a <= sent.start + t.idx < b and t.pos_ == "VERB" and t.dep_ in CLAUSE_DEPS and t.dep_ != "ROOT"
        for t in doc
    )


@lru_cache(maxsize=None)
def _cancelled(lang: str):
    pats = (lexicon_data(lang).get("syntax") or {}).get("cancelled") or []
    return re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.IGNORECASE) if pats else None


def cancelled(lang: str, text: str, trig, trigs, end: int) -> bool:
    """The event the trigger names is said not to have happened, later in its sentence
    and before any other trigger ("The invasion, planned for 1805, never took place")."""
    pat = _cancelled(lang)
    if pat is None:
        return False
    nxt = min([t.start for t in trigs if t.start >= trig.end] + [end])
    return pat.search(text, trig.end, nxt) is not None


def is_subject(sent, m) -> bool:
    """The mention ``m`` is the grammatical subject of a verb by the parse ("Felix Yusupov
    fled"); False without a parse or when it only modifies a noun ("the Gorbachev regime")."""
    doc = _doc(sent)
    if doc is None:
        return False
    r = _span_root(doc, sent.start, m.start, m.end)
    return r is not None and r.dep_ in SUBJ and r.head.pos_ in ("VERB", "AUX")

