"""What every page needs for this rerun: the data, the filters and the rows they select."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ..analysis.aggregate import Totals, totals
from ..analysis.filters import Filters
from ..data import Dataset
from ..figures.theme import colour_map, ranked_keys
from .sidebar import names_for_description

_KEY = "_current_view"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~$])")


def md_escape(text: str) -> str:
    """Backslash-escape markdown so data text (names, labels) renders literally, never as a link or image."""
    return _MARKDOWN.sub(r"\\\1", str(text))


@dataclass
class View:
    data: Dataset
    filters: Filters
    records: pd.DataFrame
    totals: Totals
    names: dict[str, str]

    def colours(self, dimension: str) -> dict[str, str]:
        link = self.data.record_companies if dimension == "company" else self.data.record_technologies
        return colour_map(ranked_keys(link, dimension))


def build_view(data: Dataset, filters: Filters) -> View:
    records = filters.apply(data)
    view = View(data, filters, records, totals(data, records), names_for_description(data))
    st.session_state[_KEY] = view
    return view


def current_view() -> View:
    return st.session_state[_KEY]


def page_header(title: str) -> View:
    """Title plus the always-visible line: counts and the filters in a sentence."""
    view = current_view()
    st.title(title)
    st.caption(f"**{view.totals.sentence()}** · {md_escape(view.filters.describe(view.names))}")
    return view
