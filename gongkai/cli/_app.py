"""The Typer application and what every command shares: the consoles, option types and the one place
where gongkai's errors become a Chinese message and an exit code (0 clean, 1 错误 found, 2 bad input)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from gongkai.errors import GongkaiError

app = typer.Typer(
    name="gongkai",
    help="gongkai（公开）：政府信息公开工作年度报告的读取、核查、编写，以及依申请公开登记。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: data goes to standard output, messages to standard error, so JSON can be piped
stdout = Console(soft_wrap=True, highlight=False, width=None if sys.stdout.isatty() else 200)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)

JsonOut = Annotated[bool, typer.Option("--json", help="以 JSON 输出（数据到标准输出，消息到标准错误）")]
Files = Annotated[list[Path], typer.Argument(help="报告文件或文件夹（txt、html、docx、pdf）", show_default=False)]


def error_line(message: str) -> None:
    stderr.print(f"[red]错误[/red]：{message}", markup=True, highlight=False)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a GongkaiError into one Chinese line on standard error and its exit code; no traceback."""
    try:
        yield
    except GongkaiError as exc:
        error_line(str(exc))
        raise typer.Exit(exc.exit_code) from None
