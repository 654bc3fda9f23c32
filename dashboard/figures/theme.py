"""Colours and shared layout. One company keeps one colour on every page."""

from __future__ import annotations

import pandas as pd

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
OTHER = "#9AA5B1"
# Country shading in greys, so the coloured company markers on top stay distinct; it starts
# at a visible grey so a country with one record stands out from land without any.
SEQUENTIAL = [[0.0, "#D9DDE3"], [0.5, "#8A94A3"], [1.0, "#2E3640"]]
DIVERGING = "RdBu"  # red = fewer after, blue = more after; readable for red-green colour blindness
# Plotly fetches its base map from a CDN unless told otherwise; the app serves it itself.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
LAYOUT = dict(margin=dict(l=10, r=10, t=40, b=10), font=dict(family="sans-serif", size=13), legend=dict(orientation="h", y=-0.08))


def colour_map(ranked: list[str], limit: int = len(OKABE_ITO) - 1) -> dict[str, str]:
    """Map the first `limit` keys (ranked over the whole dataset, not the filtered view) to
    palette colours and the rest to grey, so a colour never changes with the filters."""
    colours = {key: OKABE_ITO[i] for i, key in enumerate(ranked[:limit])}
    colours.update({key: OTHER for key in ranked[limit:]})
    return colours


def outside_palette(keys: pd.Series, colours: dict[str, str]) -> pd.Series:
    """True for keys drawn in the grey 'Other' colour; figures merge them into one entry."""
    return keys.map(lambda key: colours.get(key, OTHER) == OTHER).astype(bool)
