"""Reading files: encoding, format, cleaning, sentences, language, segments."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Optional

from chronicon.errors import ChroniconError, IngestError, error
from chronicon.model import SUPPORTED_LANGS, Problem, Source

from . import _formats, _lang
from ._clean import clean_text
from ._sentences import split_sentences

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".tei", ".tml")
_FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "tei", ".tei": "tei", ".tml": "timeml",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_LETTER = re.compile(r"[^\W\d_]")
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")
_CONTROL_OK = {9, 10, 12, 13, 27}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _CONTROL_OK)
_BINARY_CONTROL_RATIO = 0.05


# ---------------------------------------------------------------- decoding

def _garbage_ratio(text: str) -> float:
    """Share of control, unassigned and private-use characters in ``text``."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample
              if (ord(ch) < 32 and ch not in "\t\n\r\f") or unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    return bad / len(sample)


def _looks_utf16_without_bom(data: bytes) -> Optional[str]:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.4 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.4 and z_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text of ``data`` and the name of its encoding; E002/E003/E004 on failure."""
    if not data.strip():
        raise error(IngestError, "E002", path)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise error(IngestError, "E004", path) from None
            if not text.strip():
                raise error(IngestError, "E002", path)
            if _garbage_ratio(text) > _BINARY_CONTROL_RATIO:
                raise error(IngestError, "E003", path)
            return text, name
    if b"\x00" in data:
        codec = _looks_utf16_without_bom(data)
        if codec is None:
            raise error(IngestError, "E003", path)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise error(IngestError, "E003", path) from None
        if _garbage_ratio(text) > _BINARY_CONTROL_RATIO:
            raise error(IngestError, "E003", path)
        return text, codec
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _BINARY_CONTROL_RATIO:
        raise error(IngestError, "E003", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise error(IngestError, "E004", path)
    best = matches[0]
    # charset-normalizer often ties cp1250 and cp1252 on short Latin-1 text
    # ("rivière" vs "rivičre"); all supported languages are Western
    # European, so a Western code page wins a tie.
    for m in matches:
        if (m.encoding in _WESTERN and m.chaos <= best.chaos + 0.01
                and m.coherence >= best.coherence - 0.02):
            best = m
            break
    return str(best), best.encoding


# ---------------------------------------------------------------- building a Source

def _build(text: str, *, id: str, path: str, fmt: str, lang: Optional[str],
           encoding: Optional[str], raw: Optional[bytes] = None) -> Source:
    notes: list[str] = []
    title = dct = None
    if fmt == "txt":
        sniffed = _formats.sniff(text)
        if sniffed in ("html", "tei", "timeml"):
            notes.append(f"content looks like {sniffed.upper()}; read as {sniffed}")
            fmt = sniffed
    if fmt == "tei" and not _formats.is_tei(text):
        if _formats.sniff(text) in ("html", "timeml"):
            fmt = _formats.sniff(text)
    if fmt == "md":
        text, title = _formats.markdown_to_text(text)
    elif fmt == "html":
        text, title, dct, more = _formats.html_to_text(text, path)
        notes.extend(more)
    elif fmt in ("tei", "timeml", "xml"):
        text, title, dct, more = _formats.tei_to_text(text, raw, path)
        notes.extend(more)

    text, more = clean_text(text)
    notes.extend(more)
    if not text.strip() or not _LETTER.search(text):
        # nothing left, or nothing but digits and punctuation
        raise error(IngestError, "E006", path)

    if lang is not None and lang not in SUPPORTED_LANGS:
        raise error(IngestError, "E005", path, lang=lang, supported=", ".join(SUPPORTED_LANGS))

    # Sentences are split with a provisional language (abbreviations), then
    # each is identified; the document language is the majority by characters.
    provisional = expected = lang
    if provisional is None:
        guess, _ = _lang.identify_language(text[:5000])
        provisional = guess if guess in SUPPORTED_LANGS else "en"
        # function-word shortcut only when py3langid itself expects a supported language
        expected = guess if guess in SUPPORTED_LANGS else None
    sentences = split_sentences(text, provisional)
    guesses = _lang.guess_sentences(text, sentences, expected)
    if lang is None:
        doc_lang, _share = _lang.document_language(guesses, text)
        if doc_lang not in SUPPORTED_LANGS:
            raise error(IngestError, "E005", path, lang=doc_lang, supported=", ".join(SUPPORTED_LANGS))
        if doc_lang != provisional:
            sentences = split_sentences(text, doc_lang)
            guesses = _lang.guess_sentences(text, sentences, doc_lang)
    else:
        doc_lang = lang
        notes.append(f"language forced to '{lang}'")

    unsupported: dict[str, int] = {}
    for s, g in zip(sentences, guesses):
        s.lang = _lang.sentence_language(g, text[s.start:s.end], doc_lang)
        if g.words >= _lang.SHORT_WORDS and g.top not in SUPPORTED_LANGS and g.p >= 0.9:
            unsupported[g.top] = unsupported.get(g.top, 0) + 1
    for code, n in sorted(unsupported.items()):
        notes.append(f"{n} sentence{'s' if n > 1 else ''} look like '{code}' (not supported); kept as '{doc_lang}'")
    others = {}
    for s in sentences:
        if s.lang != doc_lang:
            others[s.lang] = others.get(s.lang, 0) + 1
    for code, n in sorted(others.items()):
        notes.append(f"{n} sentence{'s' if n > 1 else ''} in '{code}'")
    segments = _lang.segment(text, sentences)
    runs = sum(1 for g in segments if g.lang != sentences[g.sentence].lang)
    if runs:
        notes.append(f"{runs} foreign-language run{'s' if runs > 1 else ''} inside sentences")

    return Source(
        id=id, path=path, text=text, lang=doc_lang, format=fmt,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=sentences, segments=segments, title=title, encoding=encoding,
        dct=dct, notes=notes,
    )


def read(path, *, lang: Optional[str] = None) -> Source:
    """Read one file (txt, Markdown, HTML or TEI) into a :class:`Source`."""
    p = Path(path)
    spath = str(path)
    if not p.exists():
        raise error(IngestError, "E001", spath)
    if p.is_dir():
        raise error(IngestError, "E009", spath, detail="it is a folder; use read_paths() for folders")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise error(IngestError, "E009", spath, detail=exc.strerror or str(exc)) from None
    text, encoding = decode(data, spath)
    fmt = _FORMAT_BY_SUFFIX.get(p.suffix.lower())
    raw = None
    if fmt is None:
        fmt = _formats.sniff(text)
        if fmt == "xml":
            fmt = "tei"  # tei_to_text also reads plain XML
    if fmt in ("tei", "timeml") and encoding in ("utf-8", "utf-8-sig", "ascii"):
        raw = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    return _build(text, id=p.stem, path=spath, fmt=fmt, lang=lang, encoding=encoding, raw=raw)


def from_text(text: str, *, id: str = "text", lang: Optional[str] = None, fmt: str = "txt") -> Source:
    """A :class:`Source` from a string (``fmt``: txt, md, html or tei)."""
    if not text.strip():
        raise error(IngestError, "E002", f"<{id}>")
    fmt = {"markdown": "md", "htm": "html", "xml": "tei"}.get(fmt, fmt)
    return _build(text, id=id, path=f"<{id}>", fmt=fmt, lang=lang, encoding=None)


# ---------------------------------------------------------------- many paths

def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _expand(paths: Iterable, problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(Problem(str(raw), error(IngestError, "E001").message, "E001"))
            continue
        if p.is_dir():
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    if name.startswith("."):
                        continue
                    f = Path(root) / name
                    if f.suffix.lower() in SUFFIXES:
                        found.append(f)
            if not found:
                e = error(IngestError, "E007", suffixes=" ".join(SUFFIXES))
                problems.append(Problem(str(raw), e.message, "E007"))
            files.extend(sorted(found))
        else:
            files.append(p)
    # keep order, drop repeats
    seen, out = set(), []
    for f in files:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def read_paths(paths, *, lang: Optional[str] = None) -> tuple[list[Source], list[Problem]]:
    """Read files and folders (recursively); bad files become Problems, the rest is read."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    problems: list[Problem] = []
    sources: list[Source] = []
    used: dict[str, str] = {}
    for f in _expand(paths, problems):
        try:
            src = read(f, lang=lang)
        except ChroniconError as exc:
            problems.append(Problem(str(f), exc.message, exc.code))
            continue
        except Exception as exc:  # never a traceback for one bad file
            problems.append(Problem(str(f), f"could not read the file: {type(exc).__name__}: {exc}", "E009"))
            continue
        if src.id in used:
            base, n = src.id, 2
            while f"{base}-{n}" in used:
                n += 1
            src.id = f"{base}-{n}"
            src.notes.append(f"id '{base}' already used by {used[base]}; this source is '{src.id}'")
        used[src.id] = str(f)
        sources.append(src)
    return sources, problems
