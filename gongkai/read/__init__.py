"""Stage 1 — bytes to a ``Document``: normalised lines and table grids, each piece with its source.

``read_document(path)`` checks the size before reading, tells the type by content, and hands the bytes
to the reader for that type. Each reader is a function ``(data, name, limits) -> Document``; DOCX and PDF
slot in beside text and HTML and the parser never knows which one ran.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from gongkai.errors import EmptyFile, FileTooLarge, UnreadableReport, UnsupportedFile
from gongkai.read.document import Block, Document, Grid, GridCell, Line, Piece
from gongkai.read.limits import DEFAULT_LIMITS, MB, Limits
from gongkai.read.sniff import sniff

Reader = Callable[[bytes, str, Limits], Document]

#: kind → "module:function"; imported on first use so that a missing optional dependency of one reader
#: never stops the others.
READERS: dict[str, str] = {
    "text": "gongkai.read.text:text_to_document",
    "html": "gongkai.read.html:html_to_document",
    "docx": "gongkai.read.docx:docx_to_document",
    "pdf": "gongkai.read.pdf:pdf_to_document",
}

_REFUSED: dict[str, str] = {
    "doc": "这是旧版 Word（.doc）文件，gongkai 不读取其二进制格式；请用 Word 或 WPS “另存为” .docx，"
    "或执行 libreoffice --headless --convert-to docx 文件名.doc 后再读取",
    "zip": "这是压缩包而不是 Word 文档（内部没有 word/document.xml）",
    "image": "这是图片文件，不是文本、网页、Word 或 PDF 报告；扫描件请转为 PDF 后使用 OCR 扩展读取",
    "binary": "这是二进制文件，不是文本、网页、Word 或 PDF 报告",
}


_LOADED: dict[str, Reader] = {}


def reader_for(kind: str) -> Reader:
    reader = _LOADED.get(kind)
    if reader is None:
        module_name, function = READERS[kind].split(":")
        reader = _LOADED[kind] = getattr(importlib.import_module(module_name), function)
    return reader


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a document held in memory. ``name`` is used in messages and provenance."""
    if len(data) > limits.max_bytes:
        raise FileTooLarge(name, f"文件大小 {len(data) / MB:.1f} MB，超过上限 {limits.max_bytes / MB:.0f} MB")
    if not data.strip():
        raise EmptyFile(name, "文件为空")
    kind = sniff(data)
    if kind in _REFUSED:
        raise UnsupportedFile(name, _REFUSED[kind])
    try:
        reader = reader_for(kind)
    except ImportError as exc:
        raise UnsupportedFile(name, f"读取 {kind.upper()} 文件所需的组件未安装（{exc.name}）；请运行 pip install gongkai") from exc
    return reader(data, name, limits)


def read_document(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a file. The size is checked before anything is read into memory."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UnreadableReport(name, "文件不存在") from None
    except OSError as exc:
        raise UnreadableReport(name, f"无法访问文件（{exc.strerror}）") from None
    if p.is_dir():
        raise UnreadableReport(name, "这是文件夹，不是文件")
    if size > limits.max_bytes:
        raise FileTooLarge(name, f"文件大小 {size / MB:.1f} MB，超过上限 {limits.max_bytes / MB:.0f} MB")
    with p.open("rb") as fh:
        # read what stat() promised (never over the limit): read(n) allocates n bytes up front, so asking
        # for max_bytes would cost 50 MB per file; a file that grows while we read is still bounded
        data = fh.read(min(size, limits.max_bytes) + 1)
    return read_bytes(data, name, limits)


__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "Block",
    "Document",
    "Grid",
    "GridCell",
    "Limits",
    "Line",
    "Piece",
    "read_bytes",
    "read_document",
    "reader_for",
    "sniff",
]
