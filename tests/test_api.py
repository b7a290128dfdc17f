"""The public API is small, explicit and sorted (as httpx checks its own)."""

import chronicon


def test_all_is_sorted_and_every_name_exists():
    assert chronicon.__all__ == sorted(chronicon.__all__)
    for name in chronicon.__all__:
        assert hasattr(chronicon, name), name


def test_public_names_are_not_private_modules():
    public = {n for n in dir(chronicon) if not n.startswith("_")}
    # stage packages are importable, but the API is what __all__ names
    stages = {"claims", "entities", "errors", "export", "ingest", "model", "reconcile", "store", "time", "web", "cli"}
    assert public - set(chronicon.__all__) <= stages, public - set(chronicon.__all__) - stages
