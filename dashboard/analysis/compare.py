"""Before/after comparison of two date windows, as counts and as rates per year."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import Dataset
from .aggregate import count_by
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


def compare_by(data: Dataset, records: pd.DataFrame, dimension: str, before: Window, after: Window) -> pd.DataFrame:
    """Per value of `dimension`: counts and rates per year in each window, and the change in rate."""
    counts = []
    for window in (before, after):
        c = count_by(data, in_window(records, window), dimension).set_index(dimension)["records"]
        counts.append(c.rename(window.label))
    table = pd.concat(counts, axis=1).fillna(0).astype(int)
    table.index = table.index.astype(str)
    table.index.name = dimension
    for window in (before, after):
        table[f"{window.label} per year"] = (table[window.label] / window.years).round(2)
    table["change per year"] = (table[f"{after.label} per year"] - table[f"{before.label} per year"]).round(2)
    return table.sort_values(["change per year", after.label], ascending=False).reset_index()


def anti_epidemic_share(records: pd.DataFrame, before: Window, after: Window) -> pd.DataFrame:
    rows = []
    for window in (before, after):
        subset = in_window(records, window)
        share = float(subset["anti_epidemic"].mean()) if len(subset) else 0.0
        rows.append({"window": str(window), "records": len(subset), "anti_epidemic": int(subset["anti_epidemic"].sum()), "share": round(share, 3)})
    return pd.DataFrame(rows)


def summary_sentences(data: Dataset, records: pd.DataFrame, before: Window, after: Window) -> list[str]:
    """Plain-language findings computed from the numbers; no sentence is hand-written per dataset."""
    b, a = in_window(records, before), in_window(records, after)
    rate_b, rate_a = len(b) / before.years, len(a) / after.years
    sentences = [
        f"{before.label}: {len(b)} records ({rate_b:.1f} a year); {after.label}: {len(a)} records ({rate_a:.1f} a year)."
    ]
    names = {
        "company": data.companies.set_index("id")["name"].to_dict(),
        "technology": data.technologies.set_index("id")["label"].to_dict(),
    }
    for dimension, noun in (("company", "company"), ("technology", "technology"), ("region", "region")):
        table = compare_by(data, records, dimension, before, after)
        if table.empty or table["change per year"].max() <= 0:
            continue
        top = table.iloc[0]
        label = names.get(dimension, {}).get(top[dimension], top[dimension])
        sentences.append(
            f"The {noun} that grew most is {label}: {top[f'{before.label} per year']:.1f} to "
            f"{top[f'{after.label} per year']:.1f} records a year."
        )
    share = anti_epidemic_share(records, before, after)
    sentences.append(
        f"Items marketed or donated against Covid-19: {share.at[0, 'share']:.0%} of records {before.label.lower()}, "
        f"{share.at[1, 'share']:.0%} {after.label.lower()}."
    )
    left_out = straddling(records, before, after)
    if len(left_out):
        sentences.append(
            f"{len(left_out)} record(s) dated too coarsely to place on one side (for example a year that spans the split) are left out of both windows."
        )
    return sentences
