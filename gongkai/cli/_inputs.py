"""Input handling shared by the commands that read reports: expand folders, read and parse each file,
and report unreadable ones as one Chinese line each while the others go on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from gongkai.errors import GongkaiError
from gongkai.model.report import Report
from gongkai.read.limits import MB, Limits

#: file types a folder run picks up; other files in the folder (README, images) are left alone
REPORT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".doc", ".pdf"})

MaxSize = Annotated[int, typer.Option("--max-size", help="单个文件大小上限（MB）", min=1)]


def expand(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and the report files inside folders (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in REPORT_SUFFIXES:
                    yield child
        else:
            yield path


@dataclass
class Outcome:
    path: Path
    report: Report | None
    error: GongkaiError | None


def parse_paths(paths: list[Path], max_size_mb: int) -> Iterator[Outcome]:
    """Parse every file; an error in one file never stops the others."""
    from gongkai.parse import parse_file

    limits = Limits(max_bytes=max_size_mb * MB)
    for path in expand(paths):
        try:
            yield Outcome(path, parse_file(path, limits), None)
        except GongkaiError as exc:
            yield Outcome(path, None, exc)
