"""Stage 1, ingest: files -> :class:`chronicon.model.Source`.

Public API (everything else in this package is private):

- ``read(path, *, lang=None) -> Source``: one file (txt, md, html, tei). Raises
  :class:`chronicon.errors.IngestError` with a code and the file name.
- ``read_paths(paths, *, lang=None) -> (list[Source], list[Problem])``: files and
  folders; a bad file becomes a Problem, the rest is still read.
- ``from_text(text, *, id="text", lang=None, fmt="txt") -> Source``.
- ``split_sentences(text, lang) -> list[Sentence]`` and ``identify_language(text)``.
"""

from ._lang import identify_language
from ._readers import SUFFIXES, from_text, read, read_paths
from ._sentences import split_sentences

__all__ = ["read", "read_paths", "from_text", "split_sentences", "identify_language", "SUFFIXES"]
