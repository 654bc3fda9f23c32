"""The one cached loader, and the readable page shown when the data is broken."""

from __future__ import annotations

import os

import streamlit as st

from ..data import DataError, Dataset, load_dataset

DATA_DIR_VARIABLE = "SAFE_CITY_ATLAS_DATA"  # lets tests and curators point the app at another data folder


@st.cache_data(show_spinner="Loading the curated tables…")
def _cached(data_dir: str | None) -> Dataset:
    return load_dataset(data_dir)


def dataset() -> Dataset:
    """The validated dataset, or a page listing every problem (and a stop) when it is broken."""
    try:
        return _cached(os.environ.get(DATA_DIR_VARIABLE) or None)
    except DataError as err:
        st.title("The data did not pass validation")
        st.write(
            "Nothing has been loaded, so that no half-complete view is shown. "
            "Fix these problems (file : record : field) and reload the page:"
        )
        st.code("\n".join(str(p) for p in err.problems), language=None)
        st.stop()
