"""Before/after comparison of two date windows, as counts and as rates per year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset
from .counts import per_value
from .kernels import Records, selection
from .kernels import date_mask


@dataclass(frozen=True)
class Window:
    label: str
    start: pd.Period  # first month, inclusive
    end: pd.Period  # last month, inclusive

    @property
    def years(self) -> float:
        return ((self.end - self.start).n + 1) / 12

    def __str__(self) -> str:
        return f"{self.label} ({self.start} to {self.end})"


def default_windows(split: str = "2020-01", years: int = 2) -> tuple[Window, Window]:
    """Two equal windows either side of the split month (default 2018-2019 and 2020-2021)."""
    split_month = pd.Period(split, "M")
    before = Window("Before", split_month - 12 * years, split_month - 1)
    after = Window("After", split_month, split_month + 12 * years - 1)
    return before, after


def in_window(records: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Records whose whole date interval lies in the window (a 2020 record is not in Jan-Jun 2020)."""
    return records[date_mask(records, window.start, window.end, "within")]


def straddling(records: pd.DataFrame, before: Window, after: Window) -> pd.DataFrame:
    """Records overlapping the windows but wholly inside neither: reported, not silently dropped."""
    return records[_straddling(records, before, after)]


def _straddling(records: pd.DataFrame, before: Window, after: Window) -> np.ndarray:
    overlap = date_mask(records, before.start, after.end, "overlaps")
    inside = date_mask(records, before.start, before.end) | date_mask(records, after.start, after.end)
    return overlap & ~inside


@dataclass(frozen=True)
class Comparison:
    """The records split once into the two windows, as masks over data.records; every
    table below reads from this."""

    data: Dataset
    before: Window
    after: Window
    in_before: np.ndarray
    in_after: np.ndarray
    left_out: np.ndarray

    @classmethod
    def of(cls, data: Dataset, records: Records, before: Window, after: Window) -> "Comparison":
        chosen, everything = selection(data, records), data.records
        return cls(
            data, before, after,
            chosen & date_mask(everything, before.start, before.end), chosen & date_mask(everything, after.start, after.end),
            chosen & _straddling(everything, before, after),
        )

    def windows(self) -> tuple[tuple[Window, np.ndarray], tuple[Window, np.ndarray]]:
        return (self.before, self.in_before), (self.after, self.in_after)

    def left_out_records(self) -> pd.DataFrame:
        return self.data.records[self.left_out]


def compare_by(data: Dataset, comparison: Comparison, dimension: str, places: np.ndarray | None = None) -> pd.DataFrame:
    """Per value of `dimension`: counts and rates per year in each window, and the change in rate.

    With overlapping windows a record in the overlap counts in both."""
    before, after = comparison.before, comparison.after
    (counts_before, dtype), (counts_after, _) = (per_value(data, mask, dimension, places) for _, mask in comparison.windows())
    categories = dtype.categories
    present = np.flatnonzero(counts_before + counts_after)
    table = pd.DataFrame(
        {before.label: counts_before[present], after.label: counts_after[present]},
        index=pd.Index(categories[present].astype(str), name=dimension),
    ).astype(int)
    for window in (before, after):
        table[f"{window.label} per year"] = (table[window.label] / window.years).round(2)
    table["change per year"] = (table[f"{after.label} per year"] - table[f"{before.label} per year"]).round(2)
    return table.sort_values(["change per year", after.label], ascending=False).reset_index()


def anti_epidemic_share(comparison: Comparison) -> pd.DataFrame:
    anti = comparison.data.records["anti_epidemic"].to_numpy()
    rows = []
    for window, mask in comparison.windows():
        count, flagged = int(mask.sum()), int((mask & anti).sum())
        rows.append({"window": str(window), "records": count, "anti_epidemic": flagged, "share": round(flagged / count, 3) if count else 0.0})
    return pd.DataFrame(rows)


SUMMARY_DIMENSIONS = ("company", "technology", "region")


def summary_sentences(comparison: Comparison, tables: dict[str, pd.DataFrame], names: dict[str, str]) -> list[str]:
    """Plain-language findings computed from the numbers; no sentence is hand-written per dataset.

    tables: compare_by output for each of SUMMARY_DIMENSIONS (the page has them already).
    """
    before, after = comparison.before, comparison.after
    b, a = int(comparison.in_before.sum()), int(comparison.in_after.sum())
    sentences = [
        f"{before.label}: {b} records ({b / before.years:.1f} a year); "
        f"{after.label}: {a} records ({a / after.years:.1f} a year)."
    ]
    for dimension in SUMMARY_DIMENSIONS:
        table = tables[dimension]
        if table.empty or table["change per year"].max() <= 0:
            continue
        top = table.iloc[0]
        sentences.append(
            f"The {dimension} that grew most is {names.get(top[dimension], top[dimension])}: "
            f"{top[f'{before.label} per year']:.1f} to {top[f'{after.label} per year']:.1f} records a year."
        )
    share = anti_epidemic_share(comparison)
    sentences.append(
        f"Items marketed or donated against Covid-19: {share.at[0, 'share']:.0%} of records {before.label.lower()}, "
        f"{share.at[1, 'share']:.0%} {after.label.lower()}."
    )
    if left_out := int(comparison.left_out.sum()):
        sentences.append(
            f"{left_out} record(s) dated too coarsely to place on one side (for example a year that spans the split) are left out of both windows."
        )
    return sentences
