"""Every chart is shown the same way: the figure, a sentence saying what it shows (its text
alternative), and a footer naming what it counts and where the numbers come from."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ..analysis.counts import sources_behind
from ..analysis.kernels import Records, selection
from ..analysis.sentences import footer
from ..figures.theme import PLOTLY_CONFIG
from .geo import bundle_ready, geo_chart, is_geo
from .shared import once
from .view import View, md_escape

ALL_RECORDS = object()  # a chart of what the whole dataset holds, whatever the filters


def chart(view: View, figure: go.Figure, alternative: str, counts: str, records: Records | None = None, where=st,
          source: str | None = None, **plotly):
    """Draw `figure` in `where` (a column, the page) with its text alternative and footer.
    `records` are the records it counts (a mask or frame; default: the filtered view;
    ALL_RECORDS for every record, whose count is taken once per dataset); `source` replaces
    the footer's source line for a chart that does not count records."""
    if records is ALL_RECORDS:
        line = footer(counts, *once(view, "all records and their sources", lambda: (
            len(view.data.records), sources_behind(view.data, np.ones(len(view.data.records), dtype=bool)))))
    elif source is None:
        chosen = view.chosen if records is None else selection(view.data, records)
        line = footer(counts, int(chosen.sum()), sources_behind(view.data, chosen))
    else:
        line = f"{counts} {source}"
    if is_geo(figure) and bundle_ready():
        event = geo_chart(where, figure, PLOTLY_CONFIG, key=plotly.get("key") or f"geo {counts}",
                          clicks=plotly.get("on_select") == "rerun")
    else:
        event = where.plotly_chart(figure, config=PLOTLY_CONFIG, width="stretch", **plotly)
    where.caption(md_escape(alternative) + "  \n" + md_escape(line))
    return event
