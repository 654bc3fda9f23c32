"""What every page needs for this rerun: the data, the filters and the rows they select."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import streamlit as st

from ..analysis.counts import Totals, totals
from ..analysis.filters import Filters
from ..analysis.prepared import Prepared
from ..data import Dataset
from ..figures.theme import colour_map
from .shared import SharedResults

_KEY = "_current_view"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~$])")


def md_escape(text: str) -> str:
    """Backslash-escape markdown so data text (names, labels) renders literally, never as a link or image."""
    return _MARKDOWN.sub(r"\\\1", str(text))


@dataclass
class View:
    prepared: Prepared
    filters: Filters
    chosen: np.ndarray  # boolean mask over data.records: what the counts and figures take
    places: np.ndarray | None  # country links that count (Filters.place_links); None: all
    totals: Totals

    @cached_property
    def records(self) -> pd.DataFrame:
        """The selected rows as a frame, copied only by pages that need whole rows."""
        return self.data.records[self.chosen]

    @property
    def data(self) -> Dataset:
        return self.prepared.data

    @property
    def names(self) -> dict[str, str]:
        return self.prepared.names

    def colours(self, dimension: str) -> dict[str, str]:
        return _colours(self.prepared, dimension)


@functools.lru_cache(maxsize=8)
def _colours(prepared: Prepared, dimension: str) -> dict[str, str]:
    """One colour per key over the whole dataset (not the view), so it never changes with the filters."""
    return colour_map(prepared.ranking[dimension])


def _selection_bytes(value) -> int:
    chosen, places, _ = value
    return chosen.nbytes + (places.nbytes if places is not None else 0)


# What a filter state selects (mask, place links, totals), shared by every session; bounded
# by the bytes the masks hold (one byte per record: 1 MB at a million records).
_selections = SharedResults(limit=64 * 2**20, size=_selection_bytes)


def _select(prepared: Prepared, filters: Filters) -> tuple[np.ndarray, np.ndarray | None, Totals]:
    chosen = filters.mask(prepared.data)
    places = filters.place_links(prepared.data)
    for array in (chosen, places):
        if array is not None:
            array.flags.writeable = False  # shared: no page may change what another session reads
    return chosen, places, totals(prepared.data, chosen, places)


def build_view(prepared: Prepared, filters: Filters) -> View:
    chosen, places, counted = _selections.get(prepared, filters, lambda: _select(prepared, filters))
    view = View(prepared, filters, chosen, places, counted)
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


PAGE_PATH_KEY = "_page_path"


def app_root() -> str:
    """The app's address without the page (and with any base path the server adds)."""
    url, path = (st.context.url or "").split("?")[0], st.session_state.get(PAGE_PATH_KEY, "")
    if path and url.rstrip("/").endswith("/" + path):
        url = url.rstrip("/")[: -len(path)]
    return url if url.endswith("/") or not url else url + "/"


def page_url(page: str, **params: str) -> str:
    """The shareable address of a page with the given parameters, e.g. one record."""
    from urllib.parse import urlencode

    return app_root() + page + ("?" + urlencode(params) if params else "")


def view_url() -> str:
    """The address of this view, query string included, as the browser shows it."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return base + ("?" + urlencode(params, doseq=True) if params else "")
