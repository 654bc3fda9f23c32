"""Timeline: records per period stacked by a dimension, year-only records apart, events on top."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from ..analysis.registry import plain_label
from .theme import OTHER, count_axis, outside_palette, titled

EVENT_SYMBOLS = {
    "us_restriction": "x", "eu_response": "diamond", "uk_response": "diamond-open", "national_response": "square",
    "pandemic": "circle", "china_policy": "triangle-up", "china_standards": "triangle-up-open", "multilateral": "star",
}


OTHER_KEY = "_other"


def _group_minor(series: pd.DataFrame, colours: dict[str, str], stack: str) -> pd.DataFrame:
    """Keys without a palette colour are summed into one grey "Other" stack, so the legend stays readable."""
    minor = outside_palette(series[stack], colours)
    series = series.assign(**{stack: series[stack].where(~minor, OTHER_KEY)})
    return series.groupby(["period", "start", "end", "year_only", stack], sort=False, as_index=False)["records"].sum()


def _bars(series: pd.DataFrame, colours: dict[str, str], names: dict[str, str], stack: str, year_only: bool, yaxis: str,
          hidden_legend: set[str] = frozenset()):
    names = names | {OTHER_KEY: "Other"}
    series = _group_minor(series, colours, stack)
    series = series.assign(
        middle=series["start"] + (series["end"] - series["start"]) / 2,
        width=(series["end"] - series["start"]).dt.total_seconds() * 1000 * 0.9,
    )
    note = " (dated to the year only)" if year_only else ""
    for key, group in series.groupby(stack, sort=False):
        label = names.get(key, key)
        yield dict(  # plain dicts and lists: the Figure validates them once
            type="bar",
            x=group["middle"].tolist(),
            y=group["records"].tolist(),
            width=group["width"].tolist(),
            name=label,
            legendgroup=key,
            showlegend=key not in hidden_legend,
            yaxis=yaxis,
            marker=dict(color=colours.get(key, OTHER), pattern=dict(shape="/" if year_only else "")),
            customdata=[[p] for p in group["period"]],
            hovertemplate=f"{escape(label)}<br>%{{customdata[0]}}: %{{y}} record(s){note}<extra></extra>",
        )


# Up to three stacked panels on one shared time axis, each drawn only when it has something to
# show; built as one layout rather than with make_subplots, which costs more than the figure.
# axis name: (height in px, label)
PANELS = {"y": (150, "Events"), "y2": (330, "Records per period"), "y3": (130, "Records dated only to a year")}
PANEL_GAP_PX = 44


def _stacked_peak(series: pd.DataFrame) -> float:
    return float(series.groupby("period")["records"].sum().max()) if len(series) else 0.0


def _panel_layout(present: list[str], peaks: dict[str, float]) -> tuple[dict, list[dict], int]:
    """Axes with their domains (top to bottom in PANELS order), the panels' labels, and the
    plotting height in px."""
    height = sum(PANELS[name][0] for name in present) + PANEL_GAP_PX * (len(present) - 1)
    axes, labels, top = {}, [], height
    for name in present:
        size, label = PANELS[name]
        domain = [(top - size) / height, top / height]
        axis = dict(domain=domain, anchor="x")
        axes[name.replace("y", "yaxis")] = axis | (dict(title_text="") if name == "y" else count_axis(peaks[name], title_text="records"))
        labels.append(dict(text=label, xref="paper", yref="paper", x=0.5, y=domain[1], yanchor="bottom", showarrow=False, font=dict(size=13)))
        top -= size + PANEL_GAP_PX
    return axes, labels, height


def timeline(series: pd.DataFrame, events: pd.DataFrame, colours: dict[str, str], names: dict[str, str], stack: str, window: tuple, title: str,
             subtitle: str = "") -> go.Figure:
    """series: output of analysis.series.time_series. events: the events table (filtered).

    Top: events as markers (hover for detail). Middle: records with a month or day date,
    per period. Bottom: records dated only to a year, drawn across their whole year, hatched.
    The events and year-only panels are left out when they would be empty.
    """
    dated = series[~series["year_only"]]
    year_only = series[series["year_only"]]
    traces = list(_bars(dated, colours, names, stack, False, "y2"))
    shown = {bar["legendgroup"] for bar in traces}
    traces += _bars(year_only, colours, names, stack, True, "y3", shown)
    for category, group in events.groupby("category", sort=False):
        traces.append(dict(
            type="scatter",
            x=(group["date_start"] + (group["date_end"] - group["date_start"]) / 2).tolist(),
            y=[plain_label(category)] * len(group),
            yaxis="y",
            mode="markers",
            marker=dict(symbol=EVENT_SYMBOLS.get(category, "circle"), size=11, color="#1F2933"),
            text=[f"<b>{escape(t)}</b><br>{d} ({p} precision)" for t, d, p in zip(group["title"], group["date"], group["date_precision"])],
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
            name=plain_label(category),
        ))
    present = [name for name, has in (("y", len(events) > 0), ("y2", True), ("y3", len(year_only) > 0)) if has]
    axes, labels, height = _panel_layout(present, {"y2": _stacked_peak(dated), "y3": _stacked_peak(year_only)})
    # one constructor call: plotly validates the whole specification once, not again per update
    return go.Figure(data=traces, layout=titled(title, height, subtitle, **axes, barmode="stack", annotations=labels,
                                                xaxis=dict(type="date", range=list(window), anchor=present[-1])))


def agreement_lanes(lanes: pd.DataFrame, colours: dict[str, str], names: dict[str, str], title: str) -> go.Figure:
    """lanes: company, label, start, end, status, date, end_date. One line per agreement,
    drawn as one trace per company and style (segments split by gaps) to keep the figure light."""
    traces = []
    for (company, cancelled), group in lanes.groupby(["company", lanes["status"] == "cancelled"], sort=False):
        x, y, text, custom = [], [], [], []
        lane = names.get(company, company)
        for start, end, label, date, end_date, status in zip(
                group["start"], group["end"], group["label"], group["date"], group["end_date"], group["status"]):
            x += [start, end, None]
            y += [lane, lane, None]
            text += [escape(label)] * 2 + [None]
            custom += [[date, end_date or "open", status]] * 2 + [None]
        traces.append(dict(
            type="scatter", x=x, y=y, mode="lines+markers", text=text, customdata=custom, showlegend=False,
            line=dict(color=colours.get(company, OTHER), width=6, dash="dot" if cancelled else "solid"),
            marker=dict(symbol="x" if cancelled else "line-ns", size=11, line=dict(width=2, color=colours.get(company, OTHER))),
            hovertemplate="%{text}<br>from %{customdata[0]} to %{customdata[1]} · %{customdata[2]}<extra></extra>",
        ))
    return go.Figure(data=traces, layout=titled(title, max(180, 40 * lanes["company"].nunique()), xaxis=dict(type="date"),
                                                yaxis=dict(automargin=True)))


def mark_date(fig: go.Figure, date: str, label: str) -> go.Figure:
    """A labelled vertical line across all panels, e.g. the day a company was listed."""
    when = pd.Timestamp(date)
    fig.add_shape(type="line", x0=when, x1=when, xref="x", yref="paper", y0=0, y1=1, line=dict(color="#D55E00", width=2, dash="dash"))
    fig.add_annotation(x=when, xref="x", yref="paper", y=1.02, text=f"{escape(label)} ({date})", showarrow=False, font=dict(color="#D55E00"))
    return fig


STAGE_ORDER = ["announced", "mou", "contract", "financed", "delivered", "launched", "expanded", "suspended", "cancelled", "completed"]


def milestone_strip(milestones: pd.DataFrame, window: tuple, title: str) -> go.Figure:
    """milestones: analysis.series.milestones_of. One row per stage, a marker at the
    middle of each stage's date interval (a year-only stage sits mid-year, said in hover)."""
    traces = []
    present = set(milestones["stage"])
    for stage in [s for s in STAGE_ORDER if s in present]:
        group = milestones[milestones["stage"] == stage]
        traces.append(dict(
            type="scatter", mode="markers", name=plain_label(stage), showlegend=False,
            x=(group["date_start"] + (group["date_end"] - group["date_start"]) / 2).tolist(),
            y=[plain_label(stage)] * len(group),
            marker=dict(symbol="x" if stage == "cancelled" else "circle", size=10, color="#D55E00" if stage == "cancelled" else "#0072B2"),
            text=[f"<b>{escape(plain_label(stage))}</b> {escape(str(d))}<br>{escape(str(s)[:120])}" for d, s in zip(group["date"], group["summary"])],
            hovertemplate="%{text}<extra></extra>",
        ))
    return go.Figure(data=traces, layout=titled(title, 60 + 34 * len(traces), xaxis=dict(type="date", range=list(window)),
                                                yaxis=dict(categoryorder="array", categoryarray=[plain_label(s) for s in reversed(STAGE_ORDER)])))
