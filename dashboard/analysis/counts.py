"""Counts per value: how many selected records link to each company, country, region,
technology, or carry each status or mode, and the totals line.

Every function takes `records`: either a boolean mask over `data.records` (what the pages
pass: no copy of the selected rows) or a frame selected from `data.records` with its index
kept (what tests and exports use). Each returns a new frame; nothing is mutated.

Links (record -> company, country, technology) are picked by row position and counted on
category codes with numpy, which keeps a filter change fast at a million records.

`places`, where a function takes it, is a boolean array over data.record_countries marking
the country links that count (Filters.place_links): a view restricted to Serbia counts
Serbia, not the other participants of a training Serbia attended.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset
from .kernels import Records, selection

DIMENSIONS = {
    "company": "record_companies",
    "country": "record_countries",
    "region": "record_countries",
    "technology": "record_technologies",
}


@dataclass(frozen=True)
class Totals:
    records: int
    countries: int
    companies: int

    def sentence(self) -> str:
        return ", ".join(
            f"{n:,} {one if n == 1 else many}"
            for n, one, many in (
                (self.records, "record", "records"),
                (self.countries, "country", "countries"),
                (self.companies, "company", "companies"),
            )
        )


def columns(data: Dataset, records: Records, names: list[str]) -> pd.DataFrame:
    """Only the named columns of the given records: a narrow copy, however many rows."""
    if isinstance(records, np.ndarray):
        return data.records.loc[selection(data, records), names]
    return records[names]


@dataclass(frozen=True)
class Links:
    """The chosen records' links in one dimension as arrays: record rows and category codes."""

    rows: np.ndarray
    codes: np.ndarray
    dtype: pd.CategoricalDtype

    def counts(self) -> np.ndarray:
        """Links per category, in category order."""
        return np.bincount(self.codes, minlength=len(self.dtype.categories))


def links(data: Dataset, chosen: np.ndarray, dimension: str, places: np.ndarray | None = None) -> Links:
    """A record with two countries in one region is one record for that region: for
    regions only each record's first link to a region is read (the data layer marks it),
    or, when only some countries count (`places`), its first link among those."""
    link = getattr(data, DIMENSIONS[dimension])
    rows = link["row"].to_numpy()
    keep = chosen[rows]
    scoped = places is not None and DIMENSIONS[dimension] == "record_countries"
    if scoped:
        keep &= places
    elif dimension == "region":
        keep &= link["first_in_region"].to_numpy()
    rows, codes = rows[keep], link[dimension].array.codes[keep]
    if len(codes) and codes.min() < 0:  # a missing value links nothing
        rows, codes = rows[codes >= 0], codes[codes >= 0]
    if scoped and dimension == "region" and len(rows):
        pairs = np.unique(rows.astype(np.int64) * (len(link[dimension].cat.categories) + 1) + codes, return_index=True)[1]
        rows, codes = rows[pairs], codes[pairs]
    return Links(rows, codes, link[dimension].dtype)


def per_value(data: Dataset, chosen: np.ndarray, dimension: str,
              places: np.ndarray | None = None) -> tuple[np.ndarray, pd.CategoricalDtype]:
    """How many chosen records link to each value of a dimension, in category order.

    Link tables are ordered by value (the data layer builds them so): each value's links
    are one run, found by a binary search, and counted with one gather of the mask.
    Regions are not in runs (their links are ordered by country) and are counted by
    bincount, as is any link table not in value order. A dimension that is not linked is a
    categorical column of the records (mode, status...), counted by bincount of its codes."""
    if dimension not in DIMENSIONS:
        values = data.records[dimension].array
        codes = values.codes[chosen]
        return np.bincount(codes[codes >= 0], minlength=len(values.categories)), values.dtype
    link = getattr(data, DIMENSIONS[dimension])
    codes = link[dimension].array.codes
    if places is not None and DIMENSIONS[dimension] != "record_countries":
        places = None  # a company or technology link is not a place
    if dimension == "region" or (len(codes) > 1 and (codes[1:] < codes[:-1]).any()):
        found = links(data, chosen, dimension, places)
        return found.counts(), found.dtype
    bounds = np.searchsorted(codes, np.arange(-1, len(link[dimension].cat.categories) + 1))
    hit = chosen[link["row"].to_numpy()]
    if places is not None:
        hit &= places
    counts = np.array([np.count_nonzero(hit[a:b]) for a, b in zip(bounds[1:-1], bounds[2:])], dtype=np.int64)
    return counts, link[dimension].dtype


def distinct(data: Dataset, chosen: np.ndarray, dimension: str, places: np.ndarray | None = None) -> int:
    """How many values of a linked dimension the chosen records have."""
    return int(np.count_nonzero(per_value(data, chosen, dimension, places)[0]))


def linked(data: Dataset, records: Records, dimension: str, places: np.ndarray | None = None) -> pd.DataFrame:
    """Long table (row, record_id, <dimension>) for the given records; one row per link."""
    if dimension in DIMENSIONS:
        found = links(data, selection(data, records), dimension, places)
        return pd.DataFrame({"row": found.rows, "record_id": data.records["id"].array.take(found.rows),
                             dimension: pd.Categorical.from_codes(found.codes, dtype=found.dtype)})
    out = columns(data, records, ["id", dimension]).rename(columns={"id": "record_id"}).dropna()
    return out.rename_axis("row").reset_index()


def totals(data: Dataset, records: Records, places: np.ndarray | None = None) -> Totals:
    chosen = selection(data, records)
    return Totals(int(chosen.sum()), distinct(data, chosen, "country", places), distinct(data, chosen, "company"))


def count_by(data: Dataset, records: Records, dimension: str, places: np.ndarray | None = None) -> pd.DataFrame:
    """Number of records per value of `dimension`, largest first (ties in category order).

    A record with two companies counts once for each, so the column sums can exceed the
    number of records; the pages say so.
    """
    if dimension in DIMENSIONS or isinstance(data.records[dimension].dtype, pd.CategoricalDtype):
        counts, dtype = per_value(data, selection(data, records), dimension, places)
        present = np.flatnonzero(counts)
        table = pd.DataFrame({dimension: pd.Categorical.from_codes(present, dtype=dtype), "records": counts[present]})
    else:
        table = columns(data, records, [dimension]).groupby(dimension, observed=True).size().rename("records").reset_index()
    return table.sort_values("records", ascending=False, kind="stable").reset_index(drop=True)


def count_by_country(data: Dataset, records: Records, places: np.ndarray | None = None) -> pd.DataFrame:
    """Records per country with names: the choropleth's input."""
    counts = count_by(data, records, "country", places)
    counts["country"] = counts["country"].astype(str)
    counts["name"] = counts["country"].map(data.lookup.country_name)
    return counts


def coverage(data: Dataset, by: str = "year") -> pd.DataFrame:
    """Records per year (of the date's start), or per region or country, and record type."""
    records = data.records
    if by == "year":
        key = records["date_start"].dt.year.rename("year")
        return records.groupby([key, "record_type"], observed=True).size().unstack(fill_value=0).reset_index()
    long = linked(data, records, by)
    long["record_type"] = records["record_type"].to_numpy()[long["row"].to_numpy()]
    return long.groupby([by, "record_type"], observed=True)["row"].nunique().unstack(fill_value=0).reset_index()


def sources_behind(data: Dataset, records: Records) -> int:
    """How many distinct sources the given records cite: the number a chart's footer names."""
    rows, sources = data.record_sources
    chosen = selection(data, records)
    cited = np.zeros(len(data.sources), dtype=bool)
    cited[sources[chosen[rows]]] = True
    return int(cited.sum())
