from __future__ import annotations

import pytest

from gongkai.register.ledger import Register
from gongkai.store import Store, open_store


@pytest.fixture
def fresh_store() -> Store:
    return open_store("sqlite://")


@pytest.fixture
def register(fresh_store: Store) -> Register:
    return Register(fresh_store)
