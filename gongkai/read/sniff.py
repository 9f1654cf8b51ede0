"""Tell a file's real type from its content, never from its extension alone (an extension can lie)."""

from __future__ import annotations

import re

_HTML_MARK = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|div|table|p|title)\b", re.IGNORECASE)
#: control bytes that never occur in text (tab, newlines, form feed and ESC excluded)
_TEXT_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def sniff(data: bytes) -> str:
    """Return "pdf", "docx", "zip", "doc", "html", "text", "image" or "binary"."""
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        # A DOCX is a zip whose members include word/document.xml; the name table is near the start
        # or in the central directory at the end.
        if b"word/" in data[:65536] or b"word/document.xml" in data[-65536:]:
            return "docx"
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # A password-protected .docx is an OLE container with an "EncryptedPackage" stream: hand it to the
        # DOCX reader, which says it is encrypted (not "old .doc").
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "docx"
        return "doc"
    if head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff" or head[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    if head[:4] in (b"II*\x00", b"MM\x00*") or (head[:2] == b"BM" and len(head) > 14 and b"\x00" in head[:14]):
        return "image"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        return "binary"
    if b"<" in head and _HTML_MARK.search(head, 0, 2048):
        return "html"
    if _looks_like_text(head):
        return "text"
    return "binary"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = len(head) - len(head.translate(None, _TEXT_CONTROL))  # counted in C: a regex is 5× slower
    return controls <= max(2, len(head) // 200)
