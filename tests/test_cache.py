"""The Parquet cache returns exactly what validation built, and never stale data."""

import dataclasses
import shutil

import pandas as pd
import pytest

from dashboard.data import DataError, load_dataset
from dashboard.data import cache
from tests.conftest import GOOD


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFE_CITY_ATLAS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def assert_same(a, b):
    for field in dataclasses.fields(a):
        left, right = getattr(a, field.name), getattr(b, field.name)
        if isinstance(left, pd.DataFrame):
            pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))
        else:
            assert left == right


def test_cached_dataset_equals_the_validated_one(own_cache):
    validated = load_dataset(GOOD, use_cache=False)
    first = load_dataset(GOOD)  # validates and writes the cache
    assert len(list(own_cache.iterdir())) == 1
    second = load_dataset(GOOD)  # reads it
    assert_same(validated, first)
    assert_same(validated, second)
    assert isinstance(second.records.iloc[0]["companies"], list)


def test_a_changed_file_is_revalidated_not_served_from_cache(own_cache, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(GOOD, data)
    load_dataset(data)
    path = data / "deployments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("country: KEN", "country: KENYA", 1), encoding="utf-8")
    with pytest.raises(DataError):
        load_dataset(data)


def test_damaged_cache_is_ignored(own_cache):
    load_dataset(GOOD)
    (folder,) = own_cache.iterdir()
    (folder / "records.parquet").write_bytes(b"not parquet")
    assert_same(load_dataset(GOOD, use_cache=False), load_dataset(GOOD))


def test_cache_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("SAFE_CITY_ATLAS_CACHE", "off")
    assert cache.cache_root() is None
    assert len(load_dataset(GOOD).records) == 5


def test_cached_text_columns_come_back_as_one_arrow_chunk(own_cache):
    """Taking rows from a chunked Arrow string column concatenates it first (slow, and a copy)."""
    load_dataset(GOOD)
    cached = load_dataset(GOOD)
    for frame, column in ((cached.records, "summary"), (cached.citations, "claim")):
        assert str(frame[column].dtype) == "str"
        assert frame[column].array._pa_array.num_chunks == 1
