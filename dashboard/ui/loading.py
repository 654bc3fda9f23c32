"""The one cached loader, and the readable page shown when the data is broken.

st.cache_resource rather than st.cache_data: cache_data unpickles a fresh copy of the
return value on every rerun (4 ms for the curated data, about 90 ms at 100,000 records and
a second at a million), while cache_resource hands every rerun the same object. That is
safe here because nothing downstream mutates the dataset (tests check the filters don't).
"""

from __future__ import annotations

import os

import streamlit as st

from ..data import DataError, load_dataset
from ..analysis.prepared import Prepared, prepare

DATA_DIR_VARIABLE = "SAFE_CITY_ATLAS_DATA"  # lets tests and curators point the app at another data folder


@st.cache_resource(show_spinner="Loading the curated tables…")
def _cached(data_dir: str | None) -> Prepared:
    return prepare(load_dataset(data_dir))


def prepared() -> Prepared:
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
