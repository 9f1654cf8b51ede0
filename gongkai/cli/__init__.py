"""The ``gongkai`` command. Each command lives in its own module, which registers itself on ``app``."""

from __future__ import annotations

from gongkai.cli import _commands  # noqa: F401  (registers the commands)
from gongkai.cli._app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
