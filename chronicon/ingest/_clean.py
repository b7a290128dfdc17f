"""Text cleaning: Unicode normalisation and removal of Wikipedia debris.

Everything here runs *before* sentence splitting, so every offset downstream
points into the cleaned text (``Source.text``).
"""

from __future__ import annotations

import re
import unicodedata

# Bracketed edit links as they appear in HTML and in copied text, in the six
# languages (and the plain "[edit source]" variants).
_EDIT_WORDS = (
    r"edit(?:\s*\|\s*edit source)?|edit source"
    r"|editar(?:\s*\|\s*editar c[óo]digo[- ]fonte)?|editar c[óo]digo[- ]fonte"
    r"|modifier(?:\s*\|\s*modifier le code)?|modifier le code"
    r"|bearbeiten(?:\s*\|\s*quelltext bearbeiten)?|quelltext bearbeiten"
    r"|modifica(?:\s*\|\s*modifica wikitesto)?|modifica wikitesto"
)
_BRACKET_EDIT = re.compile(r"[ \t]*\[\s*(?:" + _EDIT_WORDS + r")\s*\]", re.IGNORECASE)

# Bare edit words glued to (or ending) a heading line, as left by copying a
# Wikipedia page as plain text: "la Derrota y el exilio (1927-1928)Editar".
# Case-sensitive on purpose: the lower-case Spanish/Portuguese verb "editar" at
# the end of a heading ("Cómo editar") is a word, not a marker.
_BARE_EDIT = re.compile(
    r"(?P<sep>[ \t]*)(?P<word>Editar(?: \| editar código-fonte)?|Edit|edit|Modifier(?: \| modifier le code)?"
    r"|modifier \| modifier le code|Bearbeiten(?: \| Quelltext bearbeiten)?"
    r"|Modifica(?: \| modifica wikitesto)?|modifica \| modifica wikitesto"
    r"|editar \| editar código-fonte|editar|modifier|bearbeiten|modifica)[ \t]*$"
)

_FOOTNOTE = re.compile(
    r"\[(?:\d{1,4}|[a-z]|note?\s*\d{1,3}|nota\s*\d{1,3}|n\.\s*\d{1,3}|Anm\.\s*\d{1,3})\]"
    r"|\[(?:citation needed|cita requerida|cita\xa0requerida|réf\. nécessaire|référence nécessaire"
    r"|citação necessária|carece de fontes|senza fonte|citazione necessaria|Quelle fehlt|Beleg fehlt"
    r"|Einzelnachweis fehlt|who\?|when\?|according to whom\?|clarification needed|dubious)\]",
    re.IGNORECASE,
)

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u3000": " ", "\t": " "})
_DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SENTENCE_PUNCT = re.compile(r"[.!?…:;]")


def _is_heading_rest(rest: str) -> bool:
    """Whether what remains of a line (before a bare edit word) looks like a heading."""
    rest = rest.strip()
    if not rest or len(rest) > 120:
        return False
    if len(rest.split()) > 15:
        return False
    # No sentence punctuation at all (headings do not carry any; prose does).
    return not _SENTENCE_PUNCT.search(rest)


def _ends_with_function_word(rest: str) -> bool:
    from ._lang import function_words

    words = rest.split()
    if not words:
        return False
    last = words[-1].lower()
    return any(last in ws for ws in function_words()[0].values())


def _strip_bare_edit(line: str) -> tuple[str, str | None]:
    m = _BARE_EDIT.search(line)
    if not m:
        return line, None
    rest = line[: m.start()]
    if not _is_heading_rest(rest):
        return line, None
    word, sep = m.group("word"), m.group("sep")
    prev = rest[-1:] if rest else ""
    if not sep:
        # Glued: accept after a non-letter ("(1927-1928)Editar") or a lower-case
        # letter followed by a capitalised marker ("exilioEditar").
        if prev.isalpha() and not (prev.islower() and word[0].isupper()):
            return line, None
    elif word in ("editar", "modifier", "bearbeiten", "modifica"):
        # Lower-case verbs after a space are words ("Cómo editar"), not markers.
        return line, None
    elif word == "edit" and len(rest.split()) < 2:
        # "edit" on its own after a single word is too weak ("Copy edit").
        return line, None
    elif _ends_with_function_word(rest):
        # "He asked the printer to edit": a heading does not end in "to".
        return line, None
    return rest.rstrip(), word


def clean_text(text: str) -> tuple[str, list[str]]:
    """Normalise and clean ``text``; return it with human-readable notes."""
    notes: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_SPACES)
    text = _DROP.sub("", text)

    found: dict[str, int] = {}

    def _count(m: re.Match) -> str:
        key = m.group(0).strip()
        found[key] = found.get(key, 0) + 1
        return ""

    text = _BRACKET_EDIT.sub(_count, text)

    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if stripped[-1:].isalpha():
            new, word = _strip_bare_edit(stripped)
            if word is not None:
                lines[i] = new
                found[word] = found.get(word, 0) + 1
    if found:
        n = sum(found.values())
        kinds = ", ".join(f"'{k}' x{v}" if v > 1 else f"'{k}'" for k, v in sorted(found.items()))
        notes.append(f"removed {n} Wikipedia edit marker{'s' if n > 1 else ''} ({kinds})")

    text = "\n".join(lines)
    foot: dict[str, int] = {}

    def _count_foot(m: re.Match) -> str:
        key = "footnote" if re.fullmatch(r"\[[^\]]*\d[^\]]*\]|\[[a-z]\]", m.group(0)) else m.group(0)
        foot[key] = foot.get(key, 0) + 1
        return ""

    text = _FOOTNOTE.sub(_count_foot, text)
    if foot:
        n = foot.pop("footnote", 0)
        if n:
            notes.append(f"removed {n} footnote marker{'s' if n > 1 else ''} like '[12]'")
        for k, v in sorted(foot.items()):
            notes.append(f"removed {v} '{k}' marker{'s' if v > 1 else ''}")

    # Trailing spaces on each line, runs of spaces, and runs of blank lines.
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" +\n", "\n", text)
    text = re.sub(r"\n +", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), notes
