"""Counts the pages show. Every function takes records selected from `data.records` (their
index kept, as filters return them) and returns a new frame; nothing is mutated.

Links (record -> company, country, technology) are picked by row position with an array
lookup rather than by matching ids, which keeps a filter change fast at a million records.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from ..data import Dataset

NONE = "(none)"  # stack key for records with no value in the stacking dimension
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


def selection(data: Dataset, records: pd.DataFrame) -> np.ndarray:
    """Boolean array over data.records marking the given records."""
    chosen = np.zeros(len(data.records), dtype=bool)
    chosen[records.index.to_numpy()] = True
    return chosen


def linked(data: Dataset, records: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Long table (row, record_id, <dimension>) for the given records; one row per link."""
    if dimension in DIMENSIONS:
        link = getattr(data, DIMENSIONS[dimension])
        picked = link[selection(data, records)[link["row"].to_numpy()]]
        return picked[["row", "record_id", dimension]].dropna()
    out = records[["id", dimension]].rename(columns={"id": "record_id"}).dropna()
    return out.rename_axis("row").reset_index()


def _distinct(link: pd.DataFrame, column: str, chosen: np.ndarray) -> int:
    """Distinct values among the chosen records' links, counted on category codes."""
    codes = link[column].cat.codes.to_numpy()[chosen[link["row"].to_numpy()]]
    return int(np.unique(codes[codes >= 0]).size)


def totals(data: Dataset, records: pd.DataFrame) -> Totals:
    chosen = selection(data, records)
    return Totals(len(records), _distinct(data.record_countries, "country", chosen), _distinct(data.record_companies, "company", chosen))


def count_by(data: Dataset, records: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Number of records per value of `dimension`, largest first.

    A record with two companies counts once for each, so the column sums can exceed the
    number of records; the pages say so. (Links are unique per record and value.)
    """
    long = linked(data, records, dimension)
    counts = long.groupby(dimension, observed=True).size().rename("records")
    return counts.sort_values(ascending=False, kind="stable").reset_index()


def count_by_country(data: Dataset, records: pd.DataFrame) -> pd.DataFrame:
    """Records per country with names: the choropleth's input."""
    counts = count_by(data, records, "country")
    counts["country"] = counts["country"].astype(str)
    names = data.countries.set_index("iso3")["name"]
    counts["name"] = counts["country"].map(names)
    return counts


def _period_codes(records: pd.DataFrame, freq: str) -> tuple[np.ndarray, pd.DataFrame]:
    """Per record, an integer code of the period it is counted in (a year-only date is
    counted in its year), and per code its label, start, end and whether it is a year.
    Integers, not strings, per record: this runs on every filter change."""
    year_only = (records["date_precision"] == "year").to_numpy()
    start = records["date_start"]
    fine = start.dt.to_period(freq).array.asi8
    year = start.dt.year.to_numpy()
    codes = np.where(year_only, -1 - year, fine)  # years get negative codes, apart from periods
    unique = np.unique(codes)
    labels, starts, ends = [], [], []
    for code in unique:
        period = pd.Period(year=-1 - code, freq="Y") if code < 0 else pd.Period(ordinal=code, freq=freq)
        labels.append(str(period)); starts.append(period.start_time); ends.append(period.end_time)
    meta = pd.DataFrame({"period": labels, "start": starts, "end": ends, "year_only": unique < 0}, index=unique)
    return codes, meta


def time_series(data: Dataset, records: pd.DataFrame, freq: str = "Q", stack: str = "company") -> pd.DataFrame:
    """Records per period (month "M" or quarter "Q"), stacked by a dimension.

    Records dated only to a year cannot be placed in a month or quarter: they are returned
    with `period` = their year and `year_only` True, and the figure draws them apart.
    Nothing is pinned to the first month of its year. A record with no value in the
    stacking dimension (a training with no company) is stacked as NONE, not dropped.
    """
    columns = ["period", "start", "end", "year_only", stack, "records"]
    if records.empty:
        return pd.DataFrame(columns=columns)
    codes, meta = _period_codes(records, freq)
    code_of_row = np.zeros(len(data.records), dtype=np.int64)
    code_of_row[records.index.to_numpy()] = codes
    long = linked(data, records, stack)
    keys = long[stack].astype(str).to_numpy()
    unlinked = np.setdiff1d(records.index.to_numpy(), long["row"].to_numpy())
    rows = np.concatenate([long["row"].to_numpy(), unlinked])
    keys = np.concatenate([keys, np.full(len(unlinked), NONE, dtype=object)])
    counts = pd.DataFrame({"code": code_of_row[rows], stack: keys}).groupby(["code", stack]).size().rename("records").reset_index()
    out = counts.join(meta, on="code")
    return out.sort_values(["start", stack], kind="stable")[columns].reset_index(drop=True)


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
    return text + "."


def city_markers(data: Dataset, records: pd.DataFrame, colour_by: str = "company", limit_per_point: int = 5,
                 max_points: int = 2000) -> pd.DataFrame:
    """One row per (place, colour key): lat, lon, city, label, records and hover text.

    A record with two companies appears under each. Hover lists at most `limit_per_point`
    records per point and says how many more there are, and at most `max_points` points (the
    busiest) are returned, so what reaches the browser stays bounded however large the data.
    Trainings are placed by their participants' countries, not by where (often in China)
    they were held. Data text is HTML-escaped: plotly renders a subset of HTML in hover.
    """
    columns = ["lat", "lon", "city", "label", "label_name", "records", "hover"]
    wanted = (records["place"] >= 0).to_numpy() & (records["record_type"] != "training").to_numpy()
    if not wanted.any():
        return pd.DataFrame(columns=columns)
    located = pd.DataFrame(index=records.index[wanted])  # only the rows: linked() needs no columns
    keys = linked(data, located, colour_by).rename(columns={colour_by: "label"})
    keys["label"] = keys["label"].astype(str)
    keys["place"] = data.records["place"].to_numpy()[keys["row"].to_numpy()]
    points = keys.groupby(["place", "label"], sort=False).size().rename("records").reset_index()
    points = points.sort_values("records", ascending=False, kind="stable").head(max_points)
    shown = keys.merge(points[["place", "label"]], on=["place", "label"]).groupby(["place", "label"], sort=False).head(limit_per_point)
    rows = data.records.loc[shown["row"].to_numpy()]
    company_names = data.companies.set_index("id")["name"]
    who = rows["companies"].map(lambda ids: ", ".join(company_names.get(i, i) for i in ids))
    line = (
        "<b>" + rows["city"].astype(str).map(escape) + "</b> · " + who.map(escape) + "<br>"
        + rows["summary"].astype(str).str.slice(0, 120).map(escape) + "<br>"
        + rows["date"].astype(str) + " · " + rows["status"].astype(str) + " · " + rows["record_type"].astype(str)
    )
    shown = shown.assign(line=line.to_numpy())
    hover = shown.groupby(["place", "label"], sort=False)["line"].agg("<br><br>".join).rename("hover").reset_index()
    points = points.merge(hover, on=["place", "label"])
    places = data.records[["place", "lat", "lon", "city"]]  # four columns, not the whole frame
    where = places[places["place"] >= 0].drop_duplicates("place").set_index("place")
    points = points.join(where, on="place")
    more = points["records"] - limit_per_point
    points["hover"] = points["hover"].where(more <= 0, points["hover"] + "<br>… and " + more.astype(str) + " more")
    names = data.companies.set_index("id")["name"] if colour_by == "company" else data.technologies.set_index("id")["label"]
    points["label_name"] = points["label"].map(names).fillna(points["label"])
    return points[columns].reset_index(drop=True)


def agreement_lanes(data: Dataset, records: pd.DataFrame, limit: int = 200) -> pd.DataFrame:
    """One row per (agreement, company): its interval from the start of its date to the end
    of its end_date, or to the end of its own date when no end is known. At most `limit`
    agreements, the most recent, so the figure stays light; `lanes.attrs["total"]` says how
    many there were."""
    agreements = records[records["record_type"] == "agreement"]
    columns = ["company", "label", "start", "end", "status", "date", "end_date"]
    total = len(agreements)
    agreements = agreements.sort_values("date_start", ascending=False, kind="stable").head(limit)
    if agreements.empty:
        lanes = pd.DataFrame(columns=columns)
    else:
        ends = pd.to_datetime(
            [pd.Period(e, {4: "Y", 7: "M"}.get(len(e), "D")).end_time if isinstance(e, str) else d
             for e, d in zip(agreements["end_date"], agreements["date_end"])]
        )
        frame = agreements.assign(
            start=agreements["date_start"], end=ends,
            label=agreements["country"].astype(str) + ": " + agreements["summary"].str.slice(0, 80),
        )
        long = linked(data, agreements, "company")[["row", "company"]].join(frame, on="row")
        long["company"] = long["company"].astype(str)
        lanes = long[columns].sort_values(["company", "start"]).reset_index(drop=True)
    lanes.attrs["total"] = total
    return lanes


def coverage(data: Dataset, by: str = "year") -> pd.DataFrame:
    """Records per year (of the date's start), or per region or country, and record type."""
    records = data.records
    if by == "year":
        key = records["date_start"].dt.year.rename("year")
        return records.groupby([key, "record_type"], observed=True).size().unstack(fill_value=0).reset_index()
    long = linked(data, records, by)
    long["record_type"] = records["record_type"].to_numpy()[long["row"].to_numpy()]
    return long.groupby([by, "record_type"], observed=True)["row"].nunique().unstack(fill_value=0).reset_index()
