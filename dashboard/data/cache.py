"""A Parquet copy of the validated dataset, keyed on the exact bytes of the source files.

Parsing and validating the YAML (and importing geopandas for the coordinate check) is most
of the app's start-up work. When no source file has changed since the last validation, the
app reads the tables back from Parquet instead. Any change to a data file, the seed
register, the boundaries, the data layer's code or the package version gives a new key, so stale data is never
served. `python -m dashboard validate` never uses the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .compact import compact_text
from .dataset import Dataset, check_row_positions

CACHE_VARIABLE = "SAFE_CITY_ATLAS_CACHE"  # a folder, or "off"
# small tables whose list columns are read back as plain Python lists (records keep Arrow lists)
LIST_COLUMNS = {"events": ["companies", "countries"],
                "companies": ["aliases"]}
FORMAT = "10"  # + milestones (by record row), research logs, the reference index, source title kinds


def _arrow_lists(arrow_type):
    """Read list columns as Arrow lists (compact); everything else as pandas would."""
    return pd.ArrowDtype(arrow_type) if pa.types.is_list(arrow_type) else None


def cache_root() -> Path | None:
    setting = os.environ.get(CACHE_VARIABLE, "")
    if setting.lower() == "off":
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "safe-city-atlas"


def fingerprint(files: list[Path]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        package = version("safe-city-atlas")
    except PackageNotFoundError:
        package = "unknown"
    digest = hashlib.sha256(f"{FORMAT}|{package}".encode())
    # the data layer's own code decides the tables' shape too: a code change is a new key
    code = sorted(Path(__file__).parent.glob("*.py"))
    for path in sorted(files) + code:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:32]


def read(key: str) -> Dataset | None:
    root = cache_root()
    return read_folder(root / key) if root else None


def read_folder(folder: Path) -> Dataset | None:
    """A dataset written by write_folder, or None if the folder is missing or damaged."""
    if not (folder / "meta.json").exists():
        return None
    try:
        meta = json.loads((folder / "meta.json").read_text())
        tables = {}
        for field in dataclasses.fields(Dataset):
            if field.name == "unchecked_coordinates":
                continue
            frame = _read_table(folder / f"{field.name}.parquet")
            for column in LIST_COLUMNS.get(field.name, []):
                frame[column] = [list(values) for values in frame[column]]
            tables[field.name] = frame
        tables["records"] = compact_text(tables["records"], keep_forms=True)  # Parquet forgets an all-empty categorical
        pa.default_memory_pool().release_unused()
        return check_row_positions(Dataset(**tables, unchecked_coordinates=meta["unchecked_coordinates"]))
    except Exception:  # noqa: BLE001 - a damaged cache is ignored and rebuilt, never trusted
        return None


def _read_table(path: Path) -> pd.DataFrame:
    """One Parquet table as pandas, each column one contiguous Arrow array.

    ParquetFile.read gives one chunk per row group (read_table splits columns into 128k-row
    chunks, and taking rows from a chunked string column concatenates it first: 37 ms and
    200 MB per lookup of a few hundred summaries at a million records). split_blocks and
    self_destruct free each Arrow column as it is converted, halving the peak."""
    table = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20).read()  # streamed: a lower peak
    if any(column.num_chunks > 1 for column in table.columns):
        table = table.combine_chunks()
    frame = table.to_pandas(types_mapper=_arrow_lists, split_blocks=True, self_destruct=True)
    del table
    pa.default_memory_pool().release_unused()  # hand the decoding buffers back before the next table
    return frame


def write(key: str, data: Dataset) -> None:
    root = cache_root()
    if root is not None:
        write_folder(root / key, data)


def write_folder(target: Path, data: Dataset) -> None:
    """Write every table as Parquet; readers see a complete folder or none."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".writing-"))
        for field in dataclasses.fields(Dataset):
            if field.name != "unchecked_coordinates":
                table = getattr(data, field.name)
                table.to_parquet(staging / f"{field.name}.parquet", index=False, row_group_size=max(len(table), 1))
        (staging / "meta.json").write_text(json.dumps({"unchecked_coordinates": data.unchecked_coordinates}))
        if target.exists():
            shutil.rmtree(staging)
        else:
            staging.rename(target)  # atomic
    except OSError:
        pass  # a read-only home just means no cache
