"""Rule-based sentence splitting for the six supported languages.

Why not spaCy's sentencizer or a trained model? Speed (this runs on every
sentence of every source, well above 50,000 words/s on one core) and control:
historical prose is full of initials ("A. I. Denikin", "G. E. Zinov'ev"),
German ordinal dots ("3. März 1921") and per-language abbreviations
("Gen.", "Sra.", "z. B.", "dott."), on which spaCy's sentencizer splits. The
abbreviations live in data files (``data/abbreviations/<iso>.txt``) so a
language can be extended without touching code.

Boundaries:

- a newline, always;
- ``[.!?…]`` (plus closing quotes/brackets) followed by spaces and an upper-case
  letter, a digit, an opening quote or bracket;
- ``.,`` or ``.;`` followed by a space (text pasted from Wikipedia:
  "el 12 de noviembre., Sus principales"); the stray comma belongs to no sentence;

but not after an initial, an initialism ("U.S.", "J.-C."), a German ordinal
number, or an abbreviation of the language.

A line that is one short sentence without final punctuation is a heading (or a
caption): ``Sentence.heading = True``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from chronicon.model import Sentence

_DATA = Path(__file__).parent / "data" / "abbreviations"

_CAND = re.compile(
    r"(?P<p>[.!?…]+)(?P<close>[\"'»”’)\]]*)[ \t\u00a0]+(?=\S)"
    r"|(?P<pc>\.)[,;][ \t\u00a0]+(?=\S)"
)
_OPENERS = set("«\"“‘'¿¡([„‹")
_TOKEN_STOP = set(" \t\n\u00a0([{«\"“‘'„‹—–/")
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]{1,2}")
_CLOSERS = "\"'»”’)]›"
_FINAL_PUNCT = set(".!?…:;")

# Words after which a German-style ordinal dot ("3. März", "15. Jahrhundert")
# is certain, whatever the language of the text.
_ORDINAL_NEXT = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "jahrhundert", "jh", "jahrhunderts",
    "jahrtausend", "kapitel", "auflage", "mal",
}

HEADING_MAX_WORDS = 20
HEADING_MAX_CHARS = 200


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(strict, soft) abbreviations of ``lang``, without the final dot.

    Strict ones never end a sentence; soft ones ("etc.") block only the ``.,``
    boundary. Unknown languages get the English list.
    """
    path = _DATA / f"{lang}.txt"
    if not path.exists():
        path = _DATA / "en.txt"
    strict, soft = set(), set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        target = strict
        if line.startswith("~"):
            target, line = soft, line[1:]
        # "z. B." -> its last token "B." carries the dot we look at. An entry
        # written in lower case matches any case ("vs.", "VS."); a capitalised
        # one matches only as written, so "No." (number) does not make
        # "He said no. Then" one sentence.
        token = line.split()[-1].rstrip(".")
        if token:
            target.add(token if token != token.lower() else token.lower())
    return frozenset(strict), frozenset(soft)


def _token_before(text: str, dot: int, floor: int) -> str:
    i = dot
    while i > floor and text[i - 1] not in _TOKEN_STOP:
        i -= 1
    return text[i:dot]


_WORD = re.compile(r"[^\W_]+")


def _next_word(text: str, start: int, limit: int) -> str:
    m = _WORD.match(text, start, limit)
    return m.group(0) if m else ""


def _blocked(text: str, dot: int, line_start: int, after: int, line_end: int,
             lang: str, comma_rule: bool) -> bool:
    """Whether the dot at ``dot`` is not a sentence end."""
    tok = _token_before(text, dot, line_start)
    if not tok:
        return False
    if len(tok) == 1 and tok.isalpha():
        # An initial ("A. I. Denikin") or a single letter ("z. B.", "p. 12"), except the
        # regnal number of a name that ends a sentence: "König Wilhelm I. Am 9. März ..."
        # (a name before it, a function word of the language after it).
        return not _regnal_end(text, dot, line_start, after, line_end, lang)
    if _INITIALISM.fullmatch(tok):
        return True  # U.S., J.-C., S.A., e.g.
    if tok.isdigit():
        if len(tok) <= 3:
            nxt = _next_word(text, after, line_end).lower()
            return lang == "de" or nxt in _ORDINAL_NEXT
        return False
    strict, soft = abbreviations(lang)
    low = tok.lower()
    if low in strict or tok in strict:
        return True
    if comma_rule and (low in soft or tok in soft):
        return True
    return False


def _regnal_end(text: str, dot: int, line_start: int, after: int, line_end: int, lang: str) -> bool:
    """The "I"/"V"/"X" before ``dot`` is a regnal number after a capitalised name
    ("Wilhelm I", "Karl V") and the next word is a function word of ``lang``, written
    with a capital only where a sentence starts ("Am", "Er", "Die")."""
    if text[dot - 1] not in "IVX" or dot - 2 < line_start or text[dot - 2] != " ":
        return False
    name = _token_before(text, dot - 2, line_start)
    if len(name) < 2 or not name[0].isupper() or not name.isalpha():
        return False
    nxt = _next_word(text, after, line_end)
    return nxt[:1].isupper() and nxt.lower() in _function_words(lang)


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    from ._lang import function_words

    return function_words()[0].get(lang, frozenset())


def _line_spans(text: str):
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        yield start, end
        start = end + 1


def _is_heading(text: str, s: int, e: int) -> bool:
    if e - s > HEADING_MAX_CHARS:
        return False
    chunk = text[s:e]
    if len(chunk.split()) > HEADING_MAX_WORDS:
        return False
    last = chunk.rstrip(_CLOSERS + " ")
    if not last:
        return False
    if chunk.isupper() and sum(ch.isalpha() for ch in chunk) >= 3:
        return True  # "TROTSKY'S TRAIN." : an all-capitals title, whatever its punctuation
    return last[-1] not in _FINAL_PUNCT and last[-1] != ","


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index ``text`` exactly.

    Every sentence gets ``lang``; the reader replaces it with the language
    detected per sentence.
    """
    out: list[Sentence] = []
    cand = _CAND.finditer
    for ls, le in _line_spans(text):
        s, e = ls, le
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        pieces: list[tuple[int, int]] = []
        cur = s
        for m in cand(text, s, e):
            after = m.end()
            if m.group("pc"):
                dot = m.start("pc")
                if _blocked(text, dot, ls, after, e, lang, True):
                    continue
                end = dot + 1
            else:
                p = m.group("p")
                nxt = text[after]
                if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                    continue
                if p == ".":
                    if _blocked(text, m.start("p"), ls, after, e, lang, False):
                        continue
                end = m.end("close")
            if end > cur:
                pieces.append((cur, end))
            cur = after
        if cur < e:
            # A stray ".," / ".;" at the end of a line (pasted Wikipedia text):
            # the comma belongs to no sentence.
            last = e - 1 if e - cur > 2 and text[e - 1] in ",;" and text[e - 2] == "." else e
            pieces.append((cur, last))
        if len(pieces) == 1 and _is_heading(text, s, e):
            out.append(Sentence(s, e, lang, True))
        else:
            out.extend(Sentence(a, b, lang) for a, b in pieces)
    return out
