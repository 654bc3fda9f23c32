"""What the country and company profiles show: pure selections and summaries."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..data import Dataset
from . import readable
from .counts import linked
from .kernels import Records, linking, selection


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



def overview(data: Dataset, chosen: np.ndarray, before: np.ndarray, after: np.ndarray, dimension: str,
             places: np.ndarray | None = None, partners: int = 3) -> pd.DataFrame:
    """What a profile page opens on: one row per country (or company) holding records under
    the filters, with its records before and after Covid-19, the companies (or countries) it
    is linked with most often, and its latest record. `before`/`after` are masks over the
    records (the sidebar's filters with each window instead of its dates)."""
    other = "company" if dimension == "country" else "country"
    main = linked(data, chosen, dimension, places)
    if main.empty:
        return pd.DataFrame(columns=[dimension, "name", "records", "before", "after", "partners", "latest_when", "latest"])
    counts = main.groupby(dimension, observed=True).size().rename("records")
    windows = [linked(data, mask, dimension, places).groupby(dimension, observed=True).size().rename(label)
               for mask, label in ((before, "before"), (after, "after"))]
    table = pd.concat([counts, *windows], axis=1).reindex(counts.index).fillna(0).astype(int)

    pairs = main[["row", dimension]].merge(linked(data, chosen, other, places if other == "country" else None)[["row", other]], on="row")
    ranked = pairs.groupby([dimension, other], observed=True).size().rename("n").reset_index()
    ranked = ranked.sort_values([dimension, "n", other], ascending=[True, False, True], kind="stable")
    name_of = data.lookup.company_name if other == "company" else data.lookup.country_name
    table["partners"] = ranked.groupby(dimension, observed=True)[other].agg(
        lambda keys: ", ".join(name_of.get(k, k) for k in list(keys)[:partners]) + (f" and {len(keys) - partners} more" if len(keys) > partners else ""))
    table["partners"] = table["partners"].fillna("")

    starts = data.records["date_start"].to_numpy()
    latest = main.assign(start=starts[main["row"].to_numpy()]).sort_values(["start", "record_id"], kind="stable").groupby(dimension, observed=True).tail(1)
    rows = data.records.iloc[latest["row"].to_numpy()]
    latest = pd.DataFrame({"latest_when": rows["date"].map(readable.date_label).to_numpy(),
                           "latest": readable.what(rows).to_numpy()}, index=latest[dimension].astype(str).to_numpy())
    table.index = table.index.astype(str)
    table = table.join(latest)
    own_names = data.lookup.country_name if dimension == "country" else data.lookup.company_name
    table.insert(0, "name", [own_names.get(k, k) for k in table.index])
    return table.rename_axis(dimension).reset_index().sort_values(["records", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
