"""OCR for PDF pages without a text layer (the optional extra ``pip install 'gongkai[ocr]'``).

rapidocr-onnxruntime ships its PP-OCR detection and recognition models inside the wheel, so nothing is
downloaded at run time. The page is rendered with PDFium; each recognised text box becomes characters
spread evenly over the box (enough to put them into the right table cell), and the table's ruling lines
are found in the same image (long horizontal and vertical runs of dark pixels), so an OCR'd page goes
through the same line and table code as a text page. Everything read this way is marked ``ocr=True``.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from typing import Any

import pypdfium2 as pdfium

from gongkai.model.values import UNREADABLE
from gongkai.read.pdf_page import MIN_RULE, Char, PageContent
from gongkai.read.pdf_table import page_fragments

#: render scale (72 dpi × 3 = 216 dpi: small table digits need it)
SCALE = 3.0
#: recognised text below this confidence is dropped (a stain is not a character)
MIN_SCORE = 0.5

_ENGINE: Any = None
#: what a re-read value cell may hold: digits and the marks of a printed value (anything else is dropped)
_VALUE = re.compile(r"^[0-9][0-9.,]*$|^[/／—–-]$")
#: a re-read must be at least this sure
_REREAD_SCORE = 0.8
#: glyphs the recogniser returns for a lone printed zero in a cell (it reads "0" as "。" with 0.98)
_ZERO_LOOKALIKES = frozenset("。oO〇○")


def available() -> bool:
    """Whether the OCR extra is installed (checked without importing it: onnxruntime is slow to load)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = importlib.import_module("rapidocr_onnxruntime").RapidOCR()
    return _ENGINE


def _render(pdf: pdfium.PdfDocument, content: PageContent) -> Any:
    np = importlib.import_module("numpy")  # comes with the OCR extra; imported by name so that type
    # checking a machine without the extra still passes
    page = pdf[content.number - 1]
    try:
        image = page.render(scale=SCALE).to_pil().convert("RGB")
    finally:
        page.close()
    return np.asarray(image)


def _recognised(pixels: Any) -> list[tuple[str, float, float, float, float]]:
    """Text boxes found in the image: (text, x0, top, x1, bottom) in points."""
    result, _ = _engine()(pixels)
    out: list[tuple[str, float, float, float, float]] = []
    for box, text, score in result or []:
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs = [float(p[0]) / SCALE for p in box]
        ys = [float(p[1]) / SCALE for p in box]
        out.append((str(text), min(xs), min(ys), max(xs), max(ys)))
    return out


def ocr_page(pdf: pdfium.PdfDocument, content: PageContent) -> None:
    """Fill ``content`` (a page without text) with OCR'd characters and the rulings seen in the image."""
    pixels = _render(pdf, content)
    for text, x0, top, x1, bottom in _recognised(pixels):
        content.chars.extend(_spread(text, x0, top, x1, bottom))
    _rulings(pixels, content)
    _reread_empty_cells(pixels, content)
    content.ocr = True


def ocr_pictures(pdf: pdfium.PdfDocument, content: PageContent) -> bool:
    """Read the text of the large pictures on a page that also has a text layer (a table pasted as a
    screenshot). Only what lies inside a picture and is not already in the text layer is added (a
    letterhead or watermark picture under real text adds nothing). Returns whether anything was added."""
    boxes = content.pictures
    pixels = _render(pdf, content)
    text_layer = [c for c in content.chars if not c[0].isspace()]
    added = False
    for text, x0, top, x1, bottom in _recognised(pixels):
        if not _inside(x0, top, x1, bottom, boxes):
            continue
        if any(c[1] < x1 and c[3] > x0 and c[2] < bottom and c[4] > top for c in text_layer):
            continue  # the text layer already has it
        content.chars.extend(_spread(text, x0, top, x1, bottom))
        added = True
    if not added:
        return False
    found = PageContent(content.number, content.width, content.height)
    _rulings(pixels, found)
    content.horizontals.extend(s for s in found.horizontals if _inside(*s, boxes))
    content.verticals.extend(s for s in found.verticals if _inside(*s, boxes))
    _reread_empty_cells(pixels, content, boxes)
    content.ocr_boxes.extend(boxes)
    return True


def _inside(
    x0: float, top: float, x1: float, bottom: float, boxes: list[tuple[float, float, float, float]]
) -> bool:
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


def _spread(text: str, x0: float, top: float, x1: float, bottom: float) -> list[Char]:
    """One recognised box → characters with equal shares of its width (spaces mark piece breaks)."""
    width = (x1 - x0) / max(len(text), 1)
    return [(ch, x0 + i * width, top, x0 + (i + 1) * width, bottom) for i, ch in enumerate(text)]


def _rulings(pixels: Any, content: PageContent) -> None:
    """Horizontal and vertical lines of the rendered page (morphological opening with long kernels)."""
    cv2 = importlib.import_module("cv2")

    gray = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    length = int(MIN_RULE * 6 * SCALE)
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for i in range(1, count):
            x, y, w, h = (int(v) for v in stats[i][:4])
            if horizontal:
                mid = (y + h / 2) / SCALE
                content.horizontals.append((x / SCALE, mid, (x + w) / SCALE, mid))
            else:
                mid = (x + w / 2) / SCALE
                content.verticals.append((mid, y / SCALE, mid, (y + h) / SCALE))


def _reread_empty_cells(
    pixels: Any, content: PageContent, within: list[tuple[float, float, float, float]] | None = None
) -> None:
    """The detector overlooks lone small digits ("0", "1") in table cells; a cell of the rebuilt tables that
    is empty but has ink in it is recognised again on its own and kept if it reads as a value; otherwise
    the cell reads U+FFFD, so that nobody takes it for a printed blank."""
    fragments, _ = page_fragments(content)
    margin = 2  # points inside the rulings, so the lines themselves are not read
    for fragment in fragments:
        for cell in fragment.cells:
            width, height = cell.x1 - cell.x0, cell.bottom - cell.top
            if cell.chars or not (6 < width < 120 and 6 < height < 80):
                continue  # not a value cell: labels are long and were found by the detector
            if within is not None and not _inside(cell.x0, cell.top, cell.x1, cell.bottom, within):
                continue  # a table of the text layer: its empty cells are really empty
            crop = pixels[
                int((cell.top + margin) * SCALE) : int((cell.bottom - margin) * SCALE),
                int((cell.x0 + margin) * SCALE) : int((cell.x1 - margin) * SCALE),
            ]
            if crop.size == 0 or int((crop.min(axis=2) < 128).sum()) < 12:
                continue  # blank in the scan too
            result, _ = _engine()(crop, use_det=False, use_cls=False, use_rec=True)
            text, score = (str(result[0][0]).strip(), float(result[0][1])) if result else ("", 0.0)
            if text in _ZERO_LOOKALIKES:
                text = "0"  # the only value a lone round glyph in a number cell can be
            if not (score >= _REREAD_SCORE and _VALUE.match(text)):
                # something is printed there but it cannot be read: say so (U+FFFD, "unreadable"),
                # never leave it looking like a printed blank
                text = UNREADABLE
            x0, x1 = cell.x0 + margin, cell.x1 - margin
            content.chars.extend(_spread(text, x0, cell.top + margin, x1, cell.bottom - margin))
