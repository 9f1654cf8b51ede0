"""Shared fixtures: the development corpus beside the project (../shared/corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is missing: {CORPUS} (../shared must sit beside the project)")
    return CORPUS


def load_gold(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    return data
