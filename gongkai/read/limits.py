"""Limits that keep reading bounded in time and memory, whatever the file claims to be."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: refuse files larger than this before reading them into memory
    max_bytes: int = 50 * MB
    #: PDFs with more pages than this are refused (annual reports have 3–30)
    max_pdf_pages: int = 200
    #: DOCX (a zip): total uncompressed size and compression ratio of its members
    max_unzipped_bytes: int = 200 * MB
    max_zip_ratio: float = 200.0
    max_zip_members: int = 5000
    #: HTML nesting and text sizes are bounded by max_bytes; grids by this many cells
    max_grid_cells: int = 200_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pdf_pages", "max_unzipped_bytes", "max_zip_members", "max_grid_cells"):
            if getattr(self, name) <= 0:
                raise ValueError(f"limit {name} must be positive")


DEFAULT_LIMITS = Limits()
