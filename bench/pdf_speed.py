"""PDF speed: full reading (+ parsing, when gongkai.parse is importable) of the corpus PDFs beside bare
pypdfium2 plain-text extraction of the same files, as pages and reports per second and as a ratio; then
reports per second with two worker processes (the 2-core target: ≥ 10 PDF reports per second).

    .venv/bin/python bench/pdf_speed.py [--rounds 7] [--corpus ../shared/corpus]

Rounds alternate bare and full runs so that a busy machine slows both alike; the best round of each is
reported (the least disturbed one).
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from gongkai.read import read_bytes
from gongkai.read.document import Document

ROOT = Path(__file__).resolve().parents[1]

Parse = Callable[[Document], object]


def _parser() -> Parse | None:
    try:
        from gongkai.parse import parse_document
    except ImportError:
        return None
    return parse_document


def bare(files: list[tuple[str, bytes]]) -> int:
    pages = 0
    for _, data in files:
        pdf = pdfium.PdfDocument(data)
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def full(files: list[tuple[str, bytes]], parse: Parse | None) -> None:
    for name, data in files:
        doc = read_bytes(data, name)
        if parse is not None:
            parse(doc)


def _worker(job: tuple[str, bytes]) -> int:
    name, data = job
    doc = read_bytes(data, name)
    parse = _parser()
    if parse is not None:
        parse(doc)
    return 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    paths = sorted((args.corpus / "reports").glob("*.pdf")) + sorted(
        (args.corpus / "converted" / "pdf").glob("*.pdf")
    )
    files = [(p.name, p.read_bytes()) for p in paths]
    parse = _parser()
    pages = bare(files)
    full(files, parse)  # warm up imports and caches
    best_bare = best_full = best_read = float("inf")
    for _ in range(args.rounds):
        t = time.perf_counter()
        bare(files)
        best_bare = min(best_bare, time.perf_counter() - t)
        t = time.perf_counter()
        full(files, None)
        best_read = min(best_read, time.perf_counter() - t)
        t = time.perf_counter()
        full(files, parse)
        best_full = min(best_full, time.perf_counter() - t)
    n = len(files)
    what = "read + parse" if parse is not None else "read (gongkai.parse not importable)"
    print(f"corpus: {n} PDF reports, {pages} pages; best of {args.rounds} rounds")
    print(f"bare pypdfium2 text  : {pages / best_bare:8.1f} pages/s {n / best_bare:7.1f} reports/s")
    print(f"gongkai read         : {pages / best_read:8.1f} pages/s {n / best_read:7.1f} reports/s")
    print(f"gongkai {what:13}: {pages / best_full:8.1f} pages/s {n / best_full:7.1f} reports/s")
    print(f"ratio full / bare    : {best_full / best_bare:8.2f}× (target ≤ 3×)")
    jobs = files * max(1, 60 // n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_worker, files)  # start-up and imports are not what we measure
        elapsed = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            done = sum(pool.map(_worker, jobs, chunksize=2))
            elapsed = min(elapsed, time.perf_counter() - t)
    print(f"2 processes          : {done / elapsed:8.1f} reports/s ({done} reports, best of 3, target ≥ 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
