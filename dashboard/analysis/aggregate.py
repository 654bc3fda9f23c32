"""Counts the pages show. Every function takes the filtered records and returns a new frame."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

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


def totals(data: Dataset, records: pd.DataFrame) -> Totals:
    ids = records["id"]
    countries = data.record_countries.loc[data.record_countries["record_id"].isin(ids), "country"].nunique()
    companies = data.record_companies.loc[data.record_companies["record_id"].isin(ids), "company"].nunique()
    return Totals(len(records), int(countries), int(companies))


def linked(data: Dataset, records: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Long table (record_id, <dimension>) for the given records; one row per link."""
    if dimension in DIMENSIONS:
        link = getattr(data, DIMENSIONS[dimension])
        out = link.loc[link["record_id"].isin(records["id"]), ["record_id", dimension]]
        return out.dropna()
    return records[["id", dimension]].rename(columns={"id": "record_id"}).dropna()


def count_by(data: Dataset, records: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Number of distinct records per value of `dimension`, largest first.

    A record with two companies counts once for each, so the column sums can exceed the
    number of records; the pages say so.
    """
    long = linked(data, records, dimension)
    counts = long.groupby(dimension, observed=True)["record_id"].nunique().rename("records")
    return counts.sort_values(ascending=False).reset_index()


def count_by_country(data: Dataset, records: pd.DataFrame) -> pd.DataFrame:
    """Records per country with names: the choropleth's input."""
    counts = count_by(data, records, "country")
    counts["country"] = counts["country"].astype(str)
    names = data.countries.set_index("iso3")["name"]
    counts["name"] = counts["country"].map(names)
    return counts


def time_series(data: Dataset, records: pd.DataFrame, freq: str = "Q", stack: str = "company") -> pd.DataFrame:
    """Records per period (month "M" or quarter "Q"), stacked by a dimension.

    Records dated only to a coarser precision than `freq` cannot be placed in a period of
    that size: they are returned with `period` = their year and `year_only` True, and the
    figure draws them apart. Nothing is pinned to the first month of its year.
    """
    rank = {"M": 1, "Q": 2}[freq]
    precision_rank = records["date_precision"].map({"day": 0, "month": 1, "year": 3}).astype(int)
    fine = records[precision_rank <= rank]
    coarse = records[precision_rank > rank]
    frames = []
    if len(fine):
        periods = fine["date_start"].dt.to_period(freq)
        frames.append(pd.DataFrame({"record_id": fine["id"], "period": periods.astype(str), "start": periods.dt.start_time, "end": periods.dt.end_time, "year_only": False}))
    if len(coarse):
        years = coarse["date_start"].dt.to_period("Y")
        frames.append(pd.DataFrame({"record_id": coarse["id"], "period": years.astype(str), "start": years.dt.start_time, "end": years.dt.end_time, "year_only": True}))
    if not frames:
        return pd.DataFrame(columns=["period", "start", "end", "year_only", stack, "records"])
    placed = pd.concat(frames, ignore_index=True)
    # a training with no company still happened: it is stacked as NONE, not dropped
    long = placed.merge(linked(data, records, stack).astype({stack: object}), on="record_id", how="left").fillna({stack: NONE})
    out = (
        long.groupby(["period", "start", "end", "year_only", stack], observed=True)["record_id"]
        .nunique()
        .rename("records")
        .reset_index()
        .sort_values(["start", stack])
    )
    out[stack] = out[stack].astype(str)
    return out.reset_index(drop=True)


def coverage(data: Dataset, by: str = "year") -> pd.DataFrame:
    """Records per year (of the date's start) and record type, for the method page."""
    records = data.records
    if by == "year":
        key = records["date_start"].dt.year.rename("year")
        return records.groupby([key, "record_type"], observed=True).size().unstack(fill_value=0).reset_index()
    long = linked(data, records, by).merge(records[["id", "record_type"]], left_on="record_id", right_on="id")
    return long.groupby([by, "record_type"], observed=True)["record_id"].nunique().unstack(fill_value=0).reset_index()


def city_markers(data: Dataset, records: pd.DataFrame, colour_by: str = "company", limit_per_point: int = 5,
                 max_points: int = 2000) -> pd.DataFrame:
    """One row per (place, colour key): lat, lon, city, label, records and hover text.

    A record with two companies appears under each. Hover lists at most `limit_per_point`
    records per point and says how many more there are, and at most `max_points` points (the
    busiest) are returned, so what reaches the browser stays bounded however large the data.
    Data text is HTML-escaped: plotly renders a subset of HTML in hover labels.
    """
    columns = ["lat", "lon", "city", "label", "label_name", "records", "hover"]
    # trainings are placed by their participants' countries, not by where in China they were held
    located = records.loc[records["lat"].notna() & (records["record_type"] != "training"), ["id", "lat", "lon", "city", "companies", "summary", "date", "status", "record_type"]]
    if located.empty:
        return pd.DataFrame(columns=columns)
    keys = linked(data, located, colour_by).rename(columns={colour_by: "label"})
    merged = keys.merge(located, left_on="record_id", right_on="id")
    merged["label"] = merged["label"].astype(str)
    place = ["lat", "lon", "city", "label"]
    points = merged.groupby(place, sort=False, observed=True).size().rename("records").reset_index()
    points = points.sort_values("records", ascending=False, kind="stable").head(max_points)
    shown = merged.merge(points[place], on=place).groupby(place, sort=False, observed=True).head(limit_per_point)
    company_names = data.companies.set_index("id")["name"]
    who = shown["companies"].map(lambda ids: ", ".join(company_names.get(i, i) for i in ids))
    shown = shown.assign(
        line="<b>" + shown["city"].astype(str).map(escape) + "</b> · " + who.map(escape) + "<br>"
        + shown["summary"].astype(str).str.slice(0, 120).map(escape) + "<br>"
        + shown["date"].astype(str) + " · " + shown["status"].astype(str) + " · " + shown["record_type"].astype(str)
    )
    hover = shown.groupby(place, sort=False, observed=True)["line"].agg("<br><br>".join).rename("hover").reset_index()
    points = points.merge(hover, on=place)
    more = points["records"] - limit_per_point
    points["hover"] = points["hover"].where(more <= 0, points["hover"] + "<br>… and " + more.astype(str) + " more")
    names = data.companies.set_index("id")["name"] if colour_by == "company" else data.technologies.set_index("id")["label"]
    points["label_name"] = points["label"].map(names).fillna(points["label"])
    return points[columns]


def agreement_lanes(data: Dataset, records: pd.DataFrame) -> pd.DataFrame:
    """One row per (agreement, company): its interval from the start of its date to the end
    of its end_date, or to the end of its own date when no end is known."""
    agreements = records[records["record_type"] == "agreement"]
    columns = ["company", "label", "start", "end", "status", "date", "end_date"]
    if agreements.empty:
        return pd.DataFrame(columns=columns)
    ends = pd.to_datetime(
        [pd.Period(e, {4: "Y", 7: "M"}.get(len(e), "D")).end_time if isinstance(e, str) else d
         for e, d in zip(agreements["end_date"], agreements["date_end"])]
    )
    frame = agreements.assign(
        start=agreements["date_start"], end=ends,
        label=agreements["country"].astype(str) + ": " + agreements["summary"].str.slice(0, 80),
    )
    long = frame.merge(linked(data, agreements, "company"), left_on="id", right_on="record_id")
    long["company"] = long["company"].astype(str)
    return long[columns].sort_values(["company", "start"]).reset_index(drop=True)
