"""Small PDFs made in the tests themselves (nothing big is committed): a hand-written PDF writer for one
page of text, the same page encrypted with the PDF standard security handler (RC4, revision 2), image-only
pages, and documents of many pages."""

from __future__ import annotations

import hashlib
import io

import pypdfium2 as pdfium

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _write(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_pdf(text: str = "2024 Annual Report", password: str | None = None) -> bytes:
    """One page showing ``text`` in Helvetica; with ``password``, encrypted (RC4 40-bit, R2) so that
    it opens only with that user password."""
    content = b"BT /F1 24 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    file_id = hashlib.md5(b"gongkai test").digest()
    trailer = b"/ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">] "
    encrypt_obj: list[bytes] = []
    if password is not None:
        user = (password.encode() + _PAD)[:32]
        owner_key = hashlib.md5((b"owner-" + password.encode() + _PAD)[:32]).digest()[:5]
        o_value = _rc4(owner_key, user)
        p_value = -4
        key = hashlib.md5(user + o_value + p_value.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
        u_value = _rc4(key, _PAD)
        object_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
        content = _rc4(object_key, content)
        encrypt_obj = [
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + o_value.hex().encode()
            + b"> /U <"
            + u_value.hex().encode()
            + b"> /P -4 >>"
        ]
        trailer += b"/Encrypt 6 0 R "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *encrypt_obj,
    ]
    return _write(objects, trailer)


def blank_pages_pdf(count: int) -> bytes:
    """A valid PDF of ``count`` empty pages (made with PDFium, a few bytes per page)."""
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def image_pdf(source: bytes, page_index: int, scale: float = 2.0) -> bytes:
    """A PDF whose only page is a picture of ``source``'s page: a scan, with no text layer."""
    src = pdfium.PdfDocument(source)
    page = src[page_index]
    width, height = page.get_size()
    bitmap = page.render(scale=scale)
    out = pdfium.PdfDocument.new()
    new_page = out.new_page(width, height)
    image = pdfium.PdfImage.new(out)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    new_page.insert_obj(image)
    new_page.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    for closable in (new_page, out, page, src):
        closable.close()
    return buffer.getvalue()


def rotated_pdf(source: bytes, page_index: int, rotation: int) -> bytes:
    """``source``'s page drawn turned inside a page whose /Rotate turns it back: it displays upright, but
    every coordinate in the file is rotated (how landscape tables often come out of Word)."""
    src = pdfium.PdfDocument(source)
    width, height = src[page_index].get_size()
    out = pdfium.PdfDocument.new()
    xobject = src.page_as_xobject(page_index, out)
    sideways = rotation in (90, 270)
    page = out.new_page(height, width) if sideways else out.new_page(width, height)
    shift = {90: (height, 0.0), 180: (width, height), 270: (0.0, width)}[rotation]
    placed = xobject.as_pageobject()
    placed.set_matrix(pdfium.PdfMatrix().rotate(rotation, ccw=True).translate(*shift))
    page.insert_obj(placed)
    page.gen_content()
    page.set_rotation(rotation)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def lines_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """Pages of Helvetica text, each line given as (x, y from the top, text), 12 pt."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids: list[bytes] = []
    font_ref = 3 + 2 * len(pages)
    for lines in pages:
        content = b"".join(
            b"BT /F1 12 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, 842 - y, text.encode("latin-1"))
            for x, y, text in lines
        )
        page_number, content_number = len(objects) + 1, len(objects) + 2
        kids.append(b"%d 0 R" % page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (content_number, font_ref)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _write(objects)


def text_and_scan_pdf(source: bytes, page_index: int) -> bytes:
    """A text page followed by a page that is only a picture."""
    out = pdfium.PdfDocument(text_pdf("Report text page"))
    scan = pdfium.PdfDocument(image_pdf(source, page_index, scale=1.0))
    out.import_pages(scan)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def garbled_pdf(text: str = "2024 Annual Report") -> bytes:
    """One page whose font maps every character to the private use area (a broken ToUnicode map): the
    text layer exists but decodes to nothing readable."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbled def"
        b" 1 begincodespacerange <00> <FF> endcodespacerange"
        b" 1 beginbfrange <20> <7E> <E020> endbfrange endcmap"
        b" CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 24 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    return _write(objects)


def text_with_picture_pdf(source: bytes, page_index: int, crop: tuple[float, float, float, float]) -> bytes:
    """A page with a text layer and, below the text, a screenshot of the ``crop`` box (points, top-left
    origin) of ``source``'s page: a table pasted as a picture."""
    from PIL import Image

    src = pdfium.PdfDocument(source)
    scale = 2.0
    rendered = src[page_index].render(scale=scale).to_pil()
    x0, top, x1, bottom = crop
    picture: Image.Image = rendered.crop(
        (int(x0 * scale), int(top * scale), int(x1 * scale), int(bottom * scale))
    )
    out = pdfium.PdfDocument(
        lines_pdf([[(72, 80, "Report with a pasted table"), (72, 110, "See the table below")]])
    )
    page = out[0]
    image = pdfium.PdfImage.new(out)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(picture))
    width, height = x1 - x0, bottom - top
    image.set_matrix(pdfium.PdfMatrix().scale(width, height).translate(x0, 842 - 200 - height))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
