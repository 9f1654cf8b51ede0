"""HTML → Document. Real pages wrap the report in site chrome (navigation, breadcrumbs, "扫一扫在手机打开当前页",
footers with scripts listing every channel name); the report is the part of the page that holds the section
headings and the report tables, so the reader keeps the smallest element containing all of them. Tables
become grids with rowspan/colspan expanded; inline markup (spans, fonts) is joined without spaces, block
markup (p, div, br) breaks lines; &nbsp; is white space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from gongkai.errors import CorruptFile
from gongkai.model.form import SECTION_NUMERALS
from gongkai.model.labels import TABLE_ANCHORS, simplified
from gongkai.model.report import Source
from gongkai.read.collector import without_cycle_collection
from gongkai.read.document import Block, Document, Grid, GridCell, Line, Piece
from gongkai.read.encoding import decode
from gongkai.read.limits import Limits

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "select", "option", "button", "iframe", "svg"})
_BLOCK = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
        "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "center", "form",
        "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "address", "figure", "hr",
    }
)  # fmt: skip
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HEADING = re.compile(rf"^\s*[{SECTION_NUMERALS}][、.．，,]\s*\S")
_MAX_SPAN = 200
_REVEALED_CONDITIONAL = re.compile(r"<!\[(?:if [^\]<>]{1,80}|endif)\]>", re.IGNORECASE)


@without_cycle_collection
def html_to_document(data: bytes, name: str, limits: Limits) -> Document:
    declared = _CHARSET.search(data[:8192])
    decoded = decode(data, name, declared.group(1).decode("ascii", "replace") if declared else None)
    text, how = decoded.text, decoded.how
    text = _XML_DECL.sub("", text, count=1)
    # Word's "save as web page" wraps list numbers in downlevel-revealed conditionals,
    # <![if !supportLists]>1.<![endif]>: the number is printed, the markers are not (lxml keeps them as text)
    text = _REVEALED_CONDITIONAL.sub("", text)
    if not text.strip():
        raise CorruptFile(name, "网页没有内容")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFile(name, f"无法解析网页（{exc}）") from None
    doc = Document(name=name, kind="html", encoding=how)
    _read_meta(root, doc)
    body = root.find("body")
    container = _report_container(body if body is not None else root)
    walker = _Walker(limits, name)
    walker.walk(container)
    walker.flush()
    doc.blocks = walker.blocks
    if _truncated(text) or decoded.cut_short:
        doc.truncated = True
        doc.notes.append("网页可能不完整：文件结尾缺少 </html>，内容可能被截断")
    return doc


# ---------------------------------------------------------------------------------------------- metadata


def _read_meta(root: lxml.html.HtmlElement, doc: Document) -> None:
    titles = []
    for xpath in (
        "//meta[@name='ArticleTitle']/@content",
        "//*[contains(@class,'article_title')]//text()",
        "//h1//text()",
        "//title//text()",
    ):
        found = "".join(str(t) for t in root.xpath(xpath)).strip()
        if found:
            titles.append(re.sub(r"\s+", " ", found))
    if titles:
        doc.title = titles[0]
        doc.meta["titles"] = "\n".join(titles)
    for key, xpath in (
        ("published", "//meta[@name='PubDate' or @name='pubdate' or @name='publishdate' or @name='firstpublishedtime']/@content"),
        ("author", "//meta[@name='Author' or @name='author']/@content"),
        ("site", "//meta[@name='SiteName']/@content"),
        ("column", "//meta[@name='ColumnName']/@content"),
    ):
        values = [str(v).strip() for v in root.xpath(xpath) if str(v).strip()]
        if values:
            doc.meta[key] = values[0]


def _truncated(text: str) -> bool:
    tail = text.rstrip()[-200:].lower()
    return "</html>" not in tail and "</body>" not in tail


# ---------------------------------------------------------------------------------------------- container


def _report_container(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The smallest element holding every section heading and every report table."""
    anchors: list[lxml.html.HtmlElement] = []
    for table in body.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table around the page: its inner tables are the candidates
        content = simplified(table.text_content())
        if sum(1 for a in TABLE_ANCHORS if a in content) >= 2:
            anchors.append(table)
    for el in body.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "font", "td"):
        own = simplified((el.text or "").strip())
        if own and len(own) < 40 and _HEADING.match(own) and any(
            k in own for k in ("总体情况", "主动公开", "申请情况", "复议", "问题", "其他需要")
        ):
            anchors.append(el)
    if not anchors:
        return body
    common = _ancestors(anchors[0])
    for el in anchors[1:]:
        path = set(map(id, _ancestors(el)))
        common = [a for a in common if id(a) in path]
    return common[0] if common else body


def _ancestors(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    out = [el]
    parent = el.getparent()
    while parent is not None:
        out.append(parent)
        parent = parent.getparent()
    return out


# ---------------------------------------------------------------------------------------------- walking


def _is_hidden(el: lxml.html.HtmlElement) -> bool:
    style = el.get("style")
    return bool(style and _HIDDEN.search(style)) or el.get("hidden") is not None


class _Walker:
    """Walk the container in document order; inline text accumulates into lines, blocks break them."""

    def __init__(self, limits: Limits, name: str) -> None:
        self.blocks: list[Block] = []
        self.limits = limits
        self.name = name
        self._buffer: list[str] = []
        self._line: int | None = None
        self._tables = 0

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self._buffer)).strip()
        self._buffer = []
        if text:
            src = Source(line=self._line)
            self.blocks.append(Line(text, (Piece(text, src),), src))
        self._line = None

    def _add_text(self, text: str | None, line: int | None) -> None:
        if text:
            if self._line is None and text.strip():
                self._line = line
            self._buffer.append(text)

    def walk(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag or _is_hidden(el):
            return  # comments, scripts, hidden chrome; their tail text is the parent's (added below)
        if tag == "table" and el.find(".//table") is None:
            self.flush()
            self.blocks.append(self._grid(el))
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self._add_text(el.text, el.sourceline)
        for child in el:
            self.walk(child)
            self._add_text(child.tail, child.sourceline)
        if block:
            self.flush()

    def _grid(self, table: lxml.html.HtmlElement) -> Grid:
        index = self._tables
        self._tables += 1
        rows = [r for r in table.iter("tr") if _nearest_table(r) is table]
        grid: list[list[GridCell]] = []
        pending: dict[tuple[int, int], GridCell] = {}  # positions covered by rowspans from above
        cells_total = 0
        for r, tr in enumerate(rows):
            out: list[GridCell] = []
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while (r, c) in pending:
                    out.append(pending.pop((r, c)))
                    c += 1
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                src = Source(table=index, row=r, col=c, line=td.sourceline)
                cell = GridCell(cell_text(td), src, r, c, rowspan, colspan)
                for dc in range(colspan):
                    out.append(cell)
                    for dr in range(1, rowspan):
                        pending[(r + dr, c + dc)] = cell
                c += colspan
                cells_total += rowspan * colspan
                if cells_total > self.limits.max_grid_cells:
                    raise CorruptFile(self.name, f"网页第 {index + 1} 个表格过大（超过 {self.limits.max_grid_cells} 格）")
            while (r, c) in pending:
                out.append(pending.pop((r, c)))
                c += 1
            grid.append(out)
        return Grid(index, grid, Source(table=index, line=table.sourceline))


def _nearest_table(el: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None) -> int:
    if not value:
        return 1
    digits = re.match(r"\s*(\d+)", value)
    return max(1, min(int(digits.group(1)), _MAX_SPAN)) if digits else 1


def cell_text(el: lxml.html.HtmlElement) -> str:
    """Text of a table cell: inline parts joined as they are, block parts (<p>, <br>) on separate lines."""
    parts: list[str] = []
    for piece in _cell_pieces(el):
        parts.append(piece)
    lines = [re.sub(r"[ \t\r\u00a0\u3000]+", " ", p).strip() for p in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _cell_pieces(el: lxml.html.HtmlElement) -> Iterator[str]:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP or _is_hidden(el):
        return
    if tag == "br":
        yield "\n"
        return
    block = tag in _BLOCK
    if block:
        yield "\n"
    if el.text:
        yield el.text
    for child in el:
        yield from _cell_pieces(child)
        if child.tail:
            yield child.tail
    if block:
        yield "\n"
