"""Chronicon: dated claims from many sources in many languages, laid side by side.

The public API is small; everything else is private to its stage::

    import chronicon
    claims = chronicon.extract("Trotsky was exiled to Alma-Ata on 17 January 1928.", lang="en")
    result = chronicon.Pipeline().run(["sources/"], db="chronicon.db")
    for event in result.events:
        print(event.best_date, event.subject, event.type, event.verdict)
"""

from ._check import CheckRow, check
from ._pipeline import Document, Pipeline, RunResult, extract, reconcile
from .errors import ChroniconError
from .model import SUPPORTED_LANGS, Claim, Entity, Event, Mention, Problem, Source, TimeExpression
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "CheckRow",
    "ChroniconError",
    "Claim",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Pipeline",
    "Problem",
    "RunResult",
    "SUPPORTED_LANGS",
    "Source",
    "Store",
    "TimeExpression",
    "check",
    "extract",
    "reconcile",
]
