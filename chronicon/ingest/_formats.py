"""Format converters: Markdown, HTML and TEI to plain text (one block per line)."""

from __future__ import annotations

import re
from typing import Optional

from chronicon.errors import IngestError, error

TEI_NS = "http://www.tei-c.org/ns/1.0"


# ---------------------------------------------------------------- sniffing

def sniff(text: str) -> str:
    """Format of text with an unknown suffix: 'html', 'tei', 'xml' or 'txt'."""
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml") or head.startswith("<tei") or "<tei " in head[:600] or "<tei>" in head[:600]:
        if "<tei" in head or TEI_NS in text[:5000]:
            return "tei"
        if "<timeml" in head:
            return "timeml"
        if "<html" in head:
            return "html"
        return "xml"
    if head.startswith("<!doctype html") or head.startswith("<html") or re.search(r"<(html|body|head)[\s>]", head):
        return "html"
    return "txt"


# ---------------------------------------------------------------- Markdown

_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),
]


def _md_inline(s: str) -> str:
    for rx, rep in _MD_INLINE:
        s = rx.sub(rep, s)
    return s


def markdown_to_text(text: str) -> tuple[str, Optional[str]]:
    """Plain text of a Markdown document, and its title (first heading).

    Headings, list items and table rows are their own lines; the lines of a
    paragraph are joined with spaces (a hard-wrapped paragraph is one block).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # YAML front matter
    title = None
    if lines and lines[0].strip() == "---":
        for k in range(1, len(lines)):
            if lines[k].strip() in ("---", "..."):
                for fm in lines[1:k]:
                    m = re.match(r"\s*title\s*:\s*['\"]?(.*?)['\"]?\s*$", fm)
                    if m and m.group(1):
                        title = m.group(1)
                lines = lines[k + 1:]
                break
    out: list[str] = []
    para: list[str] = []

    def flush():
        if para:
            out.append(_md_inline(" ".join(p.strip() for p in para)))
            para.clear()

    in_fence = False
    for i, line in enumerate(lines):
        if _MD_FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            # Code is not prose: keep it out of the text.
            continue
        if not line.strip():
            flush()
            out.append("")
            continue
        if _MD_REFDEF.match(line) or _MD_TABLE_SEP.match(line):
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush()
            h = _md_inline(m.group(2))
            title = title or h
            out.append(h)
            out.append("")
            continue
        if _MD_SETEXT.match(line) and para:
            h = _md_inline(" ".join(para))
            para.clear()
            title = title or h
            out.append(h)
            out.append("")
            continue
        if _MD_HR.match(line):
            flush()
            continue
        line = _MD_QUOTE.sub("", line)
        if _MD_LIST.match(line):
            flush()
            para.append(_MD_LIST.sub("", line, count=1))
            continue
        if line.strip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.append(_md_inline(" ".join(c for c in cells if c)))
            continue
        para.append(line)
    flush()
    return "\n".join(out), title


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote",
    "pre", "tr", "caption", "figcaption", "section", "article", "td", "th", "br", "hr",
    "table", "ul", "ol", "dl", "main", "address",
}
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "noscript", "menu", "iframe")
_DCT_META = (
    "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.created", "dcterms.date", "dcterms.issued", "pubdate", "publish-date", "og:published_time",
)


def _html_tree(html: str):
    import lxml.html

    # lxml refuses str input that carries an XML encoding declaration (XHTML).
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html)
    except Exception:
        return None


def _clean_tree(tree):
    from lxml_html_clean import Cleaner

    cleaner = Cleaner(
        scripts=True, javascript=True, comments=True, style=True, inline_style=True,
        links=True, meta=False, page_structure=False, processing_instructions=True,
        embedded=True, frames=True, forms=True, annoying_tags=True,
        kill_tags=["noscript", "iframe", "button"], remove_unknown_tags=False, safe_attrs_only=False,
    )
    return cleaner.clean_html(tree)


def _drop_furniture(tree):
    """Remove page furniture for the lxml fallback: nav, aside, forms, and
    header/footer outside the article (an article's own <header> holds its
    headline and date)."""
    import copy

    tree = copy.deepcopy(tree)
    for el in list(tree.iter(*_FURNITURE_TAGS)):
        if el.getparent() is None:
            continue
        if el.tag in ("header", "footer") and any(a.tag in ("article", "main") for a in el.iterancestors()):
            continue
        el.drop_tree()
    return tree


def _lxml_text(tree) -> str:
    """Block-aware text of a (cleaned) lxml tree: one block per line."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return "\n".join(l.strip() for l in text.split("\n") if l.strip())


def _html_dct(tree) -> Optional[str]:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DCT_META:
            m = re.match(r"\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)", meta.get("content") or "")
            if m:
                return m.group(1)
    return None


def _untrafilatura(text: str) -> str:
    """Drop the Markdown-ish list bullets and table pipes of trafilatura's txt output."""
    out = []
    for line in text.split("\n"):
        st = line.strip()
        if st.startswith("|") and st.endswith("|"):
            if re.fullmatch(r"[|\s:-]+", st):
                continue
            st = " ".join(c.strip() for c in st.strip("|").split("|") if c.strip())
        elif st.startswith(("- ", "* ", "• ")):
            st = st[2:]
        out.append(st)
    return "\n".join(out)


def html_to_text(html: str, path: str) -> tuple[str, Optional[str], Optional[str], list[str]]:
    """Main text of an HTML page: (text, title, dct, notes).

    trafilatura picks the main text (page furniture dropped); the page is
    first cleaned with lxml_html_clean. When trafilatura returns nothing, the
    text of the cleaned page (nav/header/footer/aside removed) is used instead.
    """
    notes: list[str] = []
    tree = _html_tree(html)
    title = dct = None
    if tree is not None:
        t = tree.find(".//title")
        if t is not None and (t.text_content() or "").strip():
            title = " ".join(t.text_content().split())
        h1 = tree.find(".//h1")
        if h1 is not None and not title:
            title = " ".join(h1.text_content().split()) or None
        dct = _html_dct(tree)
        try:
            cleaned = _clean_tree(tree)
        except Exception:
            cleaned = tree
    else:
        cleaned = None

    import lxml.html
    import trafilatura

    src = lxml.html.tostring(cleaned, encoding="unicode") if cleaned is not None else html
    text = None
    try:
        text = trafilatura.extract(
            src, output_format="txt", include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_recall=True, deduplicate=False,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura is robust, but never let it crash ingest
        notes.append(f"trafilatura failed ({type(exc).__name__}); used lxml text extraction")
    if text and text.strip():
        notes.append("main text extracted with trafilatura")
        text = _untrafilatura(text)
    else:
        if not notes:
            notes.append("trafilatura found no main text; fell back to lxml text extraction")
        text = _lxml_text(_drop_furniture(cleaned)) if cleaned is not None else ""
    return text, title, dct, notes


# ---------------------------------------------------------------- TEI

_TEI_BLOCKS = {"p", "head", "l", "item", "ab", "note", "quote", "cell", "row", "label", "dateline",
               "opener", "closer", "salute", "signed", "byline", "docTitle", "titlePart", "lg",
               "list", "table", "sp", "speaker", "stage", "figDesc", "bibl", "castItem", "trailer"}
_TEI_INLINE_NOTE_PARENTS = {"p", "l", "ab", "head", "item", "quote", "cell"}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _timeml(root, notes: list[str]):
    """TimeML (TempEval): text of <TEXT>, title from <TITLE>, DCT from <DCT><TIMEX3 value>."""
    text_el = title_el = dct = None
    for el in root.iter():
        name = _local(el.tag)
        if name == "TEXT" and text_el is None:
            text_el = el
        elif name == "TITLE" and title_el is None:
            title_el = el
        elif name == "DCT" and dct is None:
            for t in el.iter():
                if _local(t.tag) == "TIMEX3" and t.get("value"):
                    dct = t.get("value")
                    break
    notes.append("TimeML document: text of <TEXT>")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else None
    body = "".join(text_el.itertext()) if text_el is not None else ""
    return body, title or None, dct, notes


def is_tei(text: str) -> bool:
    head = text[:5000]
    return TEI_NS in head or re.search(r"<TEI[\s>]|<teiCorpus[\s>]", head) is not None


def tei_to_text(text: str, raw: bytes | None, path: str) -> tuple[str, Optional[str], Optional[str], list[str]]:
    """Text of <body> (heads and paragraphs as lines, notes kept), title and date from teiHeader."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        if raw is not None:
            root = etree.fromstring(raw, parser)
        else:
            root = etree.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise error(IngestError, "E008", path, detail=str(exc)) from None
    notes: list[str] = []
    if _local(root.tag) == "TimeML":
        return _timeml(root, notes)
    if _local(root.tag) not in ("TEI", "teiCorpus") and not (isinstance(root.tag, str) and TEI_NS in root.tag):
        # Plain XML: all its text, one element per line.
        notes.append("XML without a TEI root: used the text of every element")
        lines = [" ".join(t.split()) for t in root.itertext()]
        return "\n".join(l for l in lines if l), None, None, notes

    def find(el, name):
        for x in el.iter():
            if _local(x.tag) == name:
                return x
        return None

    title = dct = None
    header = find(root, "teiHeader")
    if header is not None:
        ts = find(header, "titleStmt")
        t = find(ts, "title") if ts is not None else None
        if t is not None:
            title = " ".join("".join(t.itertext()).split()) or None
        ps = find(header, "publicationStmt")
        d = find(ps, "date") if ps is not None else None
        if d is not None:
            when = d.get("when") or d.get("notBefore") or ""
            m = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", when) or re.search(r"\b\d{4}\b", "".join(d.itertext()))
            if m:
                dct = m.group(0)
    body = find(root, "body")
    if body is None:
        notes.append("TEI without <body>")
        return "", title, dct, notes

    lines: list[str] = []
    buf: list[str] = []
    pending: list[str] = []  # notes met inside a paragraph, emitted after it

    def flush():
        s = " ".join("".join(buf).split())
        if s:
            lines.append(s)
        buf.clear()

    def walk(el, in_block: bool):
        name = _local(el.tag)
        if not name:  # comments, processing instructions
            if el.tail:
                buf.append(el.tail)
            return
        if name in ("lb", "pb", "cb"):
            buf.append(" " if name == "lb" else "")
            if el.tail:
                buf.append(el.tail)
            return
        if name == "note" and in_block:
            # A footnote inside a paragraph would cut its sentence in two: keep
            # it, as its own line right after the paragraph.
            note = " ".join("".join(el.itertext()).split())
            if note:
                pending.append(note)
            buf.append(" ")
            if el.tail:
                buf.append(el.tail)
            return
        block = name in _TEI_BLOCKS
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child, in_block or name in _TEI_INLINE_NOTE_PARENTS)
        if block:
            flush()
            if not in_block and pending:
                lines.extend(pending)
                pending.clear()
        if el.tail:
            buf.append(el.tail)

    for child in body:
        walk(child, False)
    flush()
    lines.extend(pending)
    return "\n".join(lines), title, dct, notes
