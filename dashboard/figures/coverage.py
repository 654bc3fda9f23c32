"""What the data holds, drawn: records per year and per region stacked by record type, records
per kind of source, and the aggregate figures that studies and companies report."""

from __future__ import annotations

import textwrap
from html import escape

import pandas as pd
import plotly.graph_objects as go

from ..analysis.registry import plain_label
from .theme import OKABE_ITO, count_axis, titled

TYPE_COLOURS = {"deployment": OKABE_ITO[0], "agreement": OKABE_ITO[1], "training": OKABE_ITO[2]}


def by_type(table: pd.DataFrame, key: str, title: str, horizontal: bool = False) -> go.Figure:
    """table: analysis.counts.coverage output (one row per `key`, one column per record type).
    Years read left to right; regions read down the page, largest first."""
    types = [t for t in TYPE_COLOURS if t in table]
    table = table.assign(_total=table[types].sum(axis=1))
    if horizontal:
        table = table.sort_values(["_total", key], ascending=[False, True])
    keys = table[key].astype(str).tolist()
    bars = [
        go.Bar(**({"y": keys, "x": table[t].tolist(), "orientation": "h"} if horizontal else {"x": keys, "y": table[t].tolist()}),
               name=plain_label(t) + "s", marker_color=TYPE_COLOURS[t],
               hovertemplate=f"%{{{'y' if horizontal else 'x'}}}: %{{{'x' if horizontal else 'y'}}} {t}s<extra></extra>")
        for t in types
    ]
    counts = count_axis(float(table["_total"].max()) if len(table) else 0, title=dict(text="records"))
    category = dict(type="category", automargin=True) | (dict(autorange="reversed") if horizontal else {})
    axes = dict(xaxis=counts, yaxis=category) if horizontal else dict(xaxis=category, yaxis=counts)
    height = 40 + 24 * len(table) if horizontal else 320
    return go.Figure(bars, layout=titled(title, height, barmode="stack", **axes))


def by_source_kind(kinds: pd.DataFrame, title: str) -> go.Figure:
    """kinds: kind, records (records citing at least one source of that kind)."""
    labels = [plain_label(k) for k in kinds["kind"]]
    return go.Figure(
        go.Bar(y=labels, x=kinds["records"].tolist(), orientation="h", marker_color=OKABE_ITO[4],
               hovertemplate="%{y}: %{x} records<extra></extra>"),
        layout=titled(title, 40 + 28 * len(kinds), xaxis=count_axis(float(kinds["records"].max()) if len(kinds) else 0, title=dict(text="records")),
                      yaxis=dict(autorange="reversed", automargin=True)),
    )


def reported(figures: pd.DataFrame, title: str) -> go.Figure:
    """figures: reported figures sharing one unit (e.g. countries); one dot per figure, so
    the spread between studies' counts shows at a glance."""
    figures = figures.sort_values("value")
    labels = ["<br>".join(textwrap.wrap(escape(f"{f} ({d})" if d else str(f)), 44)) for f, d in zip(figures["figure"], figures["date"])]
    return go.Figure(
        go.Scatter(x=figures["value"].tolist(), y=labels, mode="markers", marker=dict(size=11, color=OKABE_ITO[0]),
                   hovertemplate="%{y}: %{x:,}<extra></extra>"),
        layout=titled(title, 40 + sum(12 + 15 * (label.count("<br>") + 1) for label in labels), xaxis=count_axis(float(figures["value"].max()) if len(figures) else 0, title=dict(text=title.split(":")[0].lower())),
                      yaxis=dict(automargin=True, tickfont=dict(size=11))),
    )
