"""Counts the pages show.

Every function takes `records`: either a boolean mask over `data.records` (what the pages
pass: no copy of the selected rows) or a frame selected from `data.records` with its index
kept (what tests and exports use). Each returns a new frame; nothing is mutated.

Links (record -> company, country, technology) are picked by row position and counted on
category codes with numpy, which keeps a filter change fast at a million records.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from ..data import Dataset
from .filters import is_in

NONE = "(none)"  # stack key for records with no value in the stacking dimension
DIMENSIONS = {
    "company": "record_companies",
    "country": "record_countries",
    "region": "record_countries",
    "technology": "record_technologies",
}
Records = pd.DataFrame | np.ndarray


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


def selection(data: Dataset, records: Records) -> np.ndarray:
    """Boolean array over data.records marking the given records."""
    if isinstance(records, np.ndarray):
        if records.dtype != bool or len(records) != len(data.records):
            raise ValueError("a mask must be a boolean array as long as data.records")
        return records
    chosen = np.zeros(len(data.records), dtype=bool)
    chosen[records.index.to_numpy()] = True
    return chosen


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


def links(data: Dataset, chosen: np.ndarray, dimension: str) -> Links:
    """A record with two countries in one region is one record for that region: for
    regions only each record's first link to a region is read (the data layer marks it)."""
    link = getattr(data, DIMENSIONS[dimension])
    rows = link["row"].to_numpy()
    keep = chosen[rows]
    if dimension == "region":
        keep &= link["first_in_region"].to_numpy()
    rows, codes = rows[keep], link[dimension].array.codes[keep]
    if len(codes) and codes.min() < 0:  # a missing value links nothing
        rows, codes = rows[codes >= 0], codes[codes >= 0]
    return Links(rows, codes, link[dimension].dtype)


def per_value(data: Dataset, chosen: np.ndarray, dimension: str) -> tuple[np.ndarray, pd.CategoricalDtype]:
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
    if dimension == "region" or (len(codes) > 1 and (codes[1:] < codes[:-1]).any()):
        found = links(data, chosen, dimension)
        return found.counts(), found.dtype
    bounds = np.searchsorted(codes, np.arange(-1, len(link[dimension].cat.categories) + 1))
    hit = chosen[link["row"].to_numpy()]
    counts = np.array([np.count_nonzero(hit[a:b]) for a, b in zip(bounds[1:-1], bounds[2:])], dtype=np.int64)
    return counts, link[dimension].dtype


def distinct(data: Dataset, chosen: np.ndarray, dimension: str) -> int:
    """How many values of a linked dimension the chosen records have."""
    return int(np.count_nonzero(per_value(data, chosen, dimension)[0]))


def group_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(keys, return_inverse=True, return_counts=True) for non-negative integers,
    by counting instead of sorting when the keys are dense enough (places x companies are)."""
    span = int(keys.max()) + 1 if len(keys) else 0
    if span > 4 * len(keys) + 1_000_000:
        return np.unique(keys, return_inverse=True, return_counts=True)
    per_key = np.bincount(keys, minlength=span)
    ids = np.flatnonzero(per_key)
    dense = np.zeros(span, dtype=np.int64)
    dense[ids] = np.arange(len(ids))
    return ids, dense[keys], per_key[ids]


def linked(data: Dataset, records: Records, dimension: str) -> pd.DataFrame:
    """Long table (row, record_id, <dimension>) for the given records; one row per link."""
    if dimension in DIMENSIONS:
        found = links(data, selection(data, records), dimension)
        return pd.DataFrame({"row": found.rows, "record_id": data.records["id"].array.take(found.rows),
                             dimension: pd.Categorical.from_codes(found.codes, dtype=found.dtype)})
    out = columns(data, records, ["id", dimension]).rename(columns={"id": "record_id"}).dropna()
    return out.rename_axis("row").reset_index()


def totals(data: Dataset, records: Records) -> Totals:
    chosen = selection(data, records)
    return Totals(int(chosen.sum()), distinct(data, chosen, "country"), distinct(data, chosen, "company"))


def count_by(data: Dataset, records: Records, dimension: str) -> pd.DataFrame:
    """Number of records per value of `dimension`, largest first (ties in category order).

    A record with two companies counts once for each, so the column sums can exceed the
    number of records; the pages say so.
    """
    if dimension in DIMENSIONS or isinstance(data.records[dimension].dtype, pd.CategoricalDtype):
        counts, dtype = per_value(data, selection(data, records), dimension)
        present = np.flatnonzero(counts)
        table = pd.DataFrame({dimension: pd.Categorical.from_codes(present, dtype=dtype), "records": counts[present]})
    else:
        table = columns(data, records, [dimension]).groupby(dimension, observed=True).size().rename("records").reset_index()
    return table.sort_values("records", ascending=False, kind="stable").reset_index(drop=True)


def count_by_country(data: Dataset, records: Records) -> pd.DataFrame:
    """Records per country with names: the choropleth's input."""
    counts = count_by(data, records, "country")
    counts["country"] = counts["country"].astype(str)
    names = data.countries.set_index("iso3")["name"]
    counts["name"] = counts["country"].map(names)
    return counts


SPANNING = np.iinfo(np.int64).min  # code of a date whose bounds lie in different years


def _period_codes(dated: pd.DataFrame, freq: str) -> tuple[np.ndarray, pd.DataFrame]:
    """Per record, an integer code of the period it is counted in, and per code its label,
    start, end and whether it is a year. A date is counted in the finest period that holds
    all of it: a month or quarter when its bounds fall in one, else its year (a year-only
    date, or an interval within one year). An interval across years ("2016/2021-07") gets
    the code SPANNING and is left out of the series, never pinned to one of its years.
    Integers, not strings, per record: this runs on every filter change."""
    start, end = dated["date_start"], dated["date_end"]
    fine = start.dt.to_period(freq).array.asi8
    fine_end = end.dt.to_period(freq).array.asi8
    year, year_end = start.dt.year.to_numpy(dtype=np.int64), end.dt.year.to_numpy(dtype=np.int64)
    codes = np.where(fine == fine_end, fine, np.where(year == year_end, -1 - year, SPANNING))
    unique = np.unique(codes[codes != SPANNING])
    labels, starts, ends = [], [], []
    for code in unique:
        period = pd.Period(year=-1 - code, freq="Y") if code < 0 else pd.Period(ordinal=code, freq=freq)
        labels.append(str(period)); starts.append(period.start_time); ends.append(period.end_time)
    meta = pd.DataFrame({"period": labels, "start": starts, "end": ends, "year_only": unique < 0}, index=unique)
    return codes, meta


def time_series(data: Dataset, records: Records, freq: str = "Q", stack: str = "company") -> pd.DataFrame:
    """Records per period (month "M" or quarter "Q"), stacked by a dimension.

    Records dated only to a year cannot be placed in a month or quarter: they are returned
    with `period` = their year and `year_only` True, and the figure draws them apart.
    Nothing is pinned to the first month of its year. Records dated by an interval across
    years are left out; `attrs["spanning"]` says how many, for the chart's sentence. A
    record with no value in the stacking dimension (a training with no company) is stacked
    as NONE, not dropped.
    """
    columns_out = ["period", "start", "end", "year_only", stack, "records"]
    chosen = selection(data, records)
    rows = np.flatnonzero(chosen)
    if not len(rows):
        return pd.DataFrame(columns=columns_out)
    codes, meta = _period_codes(data.records[["date_start", "date_end"]].iloc[rows], freq)
    spanning = codes == SPANNING
    if spanning.any():
        chosen = chosen.copy()
        chosen[rows[spanning]] = False
        rows, codes = rows[~spanning], codes[~spanning]
    code_of_row = np.zeros(len(data.records), dtype=np.int64)
    code_of_row[rows] = codes
    found = links(data, chosen, stack)
    unlinked = np.setdiff1d(rows, found.rows, assume_unique=False)
    keys = np.concatenate([found.codes, np.full(len(unlinked), -1)])  # -1: no value, stacked as NONE
    periods = code_of_row[np.concatenate([found.rows, unlinked])]
    counts = pd.DataFrame({"code": periods, "key": keys}).groupby(["code", "key"]).size().rename("records").reset_index()
    labels = np.append(found.dtype.categories.astype(str).to_numpy(dtype=object), NONE)  # index -1 is NONE
    counts[stack] = labels[counts["key"].to_numpy()]
    out = counts.join(meta, on="code")
    out = out.sort_values(["start", stack], kind="stable")[columns_out].reset_index(drop=True)
    out.attrs["spanning"] = int(spanning.sum())
    return out


def describe_series(series: pd.DataFrame, noun: str = "record-company pairs") -> str:
    """A sentence for a time series chart: the text alternative screen readers get."""
    if series.empty:
        return "Chart text: no record in this window."
    per_period = series[~series["year_only"]].groupby("period")["records"].sum()
    year_only = int(series.loc[series["year_only"], "records"].sum())
    text = f"Chart text: {int(series['records'].sum())} {noun} from {series['start'].min():%B %Y} to {series['end'].max():%B %Y}"
    if len(per_period):
        text += f"; busiest period {per_period.idxmax()} ({int(per_period.max())})"
    if year_only:
        text += f"; {year_only} dated only to a year, drawn across that year in the lower panel"
    if series.attrs.get("spanning"):
        text += f"; {series.attrs['spanning']} records dated only within a span of years are not drawn"
    return text + "."


def city_markers(data: Dataset, records: Records, colour_by: str = "company", limit_per_point: int = 5,
                 max_points: int = 2000) -> pd.DataFrame:
    """One row per (place, colour key): lat, lon, city, label, records and hover text.

    A record with two companies appears under each. Hover lists at most `limit_per_point`
    records per point and says how many more there are, and at most `max_points` points (the
    busiest) are returned, so what reaches the browser stays bounded however large the data.
    Trainings are placed by their participants' countries, not by where (often in China)
    they were held. Data text is HTML-escaped: plotly renders a subset of HTML in hover.
    Points are counted on integers (place x key); text is built only for the records shown.
    """
    out_columns = ["lat", "lon", "city", "label", "label_name", "records", "hover"]
    everything = data.records
    place = everything["place"].to_numpy()
    located = selection(data, records) & (place >= 0) & ~is_in(everything["record_type"], ["training"])
    found = links(data, located, colour_by)
    if not len(found.rows):
        return pd.DataFrame(columns=out_columns)
    keys = len(found.dtype.categories)
    point_ids, point_of_link, counts = group_keys(place[found.rows] * keys + found.codes)
    busiest = np.argsort(-counts, kind="stable")[:max_points]
    order, rank = rank_in_group(point_of_link, counts)
    kept = np.zeros(len(point_ids), dtype=bool)
    kept[busiest] = True
    shown = np.flatnonzero(kept[point_of_link] & (rank < limit_per_point))
    hover: dict[int, list[str]] = {}
    for point, line in zip(point_of_link[shown], hover_lines(data, found.rows[shown])):
        hover.setdefault(point, []).append(line)
    group_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    first_row = found.rows[order[group_start[busiest]]]  # any record of a place has its lat, lon and city
    where = everything[["lat", "lon", "city"]].iloc[first_row]
    label_codes = point_ids[busiest] % keys
    labels = found.dtype.categories.astype(str).to_numpy()[label_codes]
    names = data.companies.set_index("id")["name"] if colour_by == "company" else data.technologies.set_index("id")["label"]
    more = counts[busiest] - limit_per_point
    points = pd.DataFrame({
        "lat": where["lat"].to_numpy(), "lon": where["lon"].to_numpy(), "city": where["city"].astype(str).to_numpy(),
        "label": labels, "label_name": [names.get(label, label) for label in labels], "records": counts[busiest],
        "hover": ["<br><br>".join(hover[p]) + (f"<br>… and {m} more" if m > 0 else "") for p, m in zip(busiest, more)],
    })
    return points[out_columns]


def rank_in_group(groups: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions ordered by group (stable), and each position's rank within its group.
    A stable sort of 16-bit ids is a radix sort: linear in the number of positions."""
    order = np.argsort(groups.astype(np.uint16) if len(counts) <= 1 << 16 else groups, kind="stable")
    group_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - group_start[groups[order]]
    return order, rank


def hover_lines(data: Dataset, rows: np.ndarray) -> list[str]:
    """One escaped hover line per record row: city, companies, summary, date, status, type."""
    everything = data.records
    text = everything.iloc[rows, everything.columns.get_indexer(["city", "companies", "summary", "date", "status", "record_type"])]
    company_names = data.companies.set_index("id")["name"].to_dict()
    return [
        f"<b>{escape(str(city))}</b> · {escape(', '.join(company_names.get(i, i) for i in companies))}<br>"
        f"{escape(str(summary)[:120])}<br>{date} · {status} · {kind}"
        for city, companies, summary, date, status, kind in zip(
            text["city"], text["companies"], text["summary"], text["date"], text["status"], text["record_type"])
    ]


def agreement_lanes(data: Dataset, records: Records, limit: int = 200) -> pd.DataFrame:
    """One row per (agreement, company): its interval from the start of its date to the end
    of its end_date, or to the end of its own date when no end is known. At most `limit`
    agreements, the most recent, so the figure stays light; `lanes.attrs["total"]` says how
    many there were."""
    everything = data.records
    chosen = selection(data, records) & is_in(everything["record_type"], ["agreement"])
    rows = np.flatnonzero(chosen)
    columns_out = ["company", "label", "start", "end", "status", "date", "end_date"]
    recent = rows[most_recent(everything["date_start"].to_numpy()[rows], limit)]
    agreements = everything.iloc[recent]
    if agreements.empty:
        lanes = pd.DataFrame(columns=columns_out)
    else:
        ends = pd.to_datetime(
            [pd.Period(e, {4: "Y", 7: "M"}.get(len(e), "D")).end_time if isinstance(e, str) else d
             for e, d in zip(agreements["end_date"], agreements["date_end"])]
        )
        frame = agreements.assign(
            start=agreements["date_start"], end=ends,
            label=agreements["country"].astype(str) + ": " + agreements["summary"].astype(str).str.slice(0, 80),
        )
        long = linked(data, agreements, "company")[["row", "company"]].join(frame, on="row")
        long["company"] = long["company"].astype(str)
        lanes = long[columns_out].sort_values(["company", "start"]).reset_index(drop=True)
    lanes.attrs["total"] = len(rows)
    return lanes


def most_recent(starts: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` latest values, latest first, ties in position order, without
    sorting them all (a selection can hold hundreds of thousands of agreements)."""
    if len(starts) > limit:
        cutoff = np.partition(starts, len(starts) - limit)[len(starts) - limit]
        candidates = np.flatnonzero(starts >= cutoff)
    else:
        candidates = np.arange(len(starts))
    ordered = candidates[np.argsort(-starts[candidates].astype(np.int64), kind="stable")]
    return ordered[:limit]


def coverage(data: Dataset, by: str = "year") -> pd.DataFrame:
    """Records per year (of the date's start), or per region or country, and record type."""
    records = data.records
    if by == "year":
        key = records["date_start"].dt.year.rename("year")
        return records.groupby([key, "record_type"], observed=True).size().unstack(fill_value=0).reset_index()
    long = linked(data, records, by)
    long["record_type"] = records["record_type"].to_numpy()[long["row"].to_numpy()]
    return long.groupby([by, "record_type"], observed=True)["row"].nunique().unstack(fill_value=0).reset_index()


def milestones_of(data: Dataset, records: Records) -> pd.DataFrame:
    """The dated stages (announced, contract, delivered, cancelled...) of the selected
    records, with each record's summary for the hover text. A record's own date is where
    it is counted; its milestones show how it got there and what became of it."""
    stages = data.milestones
    rows = stages["row"].to_numpy(dtype=np.int64)
    stages = stages[selection(data, records)[rows]]
    summaries = data.records["summary"].iloc[stages["row"].to_numpy(dtype=np.int64)]  # only the rows shown
    return stages.assign(summary=summaries.to_numpy(dtype=object))
