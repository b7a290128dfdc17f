"""Coded errors and warnings that tell the user what to do.

Hierarchy::

    ChroniconError
     ├── IngestError          E0xx  a source could not be read
     ├── LanguageDataError    E1xx  a language data file is missing or malformed
     ├── NormalizationError   E1xx  a temporal expression could not be normalised
     ├── ClaimError           E2xx  claim extraction
     ├── ReconcileError       E4xx  reconcile
     ├── StoreError           E3xx  the SQLite store
     └── ExportError          E5xx  exports

Codes come in blocks per stage and are never reused. Each message says what
went wrong *and* what to do about it, like spaCy's ``Errors``.
"""

from __future__ import annotations


class Errors:
    # ingest: E0xx
    E001 = "path does not exist"
    E002 = "file is empty"
    E003 = "file looks binary (not text); convert it to text, HTML, Markdown or TEI first"
    E004 = "could not decode the text with any known encoding"
    E005 = "language '{lang}' is not supported yet (supported: {supported}); pass --lang to force one"
    E006 = "no readable text found (after removing markup)"
    E007 = "folder contains no text files (looked for {suffixes})"
    E008 = "XML is not well-formed: {detail}"
    E009 = "could not read the file: {detail}"
    # language data / time: E1xx
    E101 = "language data file for '{lang}' is missing: {path}. Add it (see docs/languages.md)"
    E102 = "language data file {path} is malformed: {detail}"
    # claims: E2xx
    E201 = "trigger lexicon for '{lang}' is missing: {path}. Add it (one YAML file per language)"
    E202 = "trigger lexicon {path} is malformed: {detail}"
    # store: E3xx
    E301 = "cannot open the store {path}: {detail}. Check the path or pass another --db"
    E302 = "the store {path} has schema version {found}, newer than this Chronicon ({supported}); upgrade Chronicon"
    E303 = "{path} is not a Chronicon store (no sources table)"
    # reconcile: E4xx
    E401 = "claims file {path} is not valid: {detail}"
    # export/evaluate: E5xx
    E501 = "unknown export format '{fmt}' (known: {known})"
    E502 = "gold file {path} is not valid: {detail}"


class ChroniconError(Exception):
    """Base class of every error Chronicon raises on purpose."""

    code: str = ""

    def __init__(self, message: str, *, code: str = "", path: str | None = None):
        self.code = code or self.code
        self.path = path
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        code = f"[{self.code}] " if self.code else ""
        return f"{where}{code}{self.message}"


class IngestError(ChroniconError):
    pass


class LanguageDataError(ChroniconError):
    pass


class NormalizationError(ChroniconError):
    pass


class ClaimError(ChroniconError):
    pass


class ReconcileError(ChroniconError):
    pass


class StoreError(ChroniconError):
    pass


class ExportError(ChroniconError):
    pass


def error(cls: type[ChroniconError], code: str, path: str | None = None, **kw) -> ChroniconError:
    """Build a coded error: ``raise error(IngestError, "E002", path)``."""
    template = getattr(Errors, code)
    return cls(template.format(path=path, **kw), code=code, path=path)
