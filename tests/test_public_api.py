"""The facade exports exactly its public names (httpx's test_exported_members)."""

import types

import gongkai


def test_all_lists_the_public_names() -> None:
    public = {n for n, v in vars(gongkai).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert set(gongkai.__all__) == public
    assert len(gongkai.__all__) == len(set(gongkai.__all__))
