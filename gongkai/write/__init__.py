"""Stage: write — a ``Report`` as HTML, DOCX, PDF and Markdown, laid out from the model with the official
merged cells; the six sections drafted from the tables; 表二 entered from a template file.

    write_report(report, "out/", ["html", "docx", "pdf", "md"])  → the paths written
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from gongkai.errors import WriteError
from gongkai.model import Report
from gongkai.write.docx import write_docx
from gongkai.write.draft import FeeFigures, draft_report, draft_sections
from gongkai.write.html import write_html
from gongkai.write.markdown import write_markdown
from gongkai.write.pdf import write_pdf
from gongkai.write.report_json import read_report_json, write_report_json
from gongkai.write.text import TODO_PATTERN, report_title, todos

Writer = Callable[[Report, "str | os.PathLike[str]"], None]

#: format name → (file extension, writer)
WRITERS: dict[str, tuple[str, Writer]] = {
    "html": ("html", write_html),
    "docx": ("docx", write_docx),
    "pdf": ("pdf", write_pdf),
    "md": ("md", write_markdown),
    "json": ("json", write_report_json),
}


_UNSAFE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in '/\\:*?"<>|'} | {"\n": " ", "\t": " "})


def parse_formats(text: str) -> list[str]:
    """"html,docx" → ["html", "docx"]; an unknown name raises WriteError naming the ones there are."""
    names = [t.strip().lower() for t in text.replace("，", ",").split(",") if t.strip()]
    aliases = {"markdown": "md", "htm": "html"}
    names = [aliases.get(n, n) for n in names]
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise WriteError(f"不支持的输出格式“{'、'.join(unknown) or text}”；可用：{', '.join(WRITERS)}")
    return list(dict.fromkeys(names))


def write_report(report: Report, directory: str | os.PathLike[str], formats: Sequence[str]) -> list[Path]:
    """Write ``report`` in each format into ``directory`` (created if missing), named by its title."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"无法创建输出文件夹《{out}》：{exc.strerror}") from None
    # characters no file system takes become their full-width forms, which read the same
    stem = report_title(report).translate(_UNSAFE).strip(". ") or "年度报告"
    paths: list[Path] = []
    for name in formats:
        ext, writer = WRITERS[name]
        path = out / f"{stem}.{ext}"
        try:
            writer(report, path)
        except OSError as exc:
            raise WriteError(f"无法写入《{path.name}》：{exc.strerror}") from None
        paths.append(path)
    return paths


__all__ = [
    "TODO_PATTERN",
    "WRITERS",
    "FeeFigures",
    "draft_report",
    "draft_sections",
    "parse_formats",
    "read_report_json",
    "report_title",
    "todos",
    "write_docx",
    "write_html",
    "write_markdown",
    "write_pdf",
    "write_report",
    "write_report_json",
]
