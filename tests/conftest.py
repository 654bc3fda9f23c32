"""Shared fixtures: the tiny good dataset and a way to break one field of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Tests (and the app servers they start) keep their Parquet cache in a temporary folder."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("SAFE_CITY_ATLAS_CACHE")
    os.environ["SAFE_CITY_ATLAS_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("SAFE_CITY_ATLAS_CACHE", None)
    else:
        os.environ["SAFE_CITY_ATLAS_CACHE"] = previous


@pytest.fixture
def good_dir() -> Path:
    return GOOD


@pytest.fixture
def data_copy(tmp_path):
    """Copy the good fixture and let a test change one table's records before loading it."""

    def make(table: str | None = None, change=None) -> Path:
        target = tmp_path / "data"
        shutil.copytree(GOOD, target)
        if table:
            path = target / f"{table}.yaml"
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            change(document["records"])
            path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return target

    return make


@pytest.fixture(scope="session")
def shipped():
    from dashboard.data import load_dataset

    return load_dataset()


@pytest.fixture(scope="session")
def small():
    from dashboard.data import load_dataset

    return load_dataset(GOOD)
