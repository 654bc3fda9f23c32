"""Timeline page: records over time against the events around them, and agreement lanes."""

import streamlit as st

from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import agreement_lanes, milestones_of, time_series
from dashboard.figures.theme import PLOTLY_CONFIG
from dashboard.figures.timeline import agreement_lanes as lanes_figure
from dashboard.figures.timeline import milestone_strip, timeline
from dashboard.ui.view import md_escape, page_header
from dashboard.analysis import sentences

view = page_header("Timeline")
left, right = st.columns(2)
freq = left.radio("Period", ["Q", "M"], format_func={"Q": "Quarter", "M": "Month"}.get, horizontal=True, key="freq", bind="query-params")
stack = right.radio("Stack by", ["company", "technology"], horizontal=True, key="stack", bind="query-params")

series = time_series(view.data, view.chosen, freq, stack)
window = (view.filters.date_from.start_time, view.filters.date_to.end_time.normalize())
events = view.data.events
events = events[(events["date_end"] >= window[0]) & (events["date_start"] <= window[1])]
figure = timeline(series, events, view.colours(stack), view.names, stack, window, view.filters.describe(view.names))
st.plotly_chart(figure, config=PLOTLY_CONFIG, width="stretch")
st.caption(md_escape(describe_series(series) + f" {len(events)} events are marked on the top row."))

st.subheader("Agreements by company")
lanes = agreement_lanes(view.data, view.chosen)
if lanes.empty:
    st.info("No agreement matches these filters.")
else:
    st.plotly_chart(lanes_figure(lanes, view.colours("company"), view.names, "Each line runs from an agreement's date to its end (dotted and crossed when cancelled)"),
                    config=PLOTLY_CONFIG, width="stretch")
    st.caption(md_escape(sentences.agreement_lanes(lanes)))

st.subheader("Milestones")
stages = milestones_of(view.data, view.chosen)
in_window = stages[(stages["date_end"] >= window[0]) & (stages["date_start"] <= window[1])]
if in_window.empty:
    st.caption("No dated milestone of the selected records falls in this window.")
else:
    st.plotly_chart(milestone_strip(in_window, window, "Dated stages of the selected records (announced, contract, delivered, cancelled...)"),
                    config=PLOTLY_CONFIG, width="stretch")
    st.caption(md_escape(sentences.milestones(in_window)))

with st.expander("Events in this window"):
    st.dataframe(events[["date", "title", "category", "actor"]], hide_index=True, width="stretch")
