"""Tell a file's real type from its content, never from its extension alone (an extension can lie)."""

from __future__ import annotations

import re

_HTML_MARK = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|div|table|p|title)\b", re.IGNORECASE)
_TEXT_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


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
    if _HTML_MARK.search(head.lower()[:2048]) and b"<" in head:
        return "html"
    if _looks_like_text(head):
        return "text"
    return "binary"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    return len(_TEXT_CONTROL.findall(head)) <= max(2, len(head) // 200)
