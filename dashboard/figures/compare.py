"""Side-by-side bars for the before/after comparison."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .theme import LAYOUT

BEFORE_COLOUR, AFTER_COLOUR = "#E69F00", "#0072B2"


def rate_bars(table: pd.DataFrame, dimension: str, before: str, after: str, names: dict[str, str], title: str, top: int = 12) -> go.Figure:
    """table: output of analysis.compare.compare_by; bars are records per year in each window."""
    table = table.assign(_total=table[before] + table[after]).sort_values("_total", ascending=False, kind="stable").head(top)
    labels = [names.get(k, k) for k in table[dimension]]
    return go.Figure(
        [
            go.Bar(x=labels, y=table[f"{before} per year"].tolist(), name=before, marker_color=BEFORE_COLOUR,
                   customdata=table[before].tolist(), hovertemplate="%{x}<br>%{y:.2f} a year (%{customdata} records)<extra>" + before + "</extra>"),
            go.Bar(x=labels, y=table[f"{after} per year"].tolist(), name=after, marker_color=AFTER_COLOUR,
                   customdata=table[after].tolist(), hovertemplate="%{x}<br>%{y:.2f} a year (%{customdata} records)<extra>" + after + "</extra>"),
        ],
        layout=dict(**LAYOUT, barmode="group", title=title, height=380, yaxis=dict(title=dict(text="records per year"))),
    )
