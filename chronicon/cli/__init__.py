"""Command line: ``chronicon extract|reconcile|timeline|demo|evaluate|time|export|serve|bench``.

Each verb is a thin shell over one public API call (``Pipeline.extract``,
``Pipeline.run``, ...); the verbs live in one module per group, each registering
itself on the app when imported here.
"""

from . import (  # noqa: F401 - registers the commands
    _bench,
    _bench_claims,
    _bench_reconcile,
    _bench_time,
    _check_cmd,
    _evaluate_cmd,
    _export_cmd,
    _run,
    _serve_cmd,
    _time_cmd,
)
from ._app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
