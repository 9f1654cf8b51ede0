"""A report as one standalone HTML page (lang zh-CN, UTF-8, printable CSS): title, the six sections and
the three official tables with the template's merged cells. The same page is what ``pdf.py`` prints."""

from __future__ import annotations

import os
from html import escape

from gongkai.model import Report
from gongkai.write.layout import Role, TableLayout, layouts
from gongkai.write.text import preamble_paragraphs, report_title, sections_out, split_todos

#: Font families: the Noto CJK fonts that scripts/install provides, then what Windows and macOS have.
SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", serif'
SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体", "PingFang SC", sans-serif'

CSS = f"""
@page {{
  size: A4;
  margin: 25mm 20mm 22mm 20mm;
  @bottom-center {{ content: "— " counter(page) " —"; font-family: {SERIF}; font-size: 10pt; }}
}}
html {{ font-family: {SERIF}; font-size: 12pt; line-height: 1.75; color: #000; }}
body {{ max-width: 170mm; margin: 0 auto; padding: 1em; }}
h1 {{ font-family: {SANS}; font-size: 18pt; font-weight: bold; text-align: center; margin: 0 0 1em; }}
h2 {{ font-family: {SANS}; font-size: 14pt; font-weight: bold; margin: 1.2em 0 .4em; break-after: avoid; }}
p {{ text-indent: 2em; margin: 0 0 .3em; text-align: justify; }}
p.lead {{ break-after: avoid; page-break-after: avoid; }}
mark.todo {{ background: #fff2a8; color: #7a3b00; }}
table.form {{ border-collapse: collapse; table-layout: fixed; width: 100%; margin: .6em 0 1em; font-size: 9pt;
  line-height: 1.35; break-inside: avoid; page-break-inside: avoid; }}
table.form td, table.form th {{ border: .75pt solid #000; padding: 2pt 3pt; text-align: center;
  vertical-align: middle; font-weight: normal; }}
table.form td.label {{ text-align: left; }}
table.form td.band {{ text-align: left; font-weight: bold; }}
table.form th.note {{ font-size: 8pt; }}
table.t4 td, table.t4 th {{ padding: 2pt 1pt; }}
@media print {{ body {{ max-width: none; padding: 0; }} mark.todo {{ background: none; }} }}
"""

_CLASS = {"表二": "t2", "表三": "t3", "表四": "t4"}


def _cell_html(text: str, role: Role, rowspan: int, colspan: int) -> str:
    tag = "th" if role in (Role.HEADER, Role.NOTE) else "td"
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if role in (Role.LABEL, Role.BAND, Role.NOTE):
        attrs += f' class="{role}"'
    return f"<{tag}{attrs}>{escape(text)}</{tag}>"


#: Column widths in % of the text width (table-layout: fixed), as in the official template.
WIDTHS_PCT: dict[str, tuple[float, ...]] = {
    "表二": (25, 25, 25, 25),
    "表三": (8, 15, 31, *([46 / 7] * 7)),
    "表四": tuple([100 / 15] * 15),
}


def table_html(layout: TableLayout) -> str:
    lines = [f'<table class="form {_CLASS.get(layout.name, "")}">']
    widths = WIDTHS_PCT.get(layout.name)
    if widths and len(widths) == layout.width:
        cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
        lines.append(f"<colgroup>{cols}</colgroup>")
    for row in layout.rows:
        cells = "".join(_cell_html(c.text, c.role, c.rowspan, c.colspan) for c in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _paragraph_html(paragraph: str, css_class: str | None = None) -> str:
    parts = [
        f'<mark class="todo">{escape(piece)}</mark>' if is_todo else escape(piece)
        for piece, is_todo in split_todos(paragraph)
    ]
    attrs = f' class="{css_class}"' if css_class else ""
    return f"<p{attrs}>{''.join(parts)}</p>"


def to_html(report: Report) -> str:
    """The whole page as a string."""
    title = report_title(report)
    tables = layouts(report)
    body = [f"<h1>{escape(title)}</h1>"]
    body += [_paragraph_html(p) for p in preamble_paragraphs(report)]
    for section in sections_out(report):
        body.append("<section>")
        body.append(f"<h2>{escape(section.heading)}</h2>")
        has_table = bool(section.table and section.table in tables)
        for i, p in enumerate(section.paragraphs):
            lead = has_table and i == len(section.paragraphs) - 1
            body.append(_paragraph_html(p, "lead" if lead else None))
        if section.table and section.table in tables:
            body.append(table_html(tables[section.table]))
        body.append("</section>")
    meta = ""
    if report.agency:
        meta += f'<meta name="author" content="{escape(report.agency)}">\n'
    if report.publication_date:
        meta += f'<meta name="date" content="{escape(report.publication_date)}">\n'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="gongkai">\n'
        f"{meta}<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


def write_html(report: Report, path: str | os.PathLike[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(to_html(report))
