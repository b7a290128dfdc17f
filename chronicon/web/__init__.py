"""Stage 6c, the web viewer: ``chronicon serve --db DB`` (issue 7).

``create_app(db_path)`` builds a FastAPI app over a store opened read-only:
a JSON API under ``/api`` (events with filters, an event with its claims side
by side, persons, sources) and HTML pages (a vis-timeline timeline, vendored
under ``static/vendor``, so the viewer works offline).
"""

from ._app import create_app

__all__ = ["create_app"]
