"""The chart-text sentences: what each chart shows, in words, for screen readers and for
anyone who reads before looking. One module, so every page words things the same way."""

from __future__ import annotations

import pandas as pd


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
    if series.attrs.get("spanning"):
        text += f"; {series.attrs['spanning']} records dated only within a span of years are not drawn"
    return text + "."
