"""Safe City Atlas: page config, navigation and the shared sidebar. Nothing else."""

import streamlit as st

from dashboard.ui.loading import prepared
from dashboard.ui.sidebar import filters_sidebar
from dashboard.ui.view import PAGE_PATH_KEY, build_view

# The icon by its static address (dashboard/static/ is served at app/static/): given as a file,
# Streamlit would read it and register it as a media file again on every rerun.
st.set_page_config(page_title="Safe City Atlas", page_icon="/app/static/icon.png", layout="wide")

# The map is the default page: it opens at the root address, and /map (query string kept)
# lands on it too, with the menu's "Map" entry marked.
pages = st.navigation(
    [
        st.Page("views/map.py", title="Map", url_path="map", default=True),
        st.Page("views/timeline.py", title="Timeline", url_path="timeline"),
        st.Page("views/compare.py", title="Before / after Covid", url_path="compare"),
        st.Page("views/country.py", title="Country profile", url_path="country"),
        st.Page("views/company.py", title="Company profile", url_path="company"),
        st.Page("views/europe.py", title="Europe lens", url_path="europe"),
        st.Page("views/records.py", title="Records", url_path="records"),
        st.Page("views/sources.py", title="Sources & method", url_path="sources"),
    ]
)
st.session_state[PAGE_PATH_KEY] = pages.url_path
loaded = prepared()
build_view(loaded, filters_sidebar(loaded))
pages.run()
