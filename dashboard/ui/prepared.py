"""Everything that depends on the dataset alone, computed once when it loads and shared by
every rerun: names, colours, URL vocabulary, month options."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..analysis import reconcile
from ..analysis.aggregate import coverage
from ..analysis.filters import DATE_RULES
from ..data import Dataset
from ..data.schema import RECORD_TABLES
from ..figures.theme import colour_map, ranked_keys
from .urlstate import BOOLEAN

TYPES = {"deployment": "Deployments", "agreement": "Agreements", "training": "Trainings"}


@dataclass(frozen=True)
class Prepared:
    data: Dataset
    names: dict[str, str]  # id or code -> label, for every company, country and technology
    months: list[str]  # the date slider's options
    colours: dict[str, dict[str, str]]  # "company" / "technology" -> key -> colour, stable across filters
    vocabulary: dict[str, set[str]]  # URL parameter -> values it accepts
    coverage: dict[str, pd.DataFrame]  # "year", "region", "source kind" -> records per value and type
    first_source: pd.Series  # record id -> id of its first source (categorical: one code per record)
    record_order: np.ndarray  # positions of data.records by date, then id: the records table's order
    company_options: list[str]  # companies named by at least one record, by name
    country_options: list[str]  # ISO-3 codes of every country in the data, by name
    technology_options: list[str]  # exported technologies (not China's domestic grid), in table order

    # The reconciliation with Carnegie's index and the research effort depend on the data
    # alone: computed on first use (not at start-up) and then shared by every rerun.
    @cached_property
    def our_pairs(self) -> pd.DataFrame:
        return reconcile.our_pairs(self.data)

    @cached_property
    def reference_pairs(self) -> pd.DataFrame:
        return reconcile.reference_pairs(self.data, self.our_pairs)

    @cached_property
    def effort(self) -> pd.DataFrame:
        return reconcile.effort_by_band(self.data)


def month_options(data: Dataset) -> list[str]:
    first = min(data.records["date_start"].min(), pd.Timestamp("2009-01-01")).to_period("M")
    last = max(data.records["date_end"].max(), pd.Timestamp("2023-12-31")).to_period("M")
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def label_names(data: Dataset) -> dict[str, str]:
    names = data.companies.set_index("id")["name"].to_dict()
    names |= data.countries.set_index("iso3")["name"].to_dict()
    names |= data.technologies.set_index("id")["label"].to_dict()
    names["(none)"] = "No company named"
    return names


FREE_TEXT = {"record", "page"}  # parameters whose values are checked where they are used


def url_vocabulary(data: Dataset, months: list[str]) -> dict[str, set[str]]:
    """Every URL parameter of every page and the values it accepts (labels, as the URL shows them)."""
    month_set = set(months)
    return {
        "company": set(data.companies["name"]), "country": set(data.countries["name"]), "region": set(data.countries["region"]),
        "technology": set(data.technologies["label"]), "type": set(TYPES.values()), "status": set(data.records["status"].cat.categories),
        "mode": set(data.records["mode"].cat.categories), "confidence": {"high", "medium", "low"},
        "period": month_set, "rule": set(DATE_RULES.values()), "epidemic": BOOLEAN, "disputed": BOOLEAN,
        # page controls
        "colour_by": {"company", "technology"}, "freq": {"Quarter", "Month"}, "stack": {"company", "technology"},
        "before": month_set, "after": month_set, "profile": set(data.countries["name"]), "profile_company": set(data.companies["name"]),
        "outcome": {"all", "offered", "signed", "deployed", "donated", "cancelled"},
    }


def prepare(data: Dataset) -> Prepared:
    months = month_options(data)
    colours = {
        "company": colour_map(ranked_keys(data.record_companies, "company")),
        "technology": colour_map(ranked_keys(data.record_technologies, "technology")),
    }
    tables = {"year": coverage(data, "year"), "region": coverage(data, "region"), "source kind": source_kinds(data)}
    names = label_names(data)
    order = data.records[["date_start", "id"]].reset_index(drop=True).sort_values(["date_start", "id"], kind="stable").index.to_numpy()
    used = sorted(map(str, data.record_companies["company"].cat.remove_unused_categories().cat.categories), key=lambda c: names.get(c, c).lower())
    countries = sorted(data.countries["iso3"], key=names.get)
    technologies = data.technologies.loc[data.technologies["category"] == "exported", "id"].tolist()
    return Prepared(data, names, months, colours, url_vocabulary(data, months), tables, first_sources(data), order, used,
                    countries, technologies)


def first_sources(data: Dataset) -> pd.Series:
    """Each record's first source id; titles and URLs are looked up only for the rows shown."""
    first = data.citations.loc[data.citations["position"] == 0, ["owner_id", "source_id"]].drop_duplicates("owner_id")
    return pd.Series(pd.Categorical(first["source_id"]), index=first["owner_id"].to_numpy())


def source_kinds(data: Dataset) -> pd.DataFrame:
    """Records citing at least one source of each kind (news, think tank, official...)."""
    cites = data.citations[["owner_id", "source_id"]]  # two columns: no copy of the claims at a million rows
    cites = cites[data.citations["table"].isin(RECORD_TABLES).to_numpy()]
    kind = cites["source_id"].map(data.sources.set_index("id")["kind"]).rename("kind")
    return cites["owner_id"].groupby(kind).nunique().rename("records").sort_values(ascending=False).reset_index()
