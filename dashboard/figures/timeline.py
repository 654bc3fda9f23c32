"""Timeline: records per period stacked by a dimension, year-only records apart, events on top."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .theme import LAYOUT, OTHER

EVENT_SYMBOLS = {
    "us_restriction": "x", "eu_response": "diamond", "uk_response": "diamond-open", "national_response": "square",
    "pandemic": "circle", "china_policy": "triangle-up", "china_standards": "triangle-up-open", "multilateral": "star",
}


OTHER_KEY = "_other"


def _group_minor(series: pd.DataFrame, colours: dict[str, str], stack: str) -> pd.DataFrame:
    """Keys without a palette colour are summed into one grey "Other" stack, so the legend stays readable."""
    minor = ~series[stack].map(lambda key: colours.get(key, OTHER) != OTHER)
    series = series.assign(**{stack: series[stack].where(~minor, OTHER_KEY)})
    return series.groupby(["period", "start", "end", "year_only", stack], sort=False, as_index=False)["records"].sum()


def _bars(series: pd.DataFrame, colours: dict[str, str], names: dict[str, str], stack: str, year_only: bool, showlegend: bool):
    names = names | {OTHER_KEY: "Other"}
    series = _group_minor(series, colours, stack)
    series = series.assign(
        middle=series["start"] + (series["end"] - series["start"]) / 2,
        width=(series["end"] - series["start"]).dt.total_seconds() * 1000 * 0.9,
    )
    note = " (dated to the year only)" if year_only else ""
    for key, group in series.groupby(stack, sort=False):
        label = names.get(key, key)
        yield go.Bar(  # plain lists: plotly converts pandas objects slowly
            x=group["middle"].tolist(),
            y=group["records"].tolist(),
            width=group["width"].tolist(),
            name=label,
            legendgroup=key,
            showlegend=showlegend,
            marker=dict(color=colours.get(key, OTHER), pattern_shape="/" if year_only else ""),
            customdata=[[p] for p in group["period"]],
            hovertemplate=f"{escape(label)}<br>%{{customdata[0]}}: %{{y}} record(s){note}<extra></extra>",
        )


def timeline(series: pd.DataFrame, events: pd.DataFrame, colours: dict[str, str], names: dict[str, str], stack: str, window: tuple, title: str) -> go.Figure:
    """series: output of analysis.aggregate.time_series. events: the events table (filtered).

    Row 1: events as markers (hover for detail). Row 2: records with a month or day date,
    per period. Row 3: records dated only to a year, drawn across their whole year, hatched.
    """
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, row_heights=[0.26, 0.52, 0.22], vertical_spacing=0.05,
                        subplot_titles=("Events", "Records per period", "Records dated only to a year (spread over the year)"))
    dated = series[~series["year_only"]]
    year_only = series[series["year_only"]]
    for bar in _bars(dated, colours, names, stack, False, True):
        fig.add_trace(bar, row=2, col=1)
    shown = set(dated[stack])
    for bar in _bars(year_only, colours, names, stack, True, False):
        bar.showlegend = bar.legendgroup not in shown
        fig.add_trace(bar, row=3, col=1)
    for category, group in events.groupby("category", sort=False):
        fig.add_trace(
            go.Scatter(
                x=(group["date_start"] + (group["date_end"] - group["date_start"]) / 2).tolist(),
                y=[category.replace("_", " ")] * len(group),
                mode="markers",
                marker=dict(symbol=EVENT_SYMBOLS.get(category, "circle"), size=11, color="#1F2933"),
                text=[f"<b>{escape(t)}</b><br>{d} ({p} precision)" for t, d, p in zip(group["title"], group["date"], group["date_precision"])],
                hovertemplate="%{text}<extra></extra>",
                showlegend=False,
                name=category,
            ),
            row=1, col=1,
        )
    fig.update_layout(**LAYOUT, barmode="stack", title=title, height=760)
    fig.update_xaxes(range=list(window), type="date")
    fig.update_yaxes(title_text="records", row=2, col=1)
    fig.update_yaxes(title_text="records", row=3, col=1)
    return fig


def agreement_lanes(lanes: pd.DataFrame, colours: dict[str, str], names: dict[str, str], title: str) -> go.Figure:
    """lanes: company, label, start, end, status, date, end_date. One line per agreement."""
    fig = go.Figure()
    for company, group in lanes.groupby("company", sort=False):
        for row in group.itertuples():
            cancelled = row.status == "cancelled"
            fig.add_trace(
                go.Scatter(
                    x=[row.start, row.end],
                    y=[names.get(company, company)] * 2,
                    mode="lines+markers",
                    line=dict(color=colours.get(company, OTHER), width=6, dash="dot" if cancelled else "solid"),
                    marker=dict(symbol=["circle", "x" if cancelled else "line-ns"], size=[9, 12]),
                    text=[escape(row.label)] * 2,
                    customdata=[[row.date, row.end_date or "open", row.status]] * 2,
                    hovertemplate="%{text}<br>from %{customdata[0]} to %{customdata[1]} · %{customdata[2]}<extra></extra>",
                    showlegend=False,
                )
            )
    fig.update_layout(**LAYOUT, title=title, height=max(240, 60 + 40 * lanes["company"].nunique()))
    fig.update_xaxes(type="date")
    return fig
