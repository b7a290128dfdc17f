"""Stage 2, time: temporal expressions normalised to EDTF (and TIMEX3 values).

Public API:

- ``tag(text, lang, *, anchor=None, dct=None) -> list[TimeExpression]``: offsets into ``text``.
- ``tag_source(source) -> list[TimeExpression]``: each segment in its own language,
  anchors (last explicit date) carried across sentences, offsets into ``source.text``.

Language data: ``chronicon/time/data/<iso>.yaml`` (see ``_grammar.py``).
"""

from chronicon.time._grammar import language_codes, load
from chronicon.time._tagger import tag, tag_source

__all__ = ["language_codes", "load", "tag", "tag_source"]
