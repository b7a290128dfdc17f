"""Command line: ``chronicon extract|reconcile|timeline|demo|evaluate``.

Each verb is a thin shell over one public API call (``Pipeline.extract``,
``Pipeline.run``, ...); the verbs live in one module per group.
"""

from . import _evaluate_cmd, _run  # noqa: F401 - registers the commands
from ._app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
