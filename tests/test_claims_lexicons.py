"""The claim lexicons (chronicon/claims/data/<lang>.yaml) of all six languages.

- every file loads and has a trigger for every event type of the shared spec
  (plus the types the project added);
- every regular expression in it compiles;
- every ``examples:`` entry, run through the whole pipeline
  (``chronicon.extract``), yields a claim of its type and date (and subject, if
  given); ``type: null`` means no claim at all may carry that date.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from chronicon.claims import load_lexicon

LANGS = ["en", "es", "fr", "it", "pt", "de"]
#: Types the project added to the spec's starting vocabulary.
ADDED_TYPES = ["discovery", "burial", "exhumation", "abdication"]
#: Spec types that no trigger word introduces: a quantity claim is a number stated
#: about a subject, with property, value and unit (see output.md), not an event word.
NOT_TRIGGERED = {"quantity"}
SPEC = Path(__file__).parents[1] / ".." / "shared" / "spec" / "event_types.md"
#: Sections that are lists of regular expressions.
LIST_SECTIONS = [
    "passive", "negation", "modality", "report", "pronouns_subject", "pronouns_object",
    "pronouns_possessive", "coordination", "including", "anniversary", "where", "oblique",
    "agent", "clause", "from_words", "to_words",
]


def _data(lang: str) -> dict:
    path = resources.files("chronicon.claims").joinpath(f"data/{lang}.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def _spec_types() -> list[str]:
    """The ids in the first column of the spec's table ("arrival / departure" is two)."""
    if not SPEC.is_file():
        pytest.skip(f"event type spec not found at {SPEC.resolve()}")
    ids = []
    for line in SPEC.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|") or len(cells) < 2:
            continue
        first = cells[0]
        if first in ("id", "") or set(first) <= set("-: "):
            continue
        ids.extend(p.strip().strip("`") for p in first.split("/") if p.strip())
    assert ids, f"no event types parsed from {SPEC}"
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_loads(lang):
    lex = load_lexicon(lang)
    assert lex.lang == lang
    assert lex.groups


@pytest.mark.parametrize("lang", LANGS)
def test_every_event_type_has_a_trigger(lang):
    wanted = [t for t in _spec_types() if t not in NOT_TRIGGERED] + ADDED_TYPES
    lex = load_lexicon(lang)
    have = {t.type for t in lex.groups.values()}
    missing = [t for t in wanted if t not in have]
    assert not missing, f"{lang}: no trigger for {missing}"


def _patterns(d: dict):
    for key in LIST_SECTIONS:
        for p in d.get(key) or []:
            yield key, p
    for name, pats in (d.get("facets") or {}).items():
        for p in pats:
            yield f"facets.{name}", p
    for i, t in enumerate(d["triggers"]):
        for key in ("patterns", "weak"):
            for p in t.get(key) or []:
                yield f"triggers[{i}:{t['type']}].{key}", p
        for name, pats in (t.get("manner") or {}).items():
            for p in pats:
                yield f"triggers[{i}:{t['type']}].manner.{name}", p


@pytest.mark.parametrize("lang", LANGS)
def test_every_regex_compiles(lang):
    bad = []
    for where, p in _patterns(_data(lang)):
        try:
            re.compile(p, re.IGNORECASE)
        except re.error as e:
            bad.append(f"{where}: {p!r}: {e}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("lang", LANGS)
def test_examples_are_well_formed(lang):
    d = _data(lang)
    examples = d.get("examples") or []
    assert len(examples) >= 12, f"{lang}: only {len(examples)} examples"
    assert sum(1 for ex in examples if ex.get("type") is None) >= 2, f"{lang}: fewer than 2 traps"
    known = {t["type"] for t in d["triggers"]}
    for ex in examples:
        assert {"text", "type", "date"} <= set(ex), ex
        assert ex["type"] is None or ex["type"] in known, ex


EXAMPLES = [
    pytest.param(lang, ex, id=f"{lang}-{i:02d}-{ex['type']}-{ex['text'][:30]}")
    for lang in LANGS
    for i, ex in enumerate(_data(lang).get("examples") or [])
]


@pytest.mark.parametrize("lang,ex", EXAMPLES)
def test_example(lang, ex):
    import chronicon

    claims = chronicon.extract(ex["text"], lang=lang)
    date = str(ex["date"])
    found = [(c.type, c.date, c.subject) for c in claims]
    if ex["type"] is None:
        assert not [c for c in claims if c.date == date], f"no claim should carry {date}; got {found}"
        return
    hits = [c for c in claims if c.type == ex["type"] and c.date == date]
    assert hits, f"no {ex['type']} claim dated {date}; got {found}"
    if ex.get("subject"):
        assert any(c.subject == ex["subject"] for c in hits), f"subject {ex['subject']!r} not among {found}"
