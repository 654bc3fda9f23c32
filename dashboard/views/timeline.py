"""Timeline page: records over time against the events around them, and agreement lanes."""

import streamlit as st

from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import agreement_lanes, milestones_of, time_series
from dashboard.analysis.readable import date_label
from dashboard.analysis.registry import plain_label
from dashboard.ui.charts import chart
from dashboard.ui.page_controls import PERIOD, STACK
from dashboard.ui.shared import shared
from dashboard.figures.timeline import agreement_lanes as lanes_figure
from dashboard.figures.timeline import milestone_strip, timeline
from dashboard.ui.view import page_header
from dashboard.analysis import sentences

view = page_header("Timeline")
left, right = st.columns(2)
freq = PERIOD.radio(left)
stack = STACK.radio(right)

window = (view.filters.date_from.start_time, view.filters.date_to.end_time.normalize())
events = view.data.events
events = events[(events["date_end"] >= window[0]) & (events["date_start"] <= window[1])]


def draw_timeline():
    series = time_series(view.data, view.chosen, freq, stack)
    if series.empty:
        return None, ""
    figure = timeline(series, events, view.colours(stack), view.names, stack, window,
                      f"Records per {'quarter' if freq == 'Q' else 'month'}, by {stack}, with the events around them", view.filters.describe(view.names))
    return figure, describe_series(series)


figure, described = shared(view, "timeline", draw_timeline, freq, stack)
if figure is None:
    st.info("No record matches these filters. Widen the date range or clear a filter in the sidebar.")
    st.stop()
marked = f" {len(events)} events are marked on the top row." if len(events) else " No event falls in this window."
chart(view, figure, described + marked,
      f"Counts records per {'quarter' if freq == 'Q' else 'month'}; a record with two {'companies' if stack == 'company' else 'technologies'} counts in each.")

st.subheader("Agreements by company")
lanes = shared(view, "agreement lanes", lambda: agreement_lanes(view.data, view.chosen))
if lanes.empty:
    st.info("No agreement matches these filters.")
else:
    chart(view, shared(view, "agreement lanes figure", lambda: lanes_figure(
              lanes, view.colours("company"), view.names, "Each line runs from an agreement's date to its end (dotted and crossed when cancelled)")),
          sentences.agreement_lanes(lanes), "One line per agreement and company.")

st.subheader("Milestones")
stages = shared(view, "milestones", lambda: milestones_of(view.data, view.chosen))
in_window = stages[(stages["date_end"] >= window[0]) & (stages["date_start"] <= window[1])]
if in_window.empty:
    st.caption("No dated milestone of the selected records falls in this window.")
else:
    chart(view, milestone_strip(in_window, window, "Dated stages of the selected records (announced, contract, delivered, cancelled...)"),
          sentences.milestones(in_window), "One marker per dated stage, each with its own source.")

if len(events):
    with st.expander(f"The {len(events)} events in this window, as a table"):
        st.dataframe(
            events.assign(when=events["date"].map(date_label), category=events["category"].map(plain_label))[["when", "title", "category", "actor"]],
            hide_index=True, width="stretch",
            column_config={"when": "When", "title": st.column_config.TextColumn("Event", width="large"), "category": "Kind", "actor": "Who"},
        )
