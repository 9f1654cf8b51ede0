"""What one PDF page holds, taken straight from PDFium through pypdfium2's raw bindings: the characters of
the text layer with their boxes, and the ruling segments (stroked lines and thin filled rectangles) that
tables are drawn with.

Coordinates are pdfplumber's: points, origin at the top-left of the visible page, ``top < bottom``.
Filled rectangles that are not thin are never rulings: the 洪泽区 reports draw every prose line over a
white filled box, and shaded header cells are filled boxes too; their borders are drawn separately.
"""

from __future__ import annotations

import ctypes
import itertools
import struct
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: a filled rectangle thinner than this (points) is a ruling line
THIN = 2.5
#: segments shorter than this are glyph-like decoration, not rulings
MIN_RULE = 3.0
#: a picture covering at least this share of the page may hold text (a table pasted as an image)
PICTURE = 0.1

#: Char = (text, x0, top, x1, bottom)
Char = tuple[str, float, float, float, float]
#: Segment = (x0, top, x1, bottom); horizontal segments have top == bottom, vertical x0 == x1
Segment = tuple[float, float, float, float]

_Matrix = tuple[float, float, float, float, float, float]
_ToPage = Callable[[float, float], tuple[float, float]]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_RECTF = struct.Struct("=4f")


@dataclass
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    horizontals: list[Segment] = field(default_factory=list)
    verticals: list[Segment] = field(default_factory=list)
    #: count of image objects (a page with images and no text is a scan)
    images: int = 0
    #: boxes of pictures covering a good part of the page (a table pasted as a screenshot, a scanned page)
    pictures: list[Segment] = field(default_factory=list)
    #: the characters and rulings were recognised in the rendered image (gongkai.read.ocr)
    ocr: bool = False
    #: parts of the page whose text was recognised by OCR (pictures on a page that also has text)
    ocr_boxes: list[Segment] = field(default_factory=list)


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    page = pdf[index]
    try:
        left, bottom, right, top = page.get_bbox()
        rotation = page.get_rotation() % 360
        width, height = right - left, top - bottom
        if rotation in (90, 270):
            width, height = height, width
        content = PageContent(number=index + 1, width=width, height=height)

        def to_page(x: float, y: float) -> tuple[float, float]:
            """PDF user space → top-left origin of the page as displayed (rotation applied)."""
            dx, dy = x - left, top - y
            if rotation == 90:
                return (top - bottom) - dy, dx
            if rotation == 180:
                return (right - left) - dx, (top - bottom) - dy
            if rotation == 270:
                return dy, (right - left) - dx
            return dx, dy

        _read_chars(page, content, to_page if rotation else None, (left, top))
        _read_paths(page, content, to_page)
        return content
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------- text


def _read_chars(
    page: pdfium.PdfPage, content: PageContent, to_page: _ToPage | None, offsets: tuple[float, float]
) -> None:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        if count <= 0:
            return
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
        exact = len(text) == count  # a character outside the BMP would shift indices: fall back per char
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        tight_refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        tight_box = pdfium_c.FPDFText_GetCharBox
        generated = pdfium_c.FPDFText_IsGenerated
        get_unicode = pdfium_c.FPDFText_GetUnicode
        chars = content.chars
        x_shift, y_flip = offsets
        skip = "\r\n\x00\ufffe\uffff"
        unpack_rect = _RECTF.unpack_from
        # The loose box (font ascent to descent) keeps a line's characters level, but some fonts carry
        # absurd metrics (洪泽区: 200 pt boxes far from the glyph); then the glyph's own box is the truth.
        # Characters of one font and size share their loose height, so the check is made once per
        # height (the first visible character of that height decides), not per character.
        verdicts: dict[float, bool] = {}
        for i, ch in (
            enumerate(text) if exact else ((i, chr(get_unicode(raw, i) or 0xFFFD)) for i in range(count))
        ):
            if ch in skip or (ch == " " and generated(raw, i) == 1):
                continue  # PDFium's own guesses at spaces and line ends: we find lines ourselves
            if not loose_box(raw, i, rect_ref):
                continue
            x0, y1, x1, y0 = unpack_rect(rect)  # FS_RECTF is left, top, right, bottom (one call, not four)
            height = y1 - y0
            bad = verdicts.get(height)
            if bad is None and not ch.isspace() and tight_box(raw, i, *tight_refs):
                cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
                glyph = max(top.value - bottom.value, right.value - left.value)
                bad = verdicts[height] = (
                    not (x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1) or height > 4 * glyph + 6
                )
                if bad:
                    x0, y1, x1, y0 = left.value, top.value, right.value, bottom.value
            elif bad and tight_box(raw, i, *tight_refs):
                x0, y1, x1, y0 = left.value, top.value, right.value, bottom.value
            if to_page is None:  # unrotated page: the common case, kept free of function calls
                chars.append((ch, x0 - x_shift, y_flip - y1, x1 - x_shift, y_flip - y0))
            else:
                x_a, y_a = to_page(x0, y1)
                x_b, y_b = to_page(x1, y0)
                chars.append((ch, min(x_a, x_b), min(y_a, y_b), max(x_a, x_b), max(y_a, y_b)))
    finally:
        textpage.close()


# ---------------------------------------------------------------------------------------------- paths


def _read_paths(page: pdfium.PdfPage, content: PageContent, to_page: _ToPage) -> None:
    raw = page.raw
    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    text = pdfium_c.FPDF_PAGEOBJ_TEXT
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = get_object(raw, i)
        kind = get_type(obj)
        if kind != text:  # most objects are text: nothing more to ask about them
            _visit(obj, kind, _IDENTITY, content, to_page, 0)


def _visit(
    obj: object, kind: int, outer: _Matrix, content: PageContent, to_page: _ToPage, depth: int
) -> None:
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        _path(obj, outer, content, to_page)
    elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        content.images += 1
        if outer is _IDENTITY:
            _picture(obj, content, to_page)
    elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
        matrix = _compose(_matrix(obj), outer)
        for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            child = pdfium_c.FPDFFormObj_GetObject(obj, i)
            _visit(child, pdfium_c.FPDFPageObj_GetType(child), matrix, content, to_page, depth + 1)


def _picture(obj: object, content: PageContent, to_page: _ToPage) -> None:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return
    xa, ya = to_page(left.value, top.value)
    xb, yb = to_page(right.value, bottom.value)
    x0, x1 = max(min(xa, xb), 0.0), min(max(xa, xb), content.width)
    y0, y1 = max(min(ya, yb), 0.0), min(max(ya, yb), content.height)
    if x1 > x0 and y1 > y0 and (x1 - x0) * (y1 - y0) >= PICTURE * content.width * content.height:
        content.pictures.append((x0, y0, x1, y1))


def _matrix(obj: object) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _is_white(getter: Callable[..., object], obj: object) -> bool:
    """A PDFium colour getter (FPDFPageObj_GetFillColor / GetStrokeColor) says the colour is white or clear."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    ok = getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a))
    if not ok:
        return False
    return (r.value > 240 and g.value > 240 and b.value > 240) or a.value == 0


def _path(obj: object, outer: _Matrix, content: PageContent, to_page: _ToPage) -> None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return
    if outer is _IDENTITY and _simple_path(obj, bool(stroke.value), fill_mode.value != 0, content, to_page):
        return
    stroked = bool(stroke.value) and not _is_white(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
    filled = fill_mode.value != 0 and not _is_white(pdfium_c.FPDFPageObj_GetFillColor, obj)
    if not (stroked or filled):
        return
    a, b, c, d, e, f = _compose(_matrix(obj), outer)
    # subpaths as lists of points in page coordinates
    subpaths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        px, py = to_page(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(current) > 1:
                subpaths.append(current)
            current = [(px, py)]
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            current.append((px, py))
        else:  # a curve: not a ruling; break the subpath so no straight edge is invented across it
            if len(current) > 1:
                subpaths.append(current)
            current = [(px, py)]
            continue
        if pdfium_c.FPDFPathSegment_GetClose(seg) and current and current[0] != current[-1]:
            current.append(current[0])
    if len(current) > 1:
        subpaths.append(current)
    for points in subpaths:
        if stroked:
            for (x0, y0), (x1, y1) in itertools.pairwise(points):
                _add_edge(content, x0, y0, x1, y1)
        elif filled:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            w, h = max(xs) - min(xs), max(ys) - min(ys)
            if len(points) <= 6 and min(w, h) < THIN:
                if w >= h:
                    mid = (min(ys) + max(ys)) / 2
                    _add_edge(content, min(xs), mid, max(xs), mid)
                else:
                    mid = (min(xs) + max(xs)) / 2
                    _add_edge(content, mid, min(ys), mid, max(ys))


def _simple_path(obj: object, stroke: bool, fill: bool, content: PageContent, to_page: _ToPage) -> bool:
    """The common shapes from their bounds alone (one call instead of a walk over the segments): a
    filled rectangle (a ruling when thin, else a shaded box that is no ruling) and a stroked straight
    line. Returns False when the path needs the full walk."""
    if not (stroke or fill):
        return True
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if not ((fill and not stroke and count <= 5) or (stroke and not fill and count == 2)):
        return False
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return True
    xa, ya = to_page(left.value, top.value)
    xb, yb = to_page(right.value, bottom.value)
    x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
    thin = min(x1 - x0, y1 - y0)
    if thin >= THIN:
        if not stroke:
            return True  # a shaded or white box: never a ruling
        width = ctypes.c_float()
        if not pdfium_c.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width)) or thin > width.value + 0.5:
            return True  # a diagonal line (a thick straight one is as wide as its stroke)
    if _is_white(pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor, obj):
        return True
    if x1 - x0 >= y1 - y0:
        mid = (y0 + y1) / 2
        _add_edge(content, x0, mid, x1, mid)
    else:
        mid = (x0 + x1) / 2
        _add_edge(content, mid, y0, mid, y1)
    return True


def _add_edge(content: PageContent, x0: float, y0: float, x1: float, y1: float) -> None:
    if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= MIN_RULE:
        y = (y0 + y1) / 2
        content.horizontals.append((min(x0, x1), y, max(x0, x1), y))
    elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= MIN_RULE:
        x = (x0 + x1) / 2
        content.verticals.append((x, min(y0, y1), x, max(y0, y1)))
