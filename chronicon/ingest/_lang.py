"""Language identification: documents, sentences, and foreign runs inside sentences.

py3langid is restricted to the six supported languages plus common others, so
that a Russian or Chinese document is recognised as such (and refused with
E005) instead of being forced onto the nearest supported language.

py3langid is unreliable on a few words, so short sentences take the document
language unless the evidence is strong, and cheap function-word evidence
(``data/function_words/<iso>.txt``; only words exclusive to one language count)
backs every decision that moves text away from the document language.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chronicon.model import SUPPORTED_LANGS, Segment, Sentence

#: Languages py3langid may answer: the supported ones and common others.
CANDIDATE_LANGS = SUPPORTED_LANGS + (
    "ru", "uk", "bg", "be", "sr", "pl", "cs", "sk", "sl", "hr", "nl", "ca", "ro",
    "sv", "da", "no", "fi", "hu", "et", "lv", "lt", "tr", "el", "he", "ar", "fa",
    "ur", "hi", "bn", "zh", "ja", "ko", "th", "vi", "id", "ka", "hy",
)

#: Sentences with fewer words take the document language unless evidence is strong.
SHORT_WORDS = 6
#: Minimum words of a chunk (or run) cut out as a foreign segment.
RUN_MIN_WORDS = 4
CHUNK_MIN_WORDS = 5

_FW_DIR = Path(__file__).parent / "data" / "function_words"
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]")
_CHUNK_SPLIT = re.compile(r"[,;:()«»\"“”„\[\]—–]|(?<!\w)['‘’]|['‘’](?!\w)")

_lock = threading.Lock()
_ident = None


def _identifier():
    global _ident
    if _ident is None:
        with _lock:
            if _ident is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                known = set(ident.labels)
                ident.set_languages([c for c in CANDIDATE_LANGS if c in known])
                _ident = ident
    return _ident


def rank(text: str) -> list[tuple[str, float]]:
    """All candidate languages for ``text``, best first, with probabilities."""
    return _identifier().rank(text)


def identify_language(text: str) -> tuple[str, float]:
    """Language of ``text`` (ISO 639-1) and py3langid's confidence (0..1)."""
    sample = text[:20000]
    if not _LETTERS.search(sample):
        return "und", 0.0
    lang, p = _identifier().classify(sample)
    return lang, float(p)


def _supported_probs(ranked: list[tuple[str, float]]) -> dict[str, float]:
    """Probabilities renormalised over the supported languages only."""
    sup = {l: p for l, p in ranked if l in SUPPORTED_LANGS}
    total = sum(sup.values()) or 1.0
    return {l: p / total for l, p in sup.items()}


@lru_cache(maxsize=None)
def function_words() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(all function words per language, word -> the one language it is exclusive to)."""
    per: dict[str, frozenset[str]] = {}
    for lang in SUPPORTED_LANGS:
        path = _FW_DIR / f"{lang}.txt"
        words: set[str] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.startswith("#"):
                    words.update(w.lower() for w in line.split())
        per[lang] = frozenset(words)
    owner: dict[str, str] = {}
    for lang, words in per.items():
        others = set().union(*(w for l, w in per.items() if l != lang))
        for w in words - others:
            owner[w] = lang
    return per, owner


def fw_counts(text: str) -> dict[str, int]:
    """Exclusive function words per language in ``text``."""
    _, owner = function_words()
    counts: dict[str, int] = {}
    for w in _WORD.findall(text.lower()):
        l = owner.get(w)
        if l:
            counts[l] = counts.get(l, 0) + 1
    return counts


@dataclass
class _Guess:
    top: str
    p: float
    sup: dict[str, float]
    words: int
    chars: int


def _guess(text: str) -> _Guess:
    ranked = rank(text)
    top, p = ranked[0]
    return _Guess(top, p, _supported_probs(ranked), len(text.split()), len(text))


def document_language(guesses: list[_Guess], text: str) -> tuple[str, float]:
    """Majority language by characters over sentences (long ones when there are any)."""
    pool = [g for g in guesses if g.words >= SHORT_WORDS] or guesses
    votes: dict[str, float] = {}
    for g in pool:
        votes[g.top] = votes.get(g.top, 0.0) + g.chars * g.p
    if not votes:
        return identify_language(text)
    total = sum(votes.values()) or 1.0
    lang = max(votes, key=votes.get)
    share = votes[lang] / total
    if lang not in SUPPORTED_LANGS:
        # Make sure before refusing the document: the whole text must agree,
        # confidently, and be long enough for py3langid to be trusted.
        whole, p = identify_language(text)
        if whole in SUPPORTED_LANGS:
            return whole, p
        letters = _LETTERS.findall(text[:20000])
        latin = sum(1 for ch in letters if ch < "\u0250")
        # A few Latin-script words ("Berlin", "Moscú") cannot be judged: take the
        # closest supported language. Another script is evidence on its own.
        if latin and (p < 0.9 or len(letters) < 25):
            sup = _supported_probs(rank(text[:20000]))
            best = max(sup, key=sup.get)
            return best, sup[best]
    return lang, share


def sentence_language(g: _Guess, text: str, doc: str) -> str:
    """Language of one sentence, always one of SUPPORTED_LANGS (``doc`` when in doubt)."""
    if g.top not in SUPPORTED_LANGS:
        # Another script or an unsupported language: no stage has data for it.
        return doc
    best = max(g.sup, key=g.sup.get) if g.sup else doc
    if best == doc:
        return doc
    fw = fw_counts(text)
    if g.words < SHORT_WORDS:
        strong = g.p >= 0.95 and g.top == best and fw.get(best, 0) >= 2 and not fw.get(doc)
        return best if strong else doc
    if g.sup[best] >= 0.8 and fw.get(best, 0) >= fw.get(doc, 0) and (fw.get(best, 0) or g.sup[best] >= 0.95):
        return best
    return doc


def _logp(text: str, lang: str) -> float:
    sup = _supported_probs(rank(text))
    return math.log(max(sup.get(lang, 0.0), 1e-6))


@lru_cache(maxsize=None)
def _foreign_fw(lang: str) -> frozenset[str]:
    """Function words of the other supported languages that ``lang`` lacks."""
    per, _ = function_words()
    mine = per.get(lang, frozenset())
    return frozenset(set().union(*(w for l, w in per.items() if l != lang)) - mine)


def foreign_runs(text: str, start: int, end: int, lang: str) -> list[tuple[int, int, str]]:
    """Runs of another supported language inside the sentence ``text[start:end]``.

    The sentence is cut into chunks at commas, quotes, brackets, colons and
    semicolons. In each chunk of >= CHUNK_MIN_WORDS words, the function words
    of the sentence language that the other language lacks ("de", "la", "con"
    for Spanish against English) split it into windows; a window holding >= 2
    function words of the other language that the sentence language lacks
    ("the", "my", "in" against Spanish) is a candidate, and the run is the
    stretch of it with the best joint score P(run in L) * P(rest of the
    sentence in the sentence language), kept when py3langid gives the run to L
    with P >= 0.7. So in «la autobiografía de Trotsky My Life as reported in
    the Soviet Union in August 1929, con ...» the run is "My Life ... 1929".
    """
    per, owner = function_words()
    if lang not in per:
        return []
    sent = text[start:end]
    # Cheap pre-check: two function words of other languages that this one lacks.
    low = _WORD.findall(sent.lower())
    strange = _foreign_fw(lang)
    if len(low) < CHUNK_MIN_WORDS or sum(1 for w in low if w in strange) < 2:
        return []
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(sent)]
    mine = per[lang]
    runs: list[tuple[int, int, str]] = []
    bounds = [0] + [m.start() for m in _CHUNK_SPLIT.finditer(sent)] + [len(sent)]
    ti = 0
    for a, b in zip(bounds, bounds[1:]):
        words = []
        while ti < len(toks) and toks[ti][0] < b:
            if toks[ti][0] >= a:
                words.append(toks[ti])
            ti += 1
        if len(words) < CHUNK_MIN_WORDS:
            continue
        # Candidate other language: the most function words that the sentence
        # language lacks (>= 2); ties go to words exclusive to it. Without any
        # exclusive word ("il", "la", "e" are shared by it/fr/es/pt),
        # py3langid must pick it for the chunk.
        scored = []
        for l in SUPPORTED_LANGS:
            if l == lang:
                continue
            n = sum(1 for _, _, w in words if w in per[l] and w not in mine)
            if n >= 2:
                x = sum(1 for _, _, w in words if owner.get(w) == l)
                scored.append((n, x, l))
        if not scored:
            continue
        scored.sort(reverse=True)
        best_l = None
        if scored[0][1]:
            best_l = scored[0][2]
        else:
            sup = _supported_probs(rank(sent[words[0][0]:words[-1][1]]))
            top = max(sup, key=sup.get) if sup else None
            if top in {l for _, _, l in scored}:
                best_l = top
        if best_l is None:
            continue
        other, theirs = best_l, per[best_l]
        labels = ["L" if (w in theirs and w not in mine) else "S" if (w in mine and w not in theirs) else None
                  for _, _, w in words]
        # windows between function words of the sentence language
        windows: list[list[int]] = [[]]
        for k, lab in enumerate(labels):
            if lab == "S":
                windows.append([])
            else:
                windows[-1].append(k)
        for win in windows:
            idx = [n for n, k in enumerate(win) if labels[k] == "L"]
            if len(idx) < 2:
                continue
            first, last = idx[0], idx[-1]
            starts = sorted({0} | set(range(max(0, first - 5), first + 1)))
            ends = sorted(set(range(last, min(len(win), last + 7))) | {len(win) - 1})
            best = None
            for i in starts:
                for j in ends:
                    if j - i + 1 < RUN_MIN_WORDS:
                        continue
                    rs, re_ = words[win[i]][0], words[win[j]][1]
                    lp = _logp(sent[rs:re_], other)
                    rest = (sent[:rs] + " " + sent[re_:]).strip()
                    # Ties (py3langid saturates) go to runs that start at a function
                    # word of L and reach as far right as possible (dates, names).
                    score = (lp + (_logp(rest, lang) if _LETTERS.search(rest) else 0.0)
                             - 0.02 * (first - i) + 0.01 * (j - last)
                             + (0.03 if words[win[i]][2] != sent[rs:rs + 1] and sent[rs].isupper() else 0.0))
                    if best is None or score > best[0]:
                        best = (score, lp, rs, re_)
            if best and best[1] >= math.log(0.7):
                runs.append((start + best[2], start + best[3], other))
    return runs


def segment(text: str, sentences: list[Sentence]) -> list[Segment]:
    """Segments tiling each sentence: the sentence language, with foreign runs cut out."""
    out: list[Segment] = []
    for i, s in enumerate(sentences):
        runs = [] if s.heading else foreign_runs(text, s.start, s.end, s.lang)
        cur = s.start
        for a, b, l in sorted(runs):
            if a < cur:
                continue
            if a > cur:
                out.append(Segment(cur, a, s.lang, i))
            out.append(Segment(a, b, l, i))
            cur = b
        if cur < s.end:
            out.append(Segment(cur, s.end, s.lang, i))
    return out


def guess_sentences(text: str, sentences: list[Sentence], expected: str | None = None) -> list[_Guess]:
    """A language guess per sentence.

    py3langid costs about 10 µs per word; a sentence whose exclusive function
    words all belong to ``expected`` (at least two of them, none of another
    language) is given to ``expected`` without asking it. That keeps ingest
    well above 50,000 words/s while mixed documents still get py3langid on
    every sentence that shows any sign of another language.
    """
    _, owner = function_words()
    out = []
    for s in sentences:
        sent = text[s.start:s.end]
        if expected in SUPPORTED_LANGS:
            mine = other = 0
            for w in _WORD.findall(sent.lower()):
                l = owner.get(w)
                if l == expected:
                    mine += 1
                elif l:
                    other += 1
                    break
            if mine >= 2 and not other:
                out.append(_Guess(expected, 1.0, {expected: 1.0}, len(sent.split()), len(sent)))
                continue
        out.append(_guess(sent))
    return out
