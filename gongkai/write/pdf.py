"""A report as PDF: the HTML page (``html.py``) printed by WeasyPrint, A4, page numbers from the @page
rule, CJK text in the Noto CJK fonts that ``scripts/install`` provides (fonts-noto-cjk)."""

from __future__ import annotations

import os
import subprocess

from gongkai.errors import WriteError
from gongkai.model import Report
from gongkai.write.html import to_html


def cjk_font_installed() -> bool:
    """Whether fontconfig knows a Noto CJK SC font (without it every Chinese character prints as a box)."""
    try:
        found = subprocess.run(
            ["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, check=False, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "Noto Sans CJK SC" in found or "Noto Serif CJK SC" in found


def to_pdf(report: Report) -> bytes:
    if not cjk_font_installed():
        raise WriteError(
            "无法生成 PDF：系统中没有中文字体 Noto Sans/Serif CJK SC，请先运行 scripts/install"
            "（或 apt-get install fonts-noto-cjk）"
        )
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise WriteError(f"无法生成 PDF：缺少 WeasyPrint 或其依赖（{exc}），请运行 scripts/install") from None
    pdf: bytes = HTML(string=to_html(report)).write_pdf()
    return pdf


def write_pdf(report: Report, path: str | os.PathLike[str]) -> None:
    data = to_pdf(report)
    with open(path, "wb") as fh:
        fh.write(data)
