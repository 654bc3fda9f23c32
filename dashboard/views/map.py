"""Map page: records per country and city markers; click a country to list its records."""

import streamlit as st

from dashboard.analysis.counts import count_by_country
from dashboard.analysis.markers import city_markers
from dashboard.analysis.profiles import of_country
from dashboard.figures.maps import record_map
from dashboard.ui.charts import chart
from dashboard.ui.page_controls import COLOUR_BY
from dashboard.ui.records import record_cards
from dashboard.ui.shared import shared
from dashboard.ui.view import page_header
from dashboard.analysis import sentences

view = page_header("Where the technology went")
colour_by = COLOUR_BY.radio()
counts = shared(view, "map counts", lambda: count_by_country(view.data, view.chosen, view.places))
if counts.empty:  # an empty map says nothing a sentence cannot
    st.info("No record matches these filters. Widen the date range or clear a filter in the sidebar.")
    st.stop()


def draw_map():
    markers = city_markers(view.data, view.chosen, colour_by)
    figure = record_map(counts, markers, view.colours(colour_by), colour_by, sentences.map_title(counts), view.filters.describe(view.names))
    return figure, sentences.world_map(counts, len(markers))


figure, alternative = shared(view, "map", draw_map, colour_by)
event = chart(view, figure, alternative,
              "Shading counts records per country (a training counts for each country taking part); dots are cities.",
              on_select="rerun", selection_mode="points", key="world_map")

clicked = [p.get("location") for p in (event.selection.points if event else []) if p.get("location")]
choices = counts["country"].tolist()
names = dict(zip(counts["country"], counts["name"]))
default = clicked[0] if clicked and clicked[0] in choices else None
country = st.selectbox(
    "Records of a country (or click it on the map)", choices, index=choices.index(default) if default else None,
    format_func=lambda code: f"{names.get(code, code)} ({code})", placeholder="Choose a country",
)
if country:
    st.page_link("views/country.py", label=f"Open the profile of {names.get(country, country)}", query_params={"profile": names.get(country, country)})
    record_cards(view, of_country(view.data, view.chosen, country))
