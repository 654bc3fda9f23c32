"""Side-by-side bars for the before/after comparison."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .theme import short_lines, titled

BEFORE_COLOUR, AFTER_COLOUR = "#E69F00", "#0072B2"


def rate_bars(table: pd.DataFrame, dimension: str, before: str, after: str, names: dict[str, str], title: str, top: int = 12) -> go.Figure:
    """table: output of analysis.compare.compare_by; bars are records per year in each window.

    Horizontal, most records first, so long names read on a phone without being turned."""
    table = table.assign(_total=table[before] + table[after]).sort_values("_total", ascending=False, kind="stable").head(top)
    labels = [short_lines(names.get(k, k)) for k in table[dimension]]
    bars = [
        go.Bar(y=labels, x=table[f"{window} per year"].tolist(), name=window, marker_color=colour, orientation="h",
               customdata=table[window].tolist(), hovertemplate="%{y}<br>%{x:.2f} a year (%{customdata} records)<extra>" + window + "</extra>")
        for window, colour in ((before, BEFORE_COLOUR), (after, AFTER_COLOUR))
    ]
    return go.Figure(bars, layout=titled(title, 60 + 44 * len(table), barmode="group", xaxis=dict(title=dict(text="records per year"), rangemode="tozero"),
                                         yaxis=dict(autorange="reversed", automargin=True)))
