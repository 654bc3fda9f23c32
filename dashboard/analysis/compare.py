"""Before/after comparison of two date windows, as counts and as rates per year."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import Dataset
from .aggregate import linked
from .filters import date_mask


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
    overlap = date_mask(records, before.start, after.end, "overlaps")
    inside = date_mask(records, before.start, before.end) | date_mask(records, after.start, after.end)
    return records[overlap & ~inside]


@dataclass(frozen=True)
class Comparison:
    """The records split once into the two windows; every table below reads from this."""

    before: Window
    after: Window
    before_records: pd.DataFrame
    after_records: pd.DataFrame
    left_out: pd.DataFrame

    @classmethod
    def of(cls, records: pd.DataFrame, before: Window, after: Window) -> "Comparison":
        return cls(before, after, in_window(records, before), in_window(records, after), straddling(records, before, after))


def compare_by(data: Dataset, comparison: Comparison, dimension: str) -> pd.DataFrame:
    """Per value of `dimension`: counts and rates per year in each window, and the change in rate.

    Both windows are counted in one groupby; with overlapping windows a record in the
    overlap counts in both."""
    before, after = comparison.before, comparison.after
    long = pd.concat([
        linked(data, subset, dimension)[[dimension]].assign(window=code)
        for code, subset in ((0, comparison.before_records), (1, comparison.after_records))
    ])
    counts = long.groupby([dimension, "window"], observed=True).size().unstack(fill_value=0)
    table = counts.reindex(columns=[0, 1], fill_value=0).set_axis([before.label, after.label], axis=1).astype(int)
    table.index = table.index.astype(str)
    table.index.name = dimension
    for window in (before, after):
        table[f"{window.label} per year"] = (table[window.label] / window.years).round(2)
    table["change per year"] = (table[f"{after.label} per year"] - table[f"{before.label} per year"]).round(2)
    return table.sort_values(["change per year", after.label], ascending=False).reset_index()


def anti_epidemic_share(comparison: Comparison) -> pd.DataFrame:
    rows = []
    for window, subset in ((comparison.before, comparison.before_records), (comparison.after, comparison.after_records)):
        share = float(subset["anti_epidemic"].mean()) if len(subset) else 0.0
        rows.append({"window": str(window), "records": len(subset), "anti_epidemic": int(subset["anti_epidemic"].sum()), "share": round(share, 3)})
    return pd.DataFrame(rows)


SUMMARY_DIMENSIONS = ("company", "technology", "region")


def summary_sentences(comparison: Comparison, tables: dict[str, pd.DataFrame], names: dict[str, str]) -> list[str]:
    """Plain-language findings computed from the numbers; no sentence is hand-written per dataset.

    tables: compare_by output for each of SUMMARY_DIMENSIONS (the page has them already).
    """
    before, after = comparison.before, comparison.after
    b, a = comparison.before_records, comparison.after_records
    sentences = [
        f"{before.label}: {len(b)} records ({len(b) / before.years:.1f} a year); "
        f"{after.label}: {len(a)} records ({len(a) / after.years:.1f} a year)."
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
    if len(comparison.left_out):
        sentences.append(
            f"{len(comparison.left_out)} record(s) dated too coarsely to place on one side (for example a year that spans the split) are left out of both windows."
        )
    return sentences
