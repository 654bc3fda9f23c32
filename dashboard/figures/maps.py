"""World map: a choropleth of record counts plus city markers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .theme import LAYOUT, OTHER, SEQUENTIAL, outside_palette

MAX_MARKERS = 2000  # beyond this, markers are aggregated per city before drawing


def record_map(counts: pd.DataFrame, markers: pd.DataFrame | None, colours: dict[str, str], colour_by: str, title: str) -> go.Figure:
    """counts: country (ISO-3), name, records. markers (optional): one row per city point
    with lat, lon, city, label (colour key), hover text and records."""
    fig = go.Figure()
    fig.add_trace(
        go.Choropleth(
            locations=counts["country"].tolist(),
            z=counts["records"].tolist(),
            text=counts["name"].tolist(),
            locationmode="ISO-3",
            colorscale=SEQUENTIAL,
            zmin=1,
            marker_line_color="white",
            marker_line_width=0.5,
            colorbar=dict(title="Records", thickness=12, len=0.6),
            hovertemplate="<b>%{text}</b><br>%{z} record(s)<extra></extra>",
            name="Records per country",
        )
    )
    if markers is not None:  # keys without a palette colour share one grey "Other" trace
        minor = outside_palette(markers["label"], colours)
        markers = markers.assign(label=markers["label"].where(~minor, "_other"),
                                 label_name=markers["label_name"].where(~minor, "Other " + ("companies" if colour_by == "company" else "technologies")))
    for key, group in (markers.groupby("label", sort=False) if markers is not None else ()):
        fig.add_trace(
            go.Scattergeo(
                lat=group["lat"].tolist(),
                lon=group["lon"].tolist(),
                mode="markers",
                marker=dict(size=(8 + 2 * group["records"].clip(upper=6)).tolist(), color=colours.get(key, OTHER), line=dict(color="white", width=1)),
                name=str(group["label_name"].iloc[0]),
                text=group["hover"].tolist(),
                hovertemplate="%{text}<extra></extra>",
                legendgroup=colour_by,
            )
        )
    fig.update_geos(
        showcountries=True, countrycolor="#CBD2D9", showcoastlines=False, showland=True, landcolor="#F5F7FA",
        showframe=False, projection_type="natural earth", resolution=110, fitbounds=False, lataxis_range=[-58, 85],
    )
    fig.update_layout(**LAYOUT, title=title, height=560, clickmode="event+select")
    return fig


def change_map(change: pd.DataFrame, title: str) -> go.Figure:
    """change: country, name, change (after minus before, records per year)."""
    limit = max(float(change["change"].abs().max()) if len(change) else 1.0, 0.5)
    fig = go.Figure(
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
        )
    )
    fig.update_geos(showcountries=True, countrycolor="#CBD2D9", showcoastlines=False, showframe=False, projection_type="natural earth", resolution=110, fitbounds=False)
    fig.update_layout(**LAYOUT, title=title, height=460)
    return fig
