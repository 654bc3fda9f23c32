"""The research effort behind each year band, beside what it found."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .theme import OKABE_ITO, count_axis, titled


def effort_bars(effort: pd.DataFrame) -> go.Figure:
    """effort: analysis.reconcile.effort_by_band. Three bars per band: sources read by the
    research lines, sources kept, and records held; integer axis."""
    series = (("candidates_read", "sources read", OKABE_ITO[4]), ("kept", "sources kept", OKABE_ITO[0]),
              ("records", "records held", OKABE_ITO[1]))
    return go.Figure(
        [
            go.Bar(x=effort["band"].tolist(), y=effort[column].tolist(), name=label, marker_color=colour,
                   hovertemplate="%{x}: %{y} " + label + "<extra></extra>")
            for column, label, colour in series
        ],
        layout=titled("Research effort and records per year band", 320, barmode="group", xaxis=dict(type="category"),
                      yaxis=count_axis(effort[[c for c, _, _ in series]].to_numpy().max(initial=0), title=dict(text="count"))),
    )
