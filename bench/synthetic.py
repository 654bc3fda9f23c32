"""Seeded synthetic datasets with the real schema and the shipped data's distributions.

Records are drawn with replacement from the curated records (so companies, countries,
technologies, date precision and their combinations keep their real joint frequencies),
given new ids and dates shifted by whole years within 2009-2021, and their link tables and
citations are rebuilt from the drawn rows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.data import Dataset, load_dataset
from dashboard.data.cache import FORMAT, read_folder, write_folder
from dashboard.data.compact import compact_text
from dashboard.data.load import _link, mark_first_in_region, with_month_codes


UNIQUE_TEXT = ["title", "summary", "dispute_note"]
GENERATOR = "3"  # bumped when the generator changes, so stored datasets are rebuilt


def _made_unique(text: pd.Series, ids: pd.Series) -> pd.Series:
    """Each drawn text with its new record id appended, where there is a text: copies of one
    curated summary would otherwise share one category and flatter memory."""
    text = text.astype(object).reset_index(drop=True)
    present = text.notna().to_numpy()
    out = text.copy()
    out[present] = text[present].astype(str) + " (" + ids.astype(str).reset_index(drop=True)[present] + ")"
    return out


def synthetic_dataset(size: int, seed: int = 0, base: Dataset | None = None) -> Dataset:
    base = base or load_dataset()
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(base.records), size)
    records = base.records.iloc[picks].reset_index(drop=True)
    source_ids = records["id"].to_numpy()
    records["id"] = pd.array([f"syn-{i:07d}" for i in range(size)], dtype="string")
    shift = rng.integers(-3, 4, size)
    years = records["date_start"].dt.year.to_numpy() + shift
    years = np.where((years >= 2009) & (years <= 2021), years, records["date_start"].dt.year.to_numpy())
    months = records["date_start"].dt.month.to_numpy()
    year_only = (records["date_precision"] == "year").to_numpy()
    months = np.where(year_only, 1, months)
    start = pd.to_datetime(pd.DataFrame({"year": years, "month": months, "day": 1}))
    month_end = start + pd.offsets.MonthEnd(0)
    year_end = pd.to_datetime(pd.DataFrame({"year": years, "month": 12, "day": 31}))
    records["date_start"] = start.astype(records["date_start"].dtype)
    records["date_end"] = month_end.where(~year_only, year_end).astype(records["date_end"].dtype)
    records = with_month_codes(records)
    records["date"] = np.where(year_only, start.dt.strftime("%Y"), start.dt.strftime("%Y-%m"))
    records["date_precision"] = pd.Categorical(np.where(year_only, "year", "month"), categories=["day", "month", "year"])
    for column in UNIQUE_TEXT:  # real records do not share their wording: neither do these
        records[column] = _made_unique(records[column], records["id"])
    records = compact_text(records)

    record_companies = _link(records, "companies", "company", base.companies["id"].tolist())
    record_countries = _link(records, "countries", "country", records["country"].cat.categories.tolist())
    region_of = base.countries.set_index("iso3")["region"]
    record_countries["region"] = pd.Categorical(record_countries["country"].astype(object).map(region_of), categories=sorted(region_of.unique()))
    mark_first_in_region(record_countries)
    record_technologies = _link(records, "technology", "technology", base.technologies["id"].tolist())

    cites = base.citations[base.citations["owner_id"].isin(base.records["id"])]
    first = cites.sort_values("position").drop_duplicates("owner_id").set_index("owner_id")
    citations = pd.DataFrame({
        "owner_id": records["id"].to_numpy(), "table": pd.Categorical(first.loc[source_ids, "table"].to_numpy()), "position": 0,
        "source_id": first.loc[source_ids, "source_id"].to_numpy(),
        "locator": first.loc[source_ids, "locator"].to_numpy(),
        "claim": _made_unique(pd.Series(first.loc[source_ids, "claim"].to_numpy()), records["id"]).to_numpy(),
    })
    return Dataset(
        records=records, record_companies=record_companies, record_countries=record_countries,
        record_technologies=record_technologies, citations=citations, sources=base.sources, companies=base.companies,
        technologies=base.technologies, events=base.events, reported_figures=base.reported_figures, countries=base.countries,
    )


STORE = Path(__file__).parent / ".synthetic"  # generated Parquet, git-ignored


def dataset_for(size: str) -> Dataset:
    """'shipped' for the curated data, or a number of synthetic records.

    Synthetic data is generated once (in a separate process, so its peak memory is not
    charged to the app) and then read back from Parquet, the way the app reads its cache.
    """
    if size == "shipped":
        return load_dataset()
    folder = STORE / f"{int(size)}-seed0-format{FORMAT}-gen{GENERATOR}"
    if not (folder / "meta.json").exists():
        subprocess.run([sys.executable, "-m", "bench.synthetic", size], check=True, cwd=Path(__file__).resolve().parents[1])
    return read_folder(folder)


if __name__ == "__main__":
    count = int(sys.argv[1])
    write_folder(STORE / f"{count}-seed0-format{FORMAT}-gen{GENERATOR}", synthetic_dataset(count))
