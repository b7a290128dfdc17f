"""TempEval-3 style TimeML in and out.

``read_timeml(xml)`` reads a ``.tml`` or ``.TE3input`` document (DOCID, DCT and the
TEXT, with any inline tags removed); ``annotate_timeml(xml, lang)`` returns the same
document with ``<TIMEX3>`` tags inserted in its TEXT; ``annotate_file`` does it for
a file.  TimeML has no intervals, so the two ends of "1936-1938" are tagged apart,
and open intervals ("until 1921") are tagged as their date.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from chronicon.model import TimeExpression

from . import _shared as S
from ._tagger import _tag

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b[^>]*\bvalue=\"([^\"]+)\"", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class TimeMLDoc:
    docid: Optional[str]
    dct: Optional[str]
    text: str  # the TEXT element's content, inline tags removed, entities kept as written


def read_timeml(xml: str) -> TimeMLDoc:
    mt = _TEXT.search(xml)
    if not mt:
        raise ValueError("no <TEXT> element")
    dct = _DCT.search(xml)
    docid = _DOCID.search(xml)
    return TimeMLDoc(
        docid=docid.group(1).strip() if docid else None,
        dct=dct.group(1)[:10] if dct else None,
        text=_TAG.sub("", mt.group(2)),
    )


def timexes(text: str, lang: str, dct: Optional[str] = None) -> list[TimeExpression]:
    """Temporal expressions for TimeML: offsets into ``text``, intervals not joined."""
    plain = html.unescape(text)
    if plain != text:  # tag the unescaped text, but keep the escaped one's offsets
        found, _ = _tag(plain, lang, None, S.parse_anchor(dct), join=False, news=True)
        return _remap(text, plain, found)
    found, _ = _tag(text, lang, None, S.parse_anchor(dct), join=False, news=True)
    return found


def _remap(escaped: str, plain: str, found: list[TimeExpression]) -> list[TimeExpression]:
    # offsets of every plain character in the escaped text
    pos, i = [], 0
    for mt in re.finditer(r"&[#\w]+;|.", escaped, re.S):
        pos.append(mt.start())
        i += 1
    pos.append(len(escaped))
    for e in found:
        e.start, e.end = pos[e.start], pos[e.end]
        e.text = escaped[e.start:e.end]
    return found


def _attr(v: str) -> str:
    return html.escape(v, quote=True)


def annotate_timeml(xml: str, lang: str = "en") -> str:
    """The document with TIMEX3 tags (tid t1, t2, ...) around the expressions of TEXT."""
    doc = read_timeml(xml)
    mt = _TEXT.search(xml)
    text = doc.text
    out, last, n = [], 0, 0
    for e in timexes(text, lang, doc.dct):
        if not e.value or "/" in e.value or e.start < last:
            continue  # no value, or a range written as one word ("1919-21")
        n += 1
        out.append(text[last:e.start])
        out.append(f'<TIMEX3 tid="t{n}" type="{e.type}" value="{_attr(e.value)}">{text[e.start:e.end]}</TIMEX3>')
        last = e.end
    out.append(text[last:])
    return xml[: mt.start(2)] + "".join(out) + xml[mt.end(2):]


def _tagged_text(text: str, lang: str, dct: Optional[str], escape: bool) -> tuple[str, int]:
    """``text`` with TIMEX3 tags (tid t1, t2, ...); ``escape`` for plain (unescaped) text."""
    esc = (lambda s: html.escape(s, quote=False)) if escape else (lambda s: s)
    out, last, n = [], 0, 0
    for e in timexes(text, lang, dct):
        if not e.value or "/" in e.value or e.start < last:
            continue
        n += 1
        out.append(esc(text[last:e.start]))
        out.append(f'<TIMEX3 tid="t{n}" type="{e.type}" value="{_attr(e.value)}">{esc(text[e.start:e.end])}</TIMEX3>')
        last = e.end
    out.append(esc(text[last:]))
    return "".join(out), n


def timeml_document(text: str, lang: str, *, docid: str, dct: Optional[str], plain: bool = True) -> tuple[str, int]:
    """A TempEval-3 style document (DOCID, DCT as t0 CREATION_TIME, TEXT with TIMEX3
    tags) and the number of timexes in TEXT.  ``plain``: ``text`` is not XML-escaped."""
    body, n = _tagged_text(text, lang, dct, escape=plain)
    dct_el = ""
    if dct:
        dct_el = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{_attr(dct)}" temporalFunction="false" '
                  f'functionInDocument="CREATION_TIME">{_attr(dct)}</TIMEX3></DCT>\n\n')
    xml = ('<?xml version="1.0" ?>\n'
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
           f"<DOCID>{html.escape(docid, quote=False)}</DOCID>\n\n{dct_el}<TEXT>{body}</TEXT>\n\n</TimeML>\n")
    return xml, n


def timeml_from_tml(xml: str, lang: str, *, docid: str, dct: Optional[str] = None) -> tuple[str, int]:
    """A TempEval .tml / .TE3input re-tagged: its DOCID, its DCT (``dct`` only when it
    has none), its TEXT with our TIMEX3 tags and nothing else (no events or links)."""
    doc = read_timeml(xml)
    mt = _DCT.search(xml)
    if mt:
        dct = mt.group(1)[:10]
    return timeml_document(doc.text, lang, docid=doc.docid or docid, dct=dct, plain=False)


def annotate_file(src: Union[str, Path], dst: Union[str, Path], lang: str = "en") -> int:
    """Write ``src`` (.tml / .TE3input) to ``dst`` with TIMEX3 tags; return how many."""
    xml = Path(src).read_text(encoding="utf-8")
    result = annotate_timeml(xml, lang)
    Path(dst).write_text(result, encoding="utf-8")
    return result.count("<TIMEX3 ") - xml.count("<TIMEX3 ")
