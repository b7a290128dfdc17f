"""Stage 6a, store: one SQLite file is the whole state.

Public API: ``Store(path, readonly=False)`` with ``add_document``, ``claims``,
``replace_events``, ``update_events`` (incremental runs), ``events``, ``sources``, ``counts`` and ``transaction``.
The schema is ``schema.sql`` beside this file (documented table by table).
"""

from ._sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
