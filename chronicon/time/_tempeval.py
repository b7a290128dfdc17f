"""TempEval-3 TIMEX3 scoring, written from the task's definitions (UzZaman et al. 2013).

- Only the TIMEX3s inside ``<TEXT>`` are scored (the DCT, ``t0``, is not).
- Strict match: a gold and a system timex with the same extent.  Relaxed match:
  the extents overlap.  Precision = system timexes that match a gold one / system
  timexes; recall = gold timexes that match a system one / gold timexes; F1 their
  harmonic mean (per match type, micro-averaged over all documents).
- Attributes (``value``, ``type``): accuracy over the relaxed matches (one system
  timex paired with one gold timex), and attribute F1 = relaxed F1 × accuracy.

Extents are compared on characters of the TEXT with inline tags removed (leading
and trailing whitespace ignored); see ``TEMPEVAL.md`` for where this can differ
from the official ``TE3-evaluation.py``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_TAGS = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"([A-Za-z_:]+)\s*=\s*\"([^\"]*)\"")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str = ""
    value: str = ""
    tid: str = ""


def docid(xml: str) -> Optional[str]:
    mt = _DOCID.search(xml)
    return mt.group(1).strip() if mt else None


def timexes(xml: str) -> tuple[str, list[Timex]]:
    """The TEXT (inline tags removed) and its TIMEX3s, offsets into that text."""
    mt = _TEXT.search(xml)
    if not mt:
        raise ValueError("no <TEXT> element")
    body = mt.group(1)
    plain: list[str] = []
    n = 0
    open_: Optional[tuple[int, dict]] = None
    found: list[Timex] = []
    last = 0
    for t in _TAGS.finditer(body):
        chunk = body[last:t.start()]
        plain.append(chunk)
        n += len(chunk)
        last = t.end()
        closing, name, attrs, selfclose = t.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            a = {k: html.unescape(v) for k, v in _ATTR.findall(attrs)}
            if selfclose:  # an empty (non-consuming) timex has no extent to score
                continue
            open_ = (n, a)
        elif open_ is not None:
            s, a = open_
            open_ = None
            found.append((s, n, a))
    plain.append(body[last:])
    text = "".join(plain)
    out = []
    for s, e, a in found:
        seg = text[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        if e <= s:
            continue
        out.append(Timex(s, e, text[s:e], a.get("type", ""), a.get("value", ""), a.get("tid", "")))
    return text, out


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict_gold: int = 0  # gold timexes with a strict match
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    pairs: int = 0  # one-to-one relaxed pairs (attribute denominators)
    value_ok: int = 0
    type_ok: int = 0
    errors: list = field(default_factory=list)  # (docid, kind, gold, system) for debugging

    def add(self, o: "Counts") -> None:
        for k in ("gold", "system", "strict_gold", "strict_system", "relaxed_gold", "relaxed_system",
                  "pairs", "value_ok", "type_ok"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.errors.extend(o.errors)


def _prf(hit_sys: int, n_sys: int, hit_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = hit_sys / n_sys if n_sys else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def compare(gold: list[Timex], system: list[Timex], doc: str = "") -> Counts:
    """Counts for one document's gold and system timexes (offsets into the same text)."""
    c = Counts(gold=len(gold), system=len(system))
    gspans = {(g.start, g.end) for g in gold}
    sspans = {(s.start, s.end) for s in system}
    c.strict_gold = sum((g.start, g.end) in sspans for g in gold)
    c.strict_system = sum((s.start, s.end) in gspans for s in system)
    c.relaxed_gold = sum(any(_overlap(g, s) > 0 for s in system) for g in gold)
    c.relaxed_system = sum(any(_overlap(g, s) > 0 for g in gold) for s in system)
    # one-to-one pairs for the attributes: exact extents first, then the largest overlaps
    cand = sorted(
        ((-(g.start == s.start and g.end == s.end), -_overlap(g, s), i, j)
         for i, g in enumerate(gold) for j, s in enumerate(system) if _overlap(g, s) > 0)
    )
    used_g, used_s = set(), set()
    for _, _, i, j in cand:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        g, s = gold[i], system[j]
        c.pairs += 1
        c.value_ok += g.value == s.value
        c.type_ok += g.type == s.type
        if g.value != s.value or g.type != s.type:
            c.errors.append((doc, "attr", g, s))
        elif (g.start, g.end) != (s.start, s.end):
            c.errors.append((doc, "extent", g, s))
    c.errors.extend((doc, "missed", g, None) for i, g in enumerate(gold)
                    if not any(_overlap(g, s) > 0 for s in system))
    c.errors.extend((doc, "spurious", None, s) for s in system
                    if not any(_overlap(g, s) > 0 for g in gold))
    return c


def compare_documents(gold_xml: str, system_xml: str, doc: str = "") -> Counts:
    """Counts for one document; the two TEXTs must be the same once tags are removed."""
    gt, gold = timexes(gold_xml)
    st, system = timexes(system_xml)
    if gt != st:
        if gt.strip() != st.strip():
            raise ValueError(f"{doc or 'document'}: gold and system TEXT differ")
        shift = (len(st) - len(st.lstrip())) - (len(gt) - len(gt.lstrip()))
        system = [Timex(s.start - shift, s.end - shift, s.text, s.type, s.value, s.tid) for s in system]
    return compare(gold, system, doc)


def scores(c: Counts) -> dict:
    """The TempEval-3 figures (percentages) for summed counts."""
    sp, sr, sf = _prf(c.strict_system, c.system, c.strict_gold, c.gold)
    rp, rr, rf = _prf(c.relaxed_system, c.system, c.relaxed_gold, c.gold)
    vacc = c.value_ok / c.pairs if c.pairs else 0.0
    tacc = c.type_ok / c.pairs if c.pairs else 0.0
    pct = lambda x: round(100 * x, 2)  # noqa: E731
    return {
        "gold": c.gold, "system": c.system,
        "strict_precision": pct(sp), "strict_recall": pct(sr), "strict_f1": pct(sf),
        "relaxed_precision": pct(rp), "relaxed_recall": pct(rr), "relaxed_f1": pct(rf),
        "value_accuracy": pct(vacc), "value_f1": pct(rf * vacc),
        "type_accuracy": pct(tacc), "type_f1": pct(rf * tacc),
    }


def evaluate(pairs: Iterable[tuple[str, str, str]]) -> tuple[dict, Counts]:
    """Score (name, gold_xml, system_xml) triples; return the figures and the counts."""
    total = Counts()
    for name, gx, sx in pairs:
        total.add(compare_documents(gx, sx, name))
    return scores(total), total


# --------------------------------------------------------------------------- the data sets

_DCTLINE = re.compile(r'\*!-DCTVALUE="([^"]+)"-!\*')


def _tml(docid: str, dct: str, text: str) -> str:
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{docid}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>\n{text}\n</TEXT>\n</TimeML>\n')


def tsv_documents(path, prefix: str = "doc") -> list[tuple[str, str, str]]:
    """(docid, gold_xml, input_xml) from a ``token<TAB>BIO-TYPE<TAB>value`` file (one
    ``*!-DCTVALUE="..."-!*`` line per document, blank lines between sentences):
    tokens joined by spaces, one sentence a line, as the TE3-style conversion does."""
    from pathlib import Path

    docs: list[tuple[str, str, str]] = []
    dct, sents, sent = None, [], []

    def flush():
        nonlocal sents, sent
        if sent:
            sents.append(sent)
        sent = []
        if dct is not None and sents:
            docid = f"{prefix}_{len(docs) + 1:03d}"
            gold_lines, plain_lines, tid = [], [], 0
            for s in sents:
                out, plain, i = [], [], 0
                while i < len(s):
                    tok, tag, val = s[i]
                    if tag.startswith("B-"):
                        j = i + 1
                        while j < len(s) and s[j][1] == "I-" + tag[2:]:
                            j += 1
                        words = html.escape(" ".join(t[0] for t in s[i:j]), quote=False)
                        tid += 1
                        out.append(f'<TIMEX3 tid="t{tid}" type="{tag[2:]}" value="{html.escape(val)}">{words}</TIMEX3>')
                        plain.append(words)
                        i = j
                        continue
                    out.append(html.escape(tok, quote=False))
                    plain.append(html.escape(tok, quote=False))
                    i += 1
                gold_lines.append(" ".join(out))
                plain_lines.append(" ".join(plain))
            docs.append((docid, _tml(docid, dct, "\n".join(gold_lines)), _tml(docid, dct, "\n".join(plain_lines))))
        sents = []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        mt = _DCTLINE.match(line)
        if mt:
            flush()
            dct = mt.group(1)
            continue
        if not line.strip():
            if sent:
                sents.append(sent)
            sent = []
            continue
        parts = line.split("\t")
        parts += [""] * (3 - len(parts))
        sent.append((parts[0], parts[1], parts[2]))
    flush()
    return docs


def dataset(root, lang: str, split: str = "test") -> list[tuple[str, str, str]]:
    """(name, gold_xml, input_xml) for the TempEval-3 data under ``root``
    (see its SOURCES.md): EN test = te3-platinum gold against the TE3-platinum-test
    input, EN train = TBAQ-cleaned (the gold files, tags removed, are the input);
    ES test = es-test/timeml-derived against its input, ES train = es-train/train.tsv."""
    from pathlib import Path

    root = Path(root)
    if lang == "en" and split == "test":
        inputs = {docid(p.read_text("utf-8")): p for p in sorted((root / "en-test/TE3-platinum-test").glob("*.TE3input"))}
        out = []
        for g in sorted((root / "en-test/te3-platinum").glob("*.tml")):
            gx = g.read_text("utf-8")
            p = inputs.get(docid(gx))
            if p is None:
                raise ValueError(f"{g}: no system input with DOCID {docid(gx)}")
            out.append((g.stem, gx, p.read_text("utf-8")))
        return out
    if lang == "en" and split == "train":
        files = sorted((root / "en-train").glob("*/*.tml"))
        return [(g.stem, x, x) for g in files for x in [g.read_text("utf-8")]]
    if lang == "es" and split == "test":
        out = []
        for g in sorted((root / "es-test/timeml-derived").glob("*.tml")):
            p = root / "es-test/timeml-derived-input" / (g.name + ".TE3input")
            out.append((g.stem, g.read_text("utf-8"), p.read_text("utf-8")))
        return out
    if lang == "es" and split == "train":
        return tsv_documents(root / "es-train/train.tsv", "estrain")
    raise ValueError(f"no TempEval-3 {split} set for '{lang}' (en or es; test or train)")


def bench(root, lang: str, split: str = "test", limit: Optional[int] = None,
          repeat: int = 3) -> tuple[dict, Counts]:
    """Tag every input of the set (the time stage alone, timed on this core: the
    fastest of ``repeat`` passes, wall-clock and CPU time of the process), score
    against the gold; the figures plus tokens, seconds and tokens per second (wall-clock
    and CPU)."""
    import time

    from .timeml import read_timeml, timeml_from_tml, timexes as tag_timexes

    docs = dataset(root, lang, split)
    if limit:
        docs = docs[:limit]
    tag_timexes("warm up 12 March 1921 yesterday", lang, "2000-01-01")  # grammar loading is not tagging
    read = [read_timeml(ix) for _, _, ix in docs]
    tokens = sum(len(doc.text.split()) for doc in read)
    seconds = cpu = float("inf")
    for _ in range(repeat):  # the fastest of a few passes: less noise from the machine
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in read:
            tag_timexes(doc.text, lang, doc.dct)
        seconds = min(seconds, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)  # CPU time of this process: not hostage to load
    triples = [(name, gx, timeml_from_tml(ix, lang, docid=name)[0]) for name, gx, ix in docs]
    figures, counts = evaluate(triples)
    figures = {"lang": lang, "split": split, "documents": len(docs), **figures, "tokens": tokens,
               "seconds": round(seconds, 3), "tokens_per_second": round(tokens / seconds) if seconds else 0,
               "cpu_seconds": round(cpu, 3), "cpu_tokens_per_second": round(tokens / cpu) if cpu else 0}
    return figures, counts
