"""Europe lens: what was offered, signed, deployed, donated or cancelled in EU member
states, the EEA, EU candidates and the UK, beside the European policy responses."""

import streamlit as st

from dashboard.analysis.europe import OUTCOMES, europe_events, europe_table, in_europe, outcome
from dashboard.figures.maps import record_map
from dashboard.analysis import readable
from dashboard.analysis.registry import plain_label
from dashboard.ui.charts import chart
from dashboard.ui.page_controls import OUTCOME
from dashboard.ui.records import record_cards
from dashboard.ui.view import page_header
from dashboard.analysis import sentences

view = page_header("Europe lens")
st.write("EU member states, the EEA, the EU candidate countries of the period (Serbia among them) and the United Kingdom. "
         "Each record counts under its most final outcome: " + "; ".join(f"**{k}**: {v}" for k, v in OUTCOMES.items()) + ".")
table = europe_table(view.data, view.records)
if table.empty:
    st.info("No European record matches these filters.")
else:
    counts = table[["country", "name", "records"]]
    # Europe cut out of the world map: plotly's "europe" scope needs a second base map the app
    # does not serve, and fitting to the countries would take in France's overseas departments
    figure = record_map(counts, None, {}, "company", "Records per European country").update_geos(
        lonaxis_range=[-25, 45], lataxis_range=[34, 71], projection_type="mercator")
    chart(view, figure, sentences.europe_map(table, OUTCOMES), "Shading counts records per European country.", records=in_europe(view.records))
    st.dataframe(table, hide_index=True, width="stretch", column_order=["name", "group", "records", *OUTCOMES],
                 column_config={"name": "Country", "group": "Group", "records": st.column_config.NumberColumn("Records", format="%d")}
                 | {key: st.column_config.NumberColumn(key.capitalize(), format="%d", help=text) for key, text in OUTCOMES.items()})

st.subheader("European policy responses")
events = europe_events(view.data).sort_values("date_start")
st.dataframe(events.assign(when=events["date"].map(readable.date_label), category=events["category"].map(plain_label))[["when", "title", "actor", "category"]],
             hide_index=True, width="stretch",
             column_config={"when": "When", "title": st.column_config.TextColumn("Decision or event", width="large"), "actor": "Who", "category": "Kind"})

st.subheader("Records")
european = in_europe(view.records)
choice = OUTCOME.radio()
if choice != "all":
    european = european[outcome(european) == choice]
record_cards(view, european)
