"""Europe lens: what was offered, signed, deployed, donated or cancelled in EU member
states, the EEA, EU candidates and the UK, beside the European policy responses."""

import streamlit as st

from dashboard.analysis.europe import OUTCOMES, europe_events, europe_table, in_europe, outcome
from dashboard.figures.maps import record_map
from dashboard.figures.theme import PLOTLY_CONFIG
from dashboard.ui.records import record_cards
from dashboard.ui.view import md_escape, page_header
from dashboard.analysis import sentences

view = page_header("Europe lens")
st.write("EU member states, the EEA, the EU candidate countries of the period (Serbia among them) and the United Kingdom. "
         "Each record counts under its most final outcome: " + "; ".join(f"**{k}**: {v}" for k, v in OUTCOMES.items()) + ".")
table = europe_table(view.data, view.records)
if table.empty:
    st.info("No European record matches these filters.")
else:
    counts = table[["country", "name", "records"]]
    figure = record_map(counts, None, {}, "company", "Records per European country").update_geos(scope="europe", lataxis_range=None)
    st.plotly_chart(figure, config=PLOTLY_CONFIG, width="stretch")
    st.caption(md_escape(sentences.europe_map(table, OUTCOMES)))
    st.dataframe(table, hide_index=True, width="stretch")

st.subheader("European policy responses")
events = europe_events(view.data)
st.dataframe(events[["date", "title", "actor", "category"]].sort_values("date"), hide_index=True, width="stretch")

st.subheader("Records")
european = in_europe(view.records)
choice = st.radio("Outcome", ["all", *OUTCOMES], horizontal=True, key="outcome", bind="query-params")
if choice != "all":
    european = european[outcome(european) == choice]
record_cards(view, european)
