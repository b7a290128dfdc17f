"""Load a language's time grammar (``data/<iso>.yaml`` + ``data/_shared.yaml`` + CLDR)
and compile it once.

A language file has four sections:

``patterns``
    name -> a list of words (becomes an alternation, longest first) or a raw regex
    fragment (a string).
``norms``
    name -> {word: value}.  Every norm is also usable as a pattern of its keys.
    ``month`` and ``weekday`` are merged with CLDR names from Babel.
``rules``
    a list of ``{name, kind, regex}``; ``{name}`` in a regex is replaced by the
    pattern or norm of that name.  Groups are named (``day``, ``month``, ``year``...);
    the kind says how ``chronicon.time._tagger`` builds the value.
``examples``
    ``{text, edtf[, qualifier, calendar, anchor, dct, type, value]}``, run as tests.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from chronicon.errors import Errors, LanguageDataError


def error(cls, code: str, path: str, **kw):
    # chronicon.errors.error() consumes ``path`` and does not pass it to the
    # template, so E101/E102 (which name the path) are formatted here.
    return cls(getattr(Errors, code).format(path=path, **kw), code=code, path=path)

DATA_DIR = Path(__file__).parent / "data"

#: Rule kinds understood by the tagger.
KINDS = {
    "date", "season", "decade", "century", "year_range_short", "ref", "quarter", "weekend", "day_range", "dual",
    "relative", "deictic", "duration", "time", "set", "weekday", "reference", "month_range",
}

#: Norms that are prefixes, suffixes or glue between expressions (compiled separately).
_REF = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def norm_key(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()


def _word_tokens(word: str) -> list[str]:
    """One regex piece per character: spaces match any whitespace, ' matches ’."""
    parts: list[str] = []
    for ch in word:
        if ch.isspace():
            if parts and parts[-1] == r"\s+":
                continue
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    return parts


def _trie_regex(node: dict) -> str:
    """Regex of a trie: shared prefixes factored out, so that the engine tests a
    handful of first characters at each position instead of every word.  Longer
    continuations are tried first (greedy), i.e. longest-first like a sorted
    alternation."""
    end = "" in node
    branches = [tok + _trie_regex(child) for tok, child in sorted(node.items()) if tok != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


def alternation(words) -> str:
    """A word list as one regex (a trie, so longest-first and fast)."""
    trie: dict = {}
    for w in {str(x) for x in words if str(x)}:
        node = trie
        for tok in _word_tokens(w):
            node = node.setdefault(tok, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return "(?:" + _trie_regex(trie) + ")"


def _cldr_names(locale: str) -> tuple[dict[str, int], dict[str, int], set[str], set[str]]:
    from babel import dates as bd

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    wide_months: set[str] = set()
    wide_days: set[str] = set()
    cased: set[str] = set()
    cased_days: set[str] = set()
    for context in ("format", "stand-alone"):
        cased.update(bd.get_month_names("wide", context=context, locale=locale).values())
        cased_days.update(bd.get_day_names("wide", context=context, locale=locale).values())
        wide_months.update(norm_key(n) for n in bd.get_month_names("wide", context=context, locale=locale).values())
        wide_days.update(norm_key(n) for n in bd.get_day_names("wide", context=context, locale=locale).values())
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for num, name in bd.get_month_names(width, context=context, locale=locale).items():
                key = norm_key(name)
                months[key] = num
                bare = key.rstrip(".")
                # an abbreviation without its dot only when it cannot be a common word
                if bare != key and len(bare) >= 4:
                    months[bare] = num
                elif bare == key and width == "abbreviated":
                    months[key + "."] = num
            for num, name in bd.get_day_names(width, context=context, locale=locale).items():
                weekdays[norm_key(name)] = num + 1
    return months, weekdays, wide_months, wide_days, cased, cased_days


@dataclass
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    order: int


@dataclass
class Grammar:
    lang: str
    path: Path
    norms: dict[str, dict[str, Any]]
    patterns: dict[str, str]
    rules: list[Rule]
    examples: list[dict]
    # compiled helpers (prefix regexes are anchored at the end of the text before a hit)
    part_prefix: re.Pattern = None  # type: ignore[assignment]
    approx_prefix: re.Pattern = None  # type: ignore[assignment]
    approx_suffix: re.Pattern = None  # type: ignore[assignment]
    weekday_prefix: re.Pattern = None  # type: ignore[assignment]
    dnext_suffix: re.Pattern = None  # type: ignore[assignment]
    open_end_prefix: re.Pattern = None  # type: ignore[assignment]
    open_start_prefix: re.Pattern = None  # type: ignore[assignment]
    range_start_prefix: re.Pattern = None  # type: ignore[assignment]
    range_between_prefix: Optional[re.Pattern] = None  # words that open "X and Y" (optional)
    tenths: Optional[re.Pattern] = None  # "... e 5 decimi" after seconds (optional)
    event_link: Optional[re.Pattern] = None  # "de" in "le lendemain de son élection" (optional)
    street_prefix: Optional[re.Pattern] = None  # "Avenida " before "17 de Junio": a street (optional)
    duration_glue: re.Pattern = None  # type: ignore[assignment]  # ", " or " and " between durations in a row
    year_of_glue: re.Pattern = None  # type: ignore[assignment]  # "dello" in "21 aprile dello stesso anno"
    range_and: re.Pattern = None  # type: ignore[assignment]
    range_to: re.Pattern = None  # type: ignore[assignment]
    calendar_suffix: re.Pattern = None  # type: ignore[assignment]
    article_prefix: re.Pattern = None  # type: ignore[assignment]
    extra: dict = field(default_factory=dict)

    def norm(self, table: str, word: Optional[str]) -> Any:
        if word is None:
            return None
        return self.norms.get(table, {}).get(norm_key(word))


def _read_yaml(path: Path, lang: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
    except yaml.YAMLError as e:
        raise error(LanguageDataError, "E102", path=str(path), detail=str(e).splitlines()[0])
    if not isinstance(data, dict):
        raise error(LanguageDataError, "E102", path=str(path), detail="top level is not a mapping")
    return data


@functools.lru_cache(maxsize=1)
def language_codes() -> tuple[str, ...]:
    """ISO codes of the languages that have a grammar file."""
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.yaml") if not p.stem.startswith("_")))


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (cached: compiled once per process)."""
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        raise error(LanguageDataError, "E101", lang=lang, path=str(DATA_DIR / f"{lang}.yaml"))
    path = DATA_DIR / f"{lang}.yaml"
    if not path.exists():
        raise error(LanguageDataError, "E101", lang=lang, path=str(path))
    shared = _read_yaml(DATA_DIR / "_shared.yaml", "_shared")
    data = _read_yaml(path, lang)

    norms: dict[str, dict[str, Any]] = {}
    for source in (shared.get("norms") or {}, data.get("norms") or {}):
        for name, table in source.items():
            if not isinstance(table, dict):
                raise error(LanguageDataError, "E102", path=str(path), detail=f"norms.{name} is not a mapping")
            dst = norms.setdefault(name, {})
            for k, v in table.items():
                dst[norm_key(str(k))] = v
    months, weekdays, wide_months, wide_days, cased_months, cased_days = _cldr_names(data.get("cldr_locale", lang))
    for k, v in months.items():
        norms.setdefault("month", {}).setdefault(k, v)
    for k, v in weekdays.items():
        norms.setdefault("weekday", {}).setdefault(k, v)
    # full month names of other languages that are often quoted (e.g. English titles
    # and quotations in a Spanish text: "in August 1929"); wide names only.
    for other in data.get("borrowed_month_names") or []:
        from babel import dates as bd

        for num, name in bd.get_month_names("wide", locale=other).items():
            norms["month"].setdefault(norm_key(name), num)
            wide_months.add(norm_key(name))

    patterns: dict[str, str] = {}
    for name, table in norms.items():
        patterns[name] = alternation(table.keys())
    # full names only: a month or weekday standing alone is read only in these forms
    patterns["month_wide"] = alternation(wide_months)
    patterns["weekday_wide"] = alternation(wide_days)
    # as CLDR writes them, for (?-i:...) where case tells a month from a word ("to march")
    patterns["month_wide_cased"] = alternation(cased_months)
    patterns["weekday_wide_cased"] = alternation(cased_days)
    for source in (shared.get("patterns") or {}, data.get("patterns") or {}):
        for name, value in source.items():
            if isinstance(value, list):
                patterns[name] = alternation(value)
            elif isinstance(value, str):
                patterns[name] = "(?:" + value + ")"
            else:
                raise error(LanguageDataError, "E102", path=str(path), detail=f"pattern {name} must be a list or a string")

    def expand(template: str, where: str) -> str:
        def sub(mt: re.Match) -> str:
            name = mt.group(1)
            if name not in patterns:
                raise error(LanguageDataError, "E102", path=str(path), detail=f"{where}: unknown pattern {{{name}}}")
            return patterns[name]

        # two passes so that raw patterns may reference word lists
        return _REF.sub(sub, _REF.sub(sub, template))

    def compile_(template: str, where: str) -> re.Pattern:
        try:
            return re.compile(expand(template, where), re.IGNORECASE)
        except re.error as e:
            raise error(LanguageDataError, "E102", path=str(path), detail=f"{where}: {e}")

    rules: list[Rule] = []
    for i, spec in enumerate(list(data.get("rules") or []) + list(shared.get("rules") or [])):
        name, kind, rx = spec.get("name"), spec.get("kind"), spec.get("regex")
        if not name or kind not in KINDS or not rx:
            raise error(LanguageDataError, "E102", path=str(path), detail=f"rule #{i} needs name, regex and a kind in {sorted(KINDS)}")
        rules.append(Rule(name, kind, compile_(r"(?<!\w)(?:" + rx + r")(?!\w)", f"rule {name}"), i))

    g = Grammar(lang, path, norms, patterns, rules, list(data.get("examples") or []))
    end = r"[\s-]*$"
    g.approx_prefix = compile_(r"(?<!\w)(?:{approx})\s*$", "approx")
    g.approx_suffix = compile_(r",?\s*(?:{approx_after})(?!\w)(?![\s,]*(?:[0-9]|(?:{number})(?!\w)))", "approx_after")
    g.part_prefix = compile_(r"(?<!\w)(?P<part>{part})" + end, "part")
    g.weekday_prefix = compile_(r"(?<!\w)(?P<weekday>{weekday})\.?(?:\s*,\s*|\s+)(?:{weekday_glue}\s+)?$", "weekday")
    g.dnext_suffix = compile_(r"(?<!\w)(?:{deictic_next})\s*$", "deictic_next")
    g.open_end_prefix = compile_(r"(?<!\w)(?:{open_end})\s*$", "open_end")
    g.open_start_prefix = compile_(r"(?<!\w)(?:{open_start})\s*$", "open_start")
    g.range_start_prefix = compile_(r"(?<!\w)(?:{range_start})\s*$", "range_start")
    if "range_between" in patterns:  # "entre 1881 et 1882" is a range, "de 1881 et 1882" two years
        g.range_between_prefix = compile_(r"(?<!\w)(?:{range_between})\s*$", "range_between")
    g.range_and = compile_(r"\s*(?:{range_and})\s*", "range_and")
    g.range_to = compile_(r"\s*(?:(?:{range_to})\s*|[-–—]\s*)", "range_to")
    g.calendar_suffix = compile_(r",?\s*(?P<open>[\(\[])?\s*(?P<cal>{calendar})(?(open)\s*[\)\]])", "calendar")
    # tenths of a second after a duration in seconds ("20 secondi e 5 decimi"); optional
    # words that open an event after a relative ("le lendemain de son élection"); optional
    g.event_link = compile_(r"\s+(?:{event_link})(?:(?<=['’])|(?!\w))", "event_link") if "event_link" in patterns else None
    g.tenths = compile_(r"\s+(?:{range_and})\s+(?P<num>{num})\s+(?:{tenths})(?!\w)", "tenths") if "tenths" in patterns else None
    # a street word before a day and month ("Avenida 17 de Junio"); optional
    # what may stand between durations written in a row ("2 horas, 9 minutos y 21 segundos")
    g.street_prefix = (compile_(r"(?<!\w)(?:{street_words})\s+(?:del?\s+)?$", "street_words")
                       if "street_words" in patterns else None)
    g.duration_glue = compile_(r"\s*,\s*|\s+|\s*,?\s+(?:{range_and})\s+", "range_and")
    g.year_of_glue = compile_(r"\s*(?:{year_of}\s*)?", "year_of")
    g.article_prefix = compile_(r"(?<!\w)(?:{timeml_article})\s+$", "timeml_article")
    return g
