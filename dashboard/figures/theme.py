"""Colours and shared layout. One company keeps one colour on every page."""

from __future__ import annotations

import textwrap
from html import escape

import pandas as pd

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
OTHER = "#9AA5B1"
# Country shading in greys, so the coloured company markers on top stay distinct; it starts
# at a visible grey so a country with one record stands out from land without any.
SEQUENTIAL = [[0.0, "#D9DDE3"], [0.5, "#8A94A3"], [1.0, "#2E3640"]]
DIVERGING = "RdBu"  # red = fewer after, blue = more after; readable for red-green colour blindness
# Plotly fetches its base map from a CDN unless told otherwise; the app serves it itself.
# plotly.js 4 also adds a "Share chart..." button that uploads the figure to Plotly's cloud:
# nothing a reader clicks may send the data off the machine, so it is switched off.
PLOTLY_CONFIG = {
    "topojsonURL": "app/static/topojson/",
    "showSendToCloud": False,
    "plotlyServerURL": "",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
LAYOUT = dict(font=dict(family="sans-serif", size=13), legend=dict(orientation="h", y=-0.08, x=0))

# Titles are set in the figure so a downloaded PNG keeps them. Plotly does not wrap text, so a
# title is broken into lines short enough for a phone, and set below the space where the
# toolbar appears, so neither covers the other.
TITLE_CHARACTERS = 46
SUBTITLE_CHARACTERS = 56
TITLE_LINE_PX = 21
SUBTITLE_LINE_PX = 17
TOOLBAR_PX = 30


def title_lines(title: str, width: int = TITLE_CHARACTERS) -> list[str]:
    return textwrap.wrap(title, width) or [""]


def titled(title: str, height: int, subtitle: str = "", **layout) -> dict:
    """The shared layout with a wrapped, left-aligned title stating the finding and, under it,
    a smaller subtitle giving the scope. `height` is the plotting area's height; the figure
    grows by the title's lines so every chart keeps its drawing space."""
    lines = title_lines(title)
    small = title_lines(subtitle, SUBTITLE_CHARACTERS) if subtitle else []
    top = TOOLBAR_PX + TITLE_LINE_PX * len(lines) + SUBTITLE_LINE_PX * len(small) + 12
    margin = dict(l=10, r=10, t=top, b=10) | layout.pop("margin", {})
    text = "<b>" + "<br>".join(escape(line) for line in lines) + "</b>"
    if small:
        text += "<br><span style='font-size:12px;color:#52606D'>" + "<br>".join(escape(line) for line in small) + "</span>"
    return dict(
        LAYOUT,
        title=dict(text=text, x=0, xref="container", xanchor="left",
                   y=1, yref="container", yanchor="top", pad=dict(t=TOOLBAR_PX, l=10), font=dict(size=16)),
        margin=margin,
        height=height + top,
        **layout,
    )


LABEL_CHARACTERS = 22  # a category label beside a bar: long names take two lines, not half a phone's width


def short_lines(label: str) -> str:
    """A category label broken into short lines (HTML-escaped), so bars keep their width."""
    return "<br>".join(escape(line) for line in textwrap.wrap(str(label), LABEL_CHARACTERS)) or escape(str(label))


def count_ticks(largest: float) -> dict:
    """Ticks for counts (an axis or a colour bar): whole numbers only, never 0.5 record."""
    return dict(tickformat=",d") | (dict(dtick=1) if largest <= 8 else {})


def count_axis(largest: float, **axis) -> dict:
    return dict(rangemode="tozero", **count_ticks(largest), **axis)


def colour_map(ranked: list[str], limit: int = len(OKABE_ITO) - 1) -> dict[str, str]:
    """Map the first `limit` keys (ranked over the whole dataset, not the filtered view) to
    palette colours and the rest to grey, so a colour never changes with the filters."""
    colours = {key: OKABE_ITO[i] for i, key in enumerate(ranked[:limit])}
    colours.update({key: OTHER for key in ranked[limit:]})
    return colours


def outside_palette(keys: pd.Series, colours: dict[str, str]) -> pd.Series:
    """True for keys drawn in the grey 'Other' colour; figures merge them into one entry."""
    return keys.map(lambda key: colours.get(key, OTHER) == OTHER).astype(bool)
