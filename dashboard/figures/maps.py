"""World map: a choropleth of record counts plus city markers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .theme import OTHER, SEQUENTIAL, count_ticks, outside_palette, titled

MAX_MARKERS = 2000  # beyond this, markers are aggregated per city before drawing


def record_map(counts: pd.DataFrame, markers: pd.DataFrame | None, colours: dict[str, str], colour_by: str, title: str,
               subtitle: str = "") -> go.Figure:
    """counts: country (ISO-3), name, records. markers (optional): one row per city point
    with lat, lon, city, label (colour key), hover text and records.

    The figure is specified whole and validated once: plotly's update_* calls each validate
    again, which was most of this function's time."""
    traces = [
        dict(
            type="choropleth",
            locations=counts["country"].tolist(),
            z=counts["records"].tolist(),
            text=counts["name"].tolist(),
            locationmode="ISO-3",
            colorscale=SEQUENTIAL,
            zmin=1,
            marker_line_color="white",
            marker_line_width=0.5,
            colorbar=dict(title="Records", thickness=12, len=0.6, **count_ticks(max(counts["records"], default=0))),
            hovertemplate="<b>%{text}</b><br>%{z} record(s)<extra></extra>",
            name="Records per country",
        )
    ]
    if markers is not None and len(markers):  # keys without a palette colour share one grey "Other" trace
        minor = outside_palette(markers["label"], colours).to_numpy()
        keys = np.where(minor, "_other", markers["label"].astype(str).to_numpy())
        names = np.where(minor, "Other " + ("companies" if colour_by == "company" else "technologies"), markers["label_name"].astype(str).to_numpy())
        sizes = 8 + 2 * np.minimum(markers["records"].to_numpy(), 6)
        columns = {name: markers[name].to_numpy() for name in ("lat", "lon", "hover")}
        for key in dict.fromkeys(keys):  # in order of first appearance
            rows = keys == key
            traces.append(dict(
                type="scattergeo",
                lat=columns["lat"][rows].tolist(),
                lon=columns["lon"][rows].tolist(),
                mode="markers",
                marker=dict(size=sizes[rows].tolist(), color=colours.get(key, OTHER), line=dict(color="white", width=1)),
                name=str(names[rows][0]),
                text=columns["hover"][rows].tolist(),
                hovertemplate="%{text}<extra></extra>",
                legendgroup=colour_by,
            ))
    geo = dict(
        showcountries=True, countrycolor="#CBD2D9", showcoastlines=False, showland=True, landcolor="#F5F7FA",
        showframe=False, projection=dict(type="natural earth"), resolution=110, fitbounds=False, lataxis=dict(range=[-58, 85]),
    )
    return go.Figure(data=traces, layout=titled(title, 500, subtitle, geo=geo, clickmode="event+select"))


def change_map(change: pd.DataFrame, title: str) -> go.Figure:
    """change: country, name, change (after minus before, records per year)."""
    limit = max(float(change["change"].abs().max()) if len(change) else 1.0, 0.5)
    geo = dict(showcountries=True, countrycolor="#CBD2D9", showcoastlines=False, showframe=False, projection=dict(type="natural earth"),
               resolution=110, fitbounds=False)
    return go.Figure(
        go.Choropleth(
            locations=change["country"].tolist(),
            z=change["change"].tolist(),
            text=change["name"].tolist(),
            locationmode="ISO-3",
            colorscale="RdBu",
            zmin=-limit,
            zmax=limit,
            marker_line_color="white",
            marker_line_width=0.5,
            colorbar=dict(title="Change<br>per year", thickness=12, len=0.6),
            hovertemplate="<b>%{text}</b><br>%{z:+.2f} records a year<extra></extra>",
        ),
        layout=titled(title, 420, geo=geo),
    )
