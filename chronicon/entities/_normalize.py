"""Name normalisation: folding, match keys and transliteration-insensitive keys.

Two keys are used:

- :func:`name_key`: accents stripped, lowercased, apostrophes/primes removed,
  hyphens, dots and spaces unified, so "Alma-Ata" = "Alma Ata" and
  "Kámenev" = "Kamenev".  Exact alias matching uses this key.
- :func:`translit_key`: on top of :func:`name_key`, collapses the usual
  differences between English, French, German, Spanish and scholarly
  romanisations of Slavic names (Trotzki/Trotski/Trockij/Trotsky,
  Zinov'ev/Zinoviev/Zinovyev/Sinowjew, Raspoutine/Rasputin, Tchitcherine/
  Tschitscherin/Chicherin, Zinovieff), while keeping grammatical endings that
  tell people apart (Kamenev vs Kameneva, Sedov vs Sedova).
- :func:`translit_variants`: the set of keys a name has when its ambiguous
  letters are read as in each language (ch, j, sch, c); two spellings of one
  name meet when their sets intersect (Bukharin, Bucharin, Bujarin).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Apostrophes, primes and modifier letters used for the Cyrillic soft sign.
APOSTROPHES = "'’′ʹʼ`´‘"
_APOS_RE = re.compile("[" + re.escape(APOSTROPHES) + "]")

#: A word: letters/digits, possibly joined by apostrophes ("Zinov'ev", "l'Union").
TOKEN_RE = re.compile(r"[^\W_]+(?:[" + re.escape(APOSTROPHES) + r"][^\W_]+)*")

#: French and Italian elided articles/prepositions that are split off a word:
#: "l'Union" -> "Union", "dell'Unione" -> "Unione".
ELISIONS = frozenset(
    "l d j m n s t c qu lorsqu puisqu jusqu quoiqu dell all nell dall sull coll quell un po".split()
)

_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i",
                         "þ": "th"})
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lowercase, strip accents (NFKD), map ß/æ/œ/ł..., unify apostrophes to "'"."""
    if text.isascii():
        return _APOS_RE.sub("'", text.lower()) if "`" in text or "'" in text else text.lower()
    low = text.lower().translate(_SPECIAL)
    return _APOS_RE.sub("'", _COMBINING_RE.sub("", unicodedata.normalize("NFKD", low)))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens ``(start, end, word)`` with French/Italian elisions split off."""
    out = []
    for m in TOKEN_RE.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if "'" in w or not w.isascii():
            m2 = _APOS_RE.search(w)
            if m2 is not None and fold(w[: m2.start()]) in ELISIONS:
                s += m2.end()
                w = w[m2.end():]
                if not w:
                    continue
            if len(w) > 2 and w[-1] in "sS" and w[-2] in APOSTROPHES:  # English possessive
                w = w[:-2]
                e -= 2
        out.append((s, e, w))
    return out


def token_key(word: str) -> str:
    """Key of one word: folded, apostrophes removed."""
    return fold(word).replace("'", "")


_WORD_RE = re.compile(r"[^\W_]+")


def _name_key(name: str) -> str:
    f = fold(name)
    if "'" not in f or f.endswith("'s"):
        if "'" in f:
            f = f[:-2]
        return " ".join(_WORD_RE.findall(f))
    return " ".join(token_key(w) for _, _, w in tokens(name))


#: Key used for exact alias matching ("Alma-Ata" -> "alma ata", "Zinov′ev" -> "zinovev").
name_key = lru_cache(maxsize=100_000)(_name_key)


_VOWELS = "aeiouy"

#: Letters with a hacek (scholarly and Czech-style romanisation: Trockij, Žukov, Puškin)
#: spelled out before accents are stripped, so that č is not read as c (= ц).
_HACEK = str.maketrans({"č": "tsch", "Č": "Tsch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "ć": "ch",
                        "Ć": "Ch", "ś": "sh", "Ś": "Sh", "ź": "zh", "Ź": "Zh", "ř": "rzh", "Ř": "Rzh"})

#: Latin spellings of Russian (and other Cyrillic) sounds in English, German, French,
#: Spanish, Italian, Portuguese and scholarly romanisations, longest first. Each
#: grapheme maps to its readings; the first is the commonest, the others are what the
#: same letters stand for in another language:
#:   ch: ч in English and Spanish, ш in French and Portuguese, х in German and Italian;
#:   j:  й in German and scholarly use, х in Spanish (Bujarin), ж in French/Portuguese (Joukov);
#:   sch: ш in German (Schljapnikow), also ж (Schukow);
#:   c:  ц in scholarly use (Trockij), k in the Romance languages (Nicolas),
#:       ч before e/i in Italian (Cernenko), as ci before a/o/u (Ciaikovskij);
#:   sc: ш before e/i in Italian (Scevardnadze), as sci before a/o/u.
#: Unambiguous ones: tsch (German), tch (French, Portuguese) = ч; kh = х; ou (French) = u;
#: w (German, Polish) = v; tz = ts; x = ks; ph = f.
_GRAPHEMES = [
    ("schtsch", ("shch",)), ("chtch", ("shch",)), ("shch", ("shch",)),
    ("tsch", ("ch",)), ("tch", ("ch",)),
    ("sch", ("sh", "zh")),
    ("kh", ("h",)), ("zh", ("zh",)), ("sh", ("sh",)), ("ph", ("f",)),
    ("ch", ("ch", "sh", "h")),
    ("ou", ("u",)), ("tz", ("ts",)), ("ts", ("ts",)),
    ("x", ("ks",)), ("w", ("v",)), ("j", ("y", "h", "zh")), ("q", ("k",)),
]
_BY_FIRST: dict[str, list] = {}
for _g, _r in _GRAPHEMES:
    _BY_FIRST.setdefault(_g[0], []).append((_g, _r))

#: Applied to every reading, in order (after the graphemes).
_POST_RULES = [
    (re.compile(r"(?<=[^aeiouy])[iy]e"), "e"),  # Zinoviev / Zinovyev / Sinowjew
    (re.compile(r"(?<=[^aeiouy])ya"), "ia"),  # Natalya / Natalia / Natalja
    (re.compile(r"^[iy]e"), "e"),  # Yekaterinburg / Ekaterinburg / Iekaterinbourg
    (re.compile(r"^i(?=[aou])"), "y"),  # French/Portuguese Iakov, Iouri = Yakov, Yuri
    (re.compile(r"^s(?=[aeiouy])"), "z"),  # German initial S = Z (Sinowjew)
    (re.compile(r"(.)\1+"), r"\1"),  # double letters
    (re.compile(r"(?:iy|yi|ii|y)$"), "i"),  # -iy, -ij, -y, -i endings
    (re.compile(r"(?<=..)ine$"), "in"),  # French -ine for -in: Staline, Raspoutine, Lénine
    (re.compile(r"(?<=[oe])f$"), "v"),  # old French/English -off, -eff: Zinovieff, Romanoff
]
_MAX_READINGS = 64


def _readings(word: str) -> list[str]:
    """Every reading of one folded word, the commonest first (at most ``_MAX_READINGS``)."""
    outs = [""]
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        opts: tuple = (ch,)
        step = 1
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "c" and nxt != "h":
            if nxt in "ei":
                after = word[i + 2] if i + 2 < n else ""
                if nxt == "i" and after and after in "aou":  # Italian cia/cio/ciu = ча/чо/чу
                    opts, step = ("tsi", "ch"), 2
                else:
                    opts = ("ts", "ch")
            else:
                opts = ("ts", "k")
        elif ch == "s" and nxt == "c" and i + 2 < n and word[i + 2] in "ei":  # Italian sce/sci = ше/ши
            after = word[i + 3] if i + 3 < n else ""
            if word[i + 2] == "i" and after and after in "aou":
                opts, step = ("stsi", "sh"), 3
            else:
                opts, step = ("sts", "sh"), 2
        else:
            for g, r in _BY_FIRST.get(ch, ()):
                if word.startswith(g, i):
                    opts, step = r, len(g)
                    break
        if len(opts) == 1:
            o = opts[0]
            outs = [x + o for x in outs]
        else:
            outs = [x + o for x in outs for o in opts][:_MAX_READINGS]
        i += step
    res = []
    for w in outs:
        for rx, rep in _POST_RULES:
            w = rx.sub(rep, w)
        res.append(w)
    return res


#: After ч, ш, ж, щ the vowel ё is written o or e (Khrushchev, Chruschtschow, Jrushchov).
_HUSHER_OV = re.compile(r"(?<=ch|sh|zh)([oe])v(a?)$")


@lru_cache(maxsize=200_000)
def _word_readings(word: str) -> tuple[str, ...]:
    rs = _readings(word)
    more = [_HUSHER_OV.sub(lambda m: ("e" if m.group(1) == "o" else "o") + "v" + m.group(2), r)
            for r in rs if _HUSHER_OV.search(r)]
    return tuple(dict.fromkeys(rs + more))


@lru_cache(maxsize=50_000)
def translit_key(name: str) -> str:
    """Transliteration-insensitive key (see module docstring): the commonest reading
    of each word."""
    return " ".join(_word_readings(w)[0] for w in name_key(name.translate(_HACEK)).split())


@lru_cache(maxsize=50_000)
def translit_variants(name: str) -> frozenset[str]:
    """Every transliteration key ``name`` may have, when its letters are read as in each
    of the languages (German ch = х, French ch = ш, Spanish j = х...). Two spellings
    of one name have intersecting sets: Bukharin, Boukharine, Bucharin, Bujarin."""
    words = [_word_readings(w) for w in name_key(name.translate(_HACEK)).split()]
    outs = [""]
    for rs in words:
        outs = [f"{o} {r}" if o else r for o in outs for r in rs][:_MAX_READINGS]
    return frozenset(outs)
