"""The cycle collector is paused while a report is read and parsed, and left as it was found."""

from __future__ import annotations

import gc

import pytest

from gongkai.errors import NotAReport
from gongkai.parse import parse_document
from gongkai.read import read_bytes
from gongkai.read.collector import without_cycle_collection
from tests.conftest import CORPUS


def test_paused_inside_and_restored_after() -> None:
    seen: list[bool] = []

    @without_cycle_collection
    def work() -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    work()
    assert seen == [False] and gc.isenabled()


def test_restored_after_an_error_and_left_off_when_the_caller_switched_it_off() -> None:
    with pytest.raises(NotAReport):
        parse_document(read_bytes("这是一段与年度报告无关的文字。\n".encode(), "x.txt"))
    assert gc.isenabled()
    gc.disable()
    try:
        data = (CORPUS / "reports" / "2024-湘潭县统计局.txt").read_bytes()
        parse_document(read_bytes(data, "r.txt"))
        assert not gc.isenabled()
    finally:
        gc.enable()
