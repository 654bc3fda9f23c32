"""The filter state: applies itself to the records and describes itself in a sentence.

One `Filters` value drives the sidebar, the URL, the CSV file name and the CLI export, so
the same question always selects the same rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..data import Dataset

DATE_RULES = {
    "within": "whole date inside the range",
    "overlaps": "any part of the date inside the range",
}
DEFAULT_FROM = pd.Period("2019-01", "M")
DEFAULT_TO = pd.Period("2021-12", "M")


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "no restriction". Months are inclusive at both ends.

    date_rule decides what happens to a year- or month-only date at the range edges:
    "within" keeps a record only if its whole interval (all of 2020, say) lies inside the
    range; "overlaps" keeps it if any part does.
    """

    companies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    record_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    confidence: tuple[str, ...] = ()
    date_from: pd.Period | None = DEFAULT_FROM
    date_to: pd.Period | None = DEFAULT_TO
    date_rule: str = "within"
    anti_epidemic_only: bool = False
    disputed_only: bool = False

    def __post_init__(self):
        if self.date_rule not in DATE_RULES:
            raise ValueError(f"date_rule must be one of {sorted(DATE_RULES)}")
        if self.date_from is not None and self.date_to is not None and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")

    @classmethod
    def everything(cls) -> "Filters":
        """No restriction at all, dates included: what the CLI exports with no options."""
        return cls(date_from=None, date_to=None)

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    # --- applying --------------------------------------------------------------------
    def mask(self, data: Dataset) -> np.ndarray:
        """Boolean array over data.records. Pages keep this rather than a filtered copy: at a
        million records, copying the selected rows costs more than every count on a page."""
        records = data.records
        keep = date_mask(records, self.date_from, self.date_to, self.date_rule)
        keep &= linking(records, data.record_companies, "company", self.companies)
        keep &= linking(records, data.record_countries, "country", self.countries)
        keep &= linking(records, data.record_countries, "region", self.regions)
        keep &= linking(records, data.record_technologies, "technology", self.technologies)
        for column, chosen in (
            ("record_type", self.record_types),
            ("status", self.statuses),
            ("mode", self.modes),
            ("confidence", self.confidence),
        ):
            if chosen:
                keep &= is_in(records[column], chosen)
        if self.anti_epidemic_only:
            keep &= records["anti_epidemic"].to_numpy()
        if self.disputed_only:
            keep &= records["disputed"].to_numpy()
        return keep

    def apply(self, data: Dataset) -> pd.DataFrame:
        """The selected rows as a frame (index kept): for exports and small selections."""
        return data.records[self.mask(data)]

    # --- describing ------------------------------------------------------------------
    def describe(self, names: dict[str, str] | None = None) -> str:
        """One sentence such as "Huawei and ZTE deployments in Africa, 2019-01 to 2021-12"."""
        names = names or {}

        def listing(values):
            labels = [names.get(v, v) for v in values]
            return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]

        kinds = listing([t + "s" for t in self.record_types]) if self.record_types else "records"
        parts = []
        if self.companies:
            parts.append(f"{listing(self.companies)} {kinds}")
        else:
            parts.append(f"All {kinds}")
        if self.technologies:
            parts.append(f"of {listing(self.technologies)}")
        places = list(self.countries) + list(self.regions)
        if places:
            parts.append(f"in {listing(places)}")
        if self.statuses:
            parts.append(f"with status {listing(self.statuses)}")
        if self.modes:
            parts.append(f"by way of {listing(self.modes)}")
        if self.confidence:
            parts.append(f"at {listing(self.confidence)} confidence")
        if self.anti_epidemic_only:
            parts.append("marketed or donated against Covid-19")
        if self.disputed_only:
            parts.append("where sources disagree")
        sentence = " ".join(parts)
        if self.date_from or self.date_to:
            start = str(self.date_from) if self.date_from else "the start"
            end = str(self.date_to) if self.date_to else "today"
            rule = "dated wholly" if self.date_rule == "within" else "dated at least partly"
            sentence += f", {rule} in {start} to {end}"
        return sentence

    def slug(self) -> str:
        """A file-name-safe version of describe(), for downloads."""
        text = re.sub(r"[^A-Za-z0-9]+", "-", self.describe()).strip("-").lower()
        return text[:120].rstrip("-") or "records"


def linking(records: pd.DataFrame, link: pd.DataFrame, column: str, chosen: tuple) -> np.ndarray | bool:
    """Records with at least one link whose value is chosen, found by row position (True,
    meaning every record, when nothing is chosen)."""
    if not chosen:
        return True
    hit = np.zeros(len(records), dtype=bool)
    hit[link["row"].to_numpy()[is_in(link[column], chosen)]] = True
    return hit


def is_in(values: pd.Series, chosen) -> np.ndarray:
    """values.isin(chosen) as a numpy array; for a categorical, a lookup on its codes."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return values.isin(chosen).to_numpy()
    lookup = np.zeros(len(values.cat.categories) + 1, dtype=bool)  # the extra slot is code -1 (missing)
    lookup[values.cat.categories.get_indexer(list(chosen))] = True
    lookup[-1] = False
    return lookup[values.array.codes]


def date_mask(records: pd.DataFrame, date_from, date_to, rule: str = "within") -> np.ndarray:
    """Keep records whose date interval lies inside [date_from, date_to] (months, inclusive).

    "within": the whole interval must be inside; "overlaps": any part of it. A date lies in
    a month range exactly when its month does, so the records' month codes are compared
    when they have them (the data layer adds them), numpy datetimes otherwise.
    """
    keep = np.ones(len(records), dtype=bool)
    if "start_month" in records.columns:
        starts, ends = records["start_month"].to_numpy(), records["end_month"].to_numpy()
        if date_from is not None:
            keep &= (starts if rule == "within" else ends) >= pd.Period(date_from, "M").ordinal
        if date_to is not None:
            keep &= (ends if rule == "within" else starts) <= pd.Period(date_to, "M").ordinal
        return keep
    starts, ends = records["date_start"].to_numpy(), records["date_end"].to_numpy()
    unit = starts.dtype  # the bound in the column's own unit: no conversion of a million values
    if date_from is not None:
        start = np.datetime64(pd.Period(date_from, "M").start_time).astype(unit)
        keep &= (starts if rule == "within" else ends) >= start
    if date_to is not None:
        end = np.datetime64(pd.Period(date_to, "M").end_time).astype(unit)
        keep &= (ends if rule == "within" else starts) <= end
    return keep
