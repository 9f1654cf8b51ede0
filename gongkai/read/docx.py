"""DOCX → ``Document``: the body's paragraphs and tables in order, tables as ``Grid`` with gridSpan and
vMerge expanded.

The main part is read straight from the XML (lxml) rather than through python-docx: python-docx repeats a
spanned cell once per grid column and shows vMerge continuations as separate empty cells, both of which
we would have to undo, and walking the body ourselves keeps paragraphs and tables in their true order
(including those inside content controls). The zip is opened through ``GuardedZip`` (limits checked before
anything is decompressed, no DTDs). Headers, footers, footnotes and comments live in other parts and are
never read. Deleted text of tracked changes and field instructions are skipped; inserted text is kept.

Provenance: paragraph ``n`` of the body (1-based, counting body paragraphs only) → ``Source(line=n)``;
table ``i`` (0-based, body tables in order), grid row ``r`` and column ``c`` → ``Source(table=i, row=r,
col=c)``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from gongkai.errors import CorruptFile, EncryptedReport, HostileFile
from gongkai.model.report import Source
from gongkai.read.document import Block, Document, Grid, GridCell, Line, Piece
from gongkai.read.docx_numbering import Numbering
from gongkai.read.limits import Limits
from gongkai.read.zipguard import GuardedZip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"

_P, _TBL, _TR, _TC = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}tr", f"{{{W}}}tc"
#: containers whose children belong to the enclosing level (content controls, custom XML, smart tags)
_WRAPPERS = {f"{{{W}}}sdt", f"{{{W}}}sdtContent", f"{{{W}}}customXml", f"{{{W}}}smartTag"}
#: subtrees whose text is not part of the visible paragraph
_SKIP = {
    f"{{{W}}}del",
    f"{{{W}}}moveFrom",
    f"{{{W}}}instrText",
    f"{{{W}}}delInstrText",
    f"{{{W}}}pPr",
    f"{{{W}}}rPr",
    f"{{{W}}}drawing",
    f"{{{W}}}pict",
    f"{{{W}}}object",
    f"{{{W}}}footnoteReference",
    f"{{{W}}}endnoteReference",
    f"{{{W}}}commentReference",
    f"{{{_MC}}}AlternateContent",
}
_T, _TAB, _BR, _CR = f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"
_NB_HYPHEN = f"{{{W}}}noBreakHyphen"
_TXBX = f"{{{W}}}txbxContent"
_FALLBACK = f"{{{_MC}}}Fallback"
_VAL = f"{{{W}}}val"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: blank for the purpose of "is this cell empty": ASCII and ideographic spaces, NBSP, zero-width marks
_BLANKS = " \t\r\n\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"


def docx_to_document(data: bytes, name: str, limits: Limits) -> Document:
    if data[:8] == _OLE_MAGIC:
        # An encrypted .docx is an OLE container holding "EncryptionInfo" and "EncryptedPackage" streams.
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedReport(
                name, "文件已加密（设有打开密码），请先在 Word 或 WPS 中取消密码并另存为 .docx 后再读取"
            )
        raise CorruptFile(name, "这不是 .docx（Office Open XML）文档")
    package = GuardedZip(data, name, limits)
    main = _main_part(package)
    if main not in package:
        raise CorruptFile(name, "文件已损坏：缺少正文部件 word/document.xml")
    root = package.xml(main)
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise CorruptFile(name, "文件已损坏：正文部件中没有 <w:body>")
    doc = Document(name=name, kind="docx")
    _read_core(package, doc)
    walker = _BodyWalker(name, limits, _numbering(package, main))
    walker.walk(body)
    doc.blocks = walker.blocks
    return doc


# ---------------------------------------------------------------------------------------------- package


def _main_part(package: GuardedZip) -> str:
    """The officeDocument target of _rels/.rels (almost always word/document.xml)."""
    if "_rels/.rels" in package:
        for rel in package.xml("_rels/.rels").iter(f"{{{_REL}}}Relationship"):
            if rel.get("Type") == _OFFICE_DOC and rel.get("Target"):
                return posixpath.normpath(str(rel.get("Target")).lstrip("/"))
    return "word/document.xml"


def _numbering(package: GuardedZip, main: str) -> Numbering:
    """The list definitions and styles the main part refers to (for automatic numbers like 一、)."""
    folder, base = posixpath.split(main)
    parts = {
        "numbering": posixpath.join(folder, "numbering.xml"),
        "styles": posixpath.join(folder, "styles.xml"),
    }
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels in package:
        for rel in package.xml(rels).iter(f"{{{_REL}}}Relationship"):
            kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
            target = rel.get("Target")
            if kind in parts and target and rel.get("TargetMode") != "External":
                parts[kind] = posixpath.normpath(posixpath.join(folder, target))
    loaded = {kind: package.xml(path) if path in package else None for kind, path in parts.items()}
    return Numbering(loaded["numbering"], loaded["styles"])


def _read_core(package: GuardedZip, doc: Document) -> None:
    """Title and dates from docProps/core.xml, when present (metadata only; never required)."""
    core = "docProps/core.xml"
    if "_rels/.rels" in package:
        for rel in package.xml("_rels/.rels").iter(f"{{{_REL}}}Relationship"):
            if rel.get("Type") == _CORE and rel.get("Target"):
                core = posixpath.normpath(str(rel.get("Target")).lstrip("/"))
    if core not in package:
        return
    props = package.xml(core)
    fields = {
        "title": f"{{{_DC}}}title",
        "author": f"{{{_DC}}}creator",
        "created": f"{{{_DCTERMS}}}created",
        "modified": f"{{{_DCTERMS}}}modified",
    }
    for key, tag in fields.items():
        element = props.find(tag)
        text = (element.text or "").strip() if element is not None else ""
        if not text:
            continue
        if key == "title":
            doc.title = text
        else:
            doc.meta[key] = text


# ---------------------------------------------------------------------------------------------- body


def _children(element: etree._Element) -> Iterator[etree._Element]:
    """Children with content-control and custom-XML wrappers unwrapped."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _children(child)
        else:
            yield child


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a paragraph; tabs as "\\t", line breaks as "\\n"."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif len(child):
            stack.append(iter(child))
    return "".join(out)


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of one cell: no separator (a CJK label wrapped over two lines is one label), except a
    space between two ASCII letters/digits so that two printed numbers never fuse into one."""
    out = ""
    for part in parts:
        part = part.strip(_BLANKS)
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


@dataclass
class _RawCell:
    col: int
    span: int
    vmerge: str | None  # None: no merge; "restart"; "continue"; "gap" (gridBefore: no cell at all)
    text: str


class _BodyWalker:
    def __init__(self, name: str, limits: Limits, numbering: Numbering) -> None:
        self.name = name
        self.limits = limits
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.cells = 0

    def walk(self, body: etree._Element) -> None:
        for child in _children(body):
            if child.tag == _P:
                self._paragraph(child)
            elif child.tag == _TBL:
                self._table(child)

    def _paragraph(self, p: etree._Element) -> None:
        self.paragraphs += 1
        n = self.paragraphs
        # text boxes anchored in this paragraph (a title set in a box), once: Word stores each box twice,
        # as DrawingML (mc:Choice) and as VML (mc:Fallback)
        for box in p.iter(_TXBX):
            if any(a.tag == _FALLBACK for a in box.iterancestors()):
                continue
            for inner in box.iter(_P):
                self._lines(self.numbering.label(inner) + paragraph_text(inner), n)
        self._lines(self.numbering.label(p) + paragraph_text(p), n)

    def _lines(self, paragraph: str, n: int) -> None:
        for raw in paragraph.split("\n"):
            text = raw.strip(_BLANKS)
            if not text:
                continue
            source = Source(line=n)
            fields = [f.strip(_BLANKS) for f in raw.strip(_BLANKS).split("\t")]
            fields = [f for f in fields if f]
            separated = len(fields) > 1
            cells = tuple(Piece(f, source) for f in fields) if separated else (Piece(text, source),)
            self.blocks.append(Line(text=text, cells=cells, source=source, separated=separated))

    def _table(self, tbl: etree._Element) -> None:
        index = self.tables
        self.tables += 1
        raw_rows: list[list[_RawCell]] = []
        for tr in _children(tbl):
            if tr.tag != _TR:
                continue
            col = _int_prop(tr, "trPr", "gridBefore", 0)
            row: list[_RawCell] = []
            if col:
                row.append(_RawCell(0, col, "gap", ""))  # grid columns the row skips: no cell there
            for tc in _children(tr):
                if tc.tag != _TC:
                    continue
                span = max(1, _int_prop(tc, "tcPr", "gridSpan", 1))
                vmerge = _vmerge(tc)
                text = join_wrapped(self._cell_lines(tc))
                row.append(_RawCell(col, span, vmerge, text))
                col += span
                self.cells += span
                if self.cells > self.limits.max_grid_cells:
                    raise HostileFile(
                        self.name, f"表格单元格超过 {self.limits.max_grid_cells} 个，拒绝读取（疑似恶意文件）"
                    )
            raw_rows.append(row)
        if raw_rows:
            self.blocks.append(_build_grid(index, raw_rows))

    def _cell_lines(self, tc: etree._Element) -> list[str]:
        """Every paragraph of a cell (nested tables' paragraphs included, in order), split at breaks."""
        lines: list[str] = []
        for p in tc.iter(_P):
            lines.extend((self.numbering.label(p) + paragraph_text(p)).replace("\t", " ").split("\n"))
        return lines


def _int_prop(element: etree._Element, props: str, name: str, default: int) -> int:
    found = element.find(f"{{{W}}}{props}/{{{W}}}{name}")
    if found is None:
        return default
    try:
        return int(str(found.get(_VAL)))
    except ValueError:
        return default


def _vmerge(tc: etree._Element) -> str | None:
    found = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
    if found is None:
        return None
    return "restart" if found.get(_VAL) == "restart" else "continue"


def _build_grid(index: int, raw_rows: list[list[_RawCell]]) -> Grid:
    rows: list[list[GridCell]] = []
    gaps: set[int] = set()
    for r, raw in enumerate(raw_rows):
        row: list[GridCell] = []
        for cell in raw:
            above = rows[r - 1] if r else None
            origin: GridCell | None = None
            if cell.vmerge == "continue" and above is not None and cell.col < len(above):
                origin = above[cell.col]
                if origin.col != cell.col or id(origin) in gaps:
                    origin = None
            if origin is not None:
                origin.rowspan = r - origin.row + 1
                grid_cell = origin
            else:
                grid_cell = GridCell(
                    text=cell.text,
                    source=Source(table=index, row=r, col=cell.col),
                    row=r,
                    col=cell.col,
                    colspan=cell.span,
                )
                if cell.vmerge == "gap":
                    gaps.add(id(grid_cell))
            # pad a row whose cells start further right than expected (inconsistent gridBefore/spans)
            while len(row) < cell.col:
                row.append(GridCell("", Source(table=index, row=r, col=len(row)), r, len(row)))
            row.extend([grid_cell] * cell.span)
        rows.append(row)
    return Grid(index=index, rows=rows, source=Source(table=index))
