"""What the two profile pages share: the bound picker, the overview they open on, and the
headline numbers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..analysis import profiles
from ..analysis.compare import default_windows
from ..analysis.kernels import date_mask
from .shared import shared
from .view import View

HEADLINE = ("records", "deployments", "agreements", "trainings", "disputed")
OVERVIEW_KEY = "profile_overview"


def overview(view: View, dimension: str) -> pd.DataFrame:
    """Every country (or company) with records under the sidebar's filters; the before and
    after columns use the sidebar's filters with the two default windows as dates. Once per
    filter state: the picker needs its row order on every rerun, the profile shown or not."""
    def build() -> pd.DataFrame:
        undated = view.filters.with_(date_from=None, date_to=None).mask(view.data)
        before, after = (undated & date_mask(view.data.records, window.start, window.end) for window in default_windows())
        return profiles.overview(view.data, view.chosen, before, after, dimension, view.places)

    return shared(view, f"{dimension} overview", build)


def choose_or_overview(view: View, dimension: str, options: list[str], key: str, heading: str, partners: str) -> str:
    """A shareable picker (?<key>=<name>) over an overview of every `dimension` value. A row
    picked in the overview opens that profile; with nothing chosen the page shows the
    overview and stops there."""
    table = overview(view, dimension)
    listed = table[dimension].tolist()
    picked = (st.session_state.get(OVERVIEW_KEY) or {}).get("selection", {}).get("rows", [])
    if picked and picked[0] < len(listed):
        st.session_state[key] = listed[picked[0]]
    label = dimension.capitalize()
    chosen = st.selectbox(label, options, index=None, format_func=lambda value: view.names.get(value, value), key=key,
                          bind="query-params", placeholder=f"Choose a {dimension}, or pick a row below")
    if not chosen:
        st.subheader(f"{len(table)} {heading} with records under these filters")
        st.caption("Select a row to open its profile. Sort by any column; the sidebar's filters apply, and the two window "
                   "columns count records dated wholly within each window.")
        overview_table(table, dimension, partners)
        st.stop()
    return chosen


def overview_table(table: pd.DataFrame, dimension: str, partners: str) -> None:
    before, after = default_windows()
    st.dataframe(  # up to 15 rows in view at once, to browse; the rest scroll
        table, hide_index=True, width="stretch", height=min(len(table), 15) * 35 + 38, on_select="rerun",
        selection_mode="single-row", key=OVERVIEW_KEY,
        column_order=["name", "records", "before", "after", "partners", "latest_when", "latest"],
        column_config={
            "name": dimension.capitalize(), "records": st.column_config.NumberColumn("Records", format="%d", help="under the sidebar's filters"),
            "before": st.column_config.NumberColumn(f"{before.start.year}-{before.end.year}", format="%d", help=f"records dated within {before}"),
            "after": st.column_config.NumberColumn(f"{after.start.year}-{after.end.year}", format="%d", help=f"records dated within {after}"),
            "partners": st.column_config.TextColumn(partners, width="medium"),
            "latest_when": "Latest record", "latest": st.column_config.TextColumn("What it was", width="large"),
        },
    )


def headline(numbers: dict) -> None:
    for column, key in zip(st.columns(len(HEADLINE)), HEADLINE):
        column.metric(key.capitalize(), numbers[key])
