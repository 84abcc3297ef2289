"""Shared fixtures: the shared/ folder beside the repo, models loaded once, the seed's graph."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "zhaman-sopka-escape.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir) -> Path:
    if not SEED.is_file():
        pytest.skip("the seed article is not present")
    return SEED


@pytest.fixture(scope="session")
def seed_build(seed_path, tmp_path_factory):
    """The seed article built once for the whole session."""
    from kgbuild import build

    out = tmp_path_factory.mktemp("seed") / "z.trig"
    return build([seed_path], out)


@pytest.fixture(scope="session")
def seed_facts(seed_path):
    from kgbuild import extract, read_sources

    return extract(next(read_sources([seed_path])))
