"""Stage 2, time: temporal expressions normalised to EDTF (and TIMEX3 values).

Public API:

- ``tag(text, lang, *, anchor=None, dct=None) -> list[TimeExpression]``: offsets into ``text``.
- ``tag_source(source) -> list[TimeExpression]``: each segment in its own language,
  anchors (last explicit date) carried across sentences, offsets into ``source.text``.
"""
