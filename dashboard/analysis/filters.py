"""The filter state: one value per filter of the registry, applied and described by it.

One `Filters` value drives the sidebar, the URL, the CSV file name and the CLI export, so
the same question always selects the same rows. What each field means, how it is typed and
how it reads is declared once, in analysis/registry.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..data import Dataset
from .kernels import is_in
from .registry import APPLY_ORDER, DATE_RULES, DEFAULT_FROM, DEFAULT_TO, describe

__all__ = ["DATE_RULES", "DEFAULT_FROM", "DEFAULT_TO", "Filters"]


@dataclass(frozen=True)
class Filters:
    """Empty tuples (and an empty search) mean "no restriction". Months are inclusive at both ends.

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
    search: str = ""

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
        million records, copying the selected rows costs more than every count on a page.
        Each filter sees the rows kept so far; search, the costliest, reads only those."""
        keep = np.ones(len(data.records), dtype=bool)
        for spec in APPLY_ORDER:
            keep &= spec.mask(data, self, keep)
        return keep

    def apply(self, data: Dataset) -> pd.DataFrame:
        """The selected rows as a frame (index kept): for exports and small selections."""
        return data.records[self.mask(data)]

    def place_links(self, data: Dataset) -> np.ndarray | None:
        """Which country links count when the view is restricted to places: a link counts if
        its country is chosen or lies in a chosen region. None when no place is chosen.

        A training with twenty participant countries is selected by a filter on one of
        them, but maps, totals and country lists then count only the chosen countries; the
        record itself still lists all twenty."""
        if not (self.countries or self.regions):
            return None
        link = data.record_countries
        inside = np.zeros(len(link), dtype=bool)
        if self.countries:
            inside |= is_in(link["country"], self.countries)
        if self.regions:
            inside |= is_in(link["region"], self.regions)
        return inside

    # --- describing ------------------------------------------------------------------
    def describe(self, names: dict[str, str] | None = None) -> str:
        """One sentence such as "Huawei and ZTE deployments in Africa, 2019-01 to 2021-12"."""
        return describe(self, names or {})

    def slug(self) -> str:
        """A file-name-safe version of describe(), for downloads (its asides in brackets left out)."""
        text = re.sub(r"[^A-Za-z0-9]+", "-", re.sub(r"\s*\([^)]*\)", "", self.describe())).strip("-").lower()
        return text[:120].rstrip("-") or "records"
