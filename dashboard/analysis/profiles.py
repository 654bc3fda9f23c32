"""What the country and company profiles show: pure selections and summaries."""

from __future__ import annotations

import re

import pandas as pd

from ..data import Dataset
from .kernels import Records, selection
from .kernels import linking


def of_country(data: Dataset, records: Records, iso3: str) -> pd.DataFrame:
    """Records in the country, trainings its officials attended included."""
    return data.records[selection(data, records) & linking(data.records, data.record_countries, "country", (iso3,))]


def of_company(data: Dataset, records: Records, company: str) -> pd.DataFrame:
    return data.records[selection(data, records) & linking(data.records, data.record_companies, "company", (company,))]


def summary(records: pd.DataFrame) -> dict[str, object]:
    """Headline numbers for a profile."""
    by_type = records["record_type"].value_counts()
    return {
        "records": len(records),
        "deployments": int(by_type.get("deployment", 0)),
        "agreements": int(by_type.get("agreement", 0)),
        "trainings": int(by_type.get("training", 0)),
        "anti-epidemic": int(records["anti_epidemic"].sum()),
        "disputed": int(records["disputed"].sum()),
        "first": records.sort_values("date_start")["date"].iloc[0] if len(records) else "",
        "last": records.sort_values("date_end")["date"].iloc[-1] if len(records) else "",
    }


def sources_cited(data: Dataset, records: pd.DataFrame) -> pd.DataFrame:
    """Every source the records cite, with how many of them cite it."""
    cites = data.citations[data.citations["owner_id"].isin(records["id"])]
    counts = cites.groupby("source_id")["owner_id"].nunique().rename("records")
    table = data.lookup.sources.join(counts, how="inner")
    return table.reset_index()[["id", "title", "publisher", "date", "kind", "url", "records"]].sort_values(["records", "id"], ascending=[False, True])


def figures_naming(data: Dataset, name: str) -> pd.DataFrame:
    """Reported figures whose wording names the country or company (a whole-word match)."""
    figures = data.reported_figures
    if figures.empty:
        return figures
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    text = figures["figure"].astype(str) + " " + figures["scope"].astype(str)
    return figures[text.map(lambda t: bool(pattern.search(t)))]


def events_naming(data: Dataset, iso3: str | None = None, company: str | None = None) -> pd.DataFrame:
    events = data.events
    if iso3:
        return events[events["countries"].map(lambda codes: iso3 in codes)]
    return events[events["companies"].map(lambda ids: company in ids)]

