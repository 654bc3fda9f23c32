"""Records page: the filtered rows with their sources, one record in detail, and the CSV."""

import streamlit as st

from dashboard.export import to_csv_bytes
from dashboard.ui.records import record_detail
from dashboard.ui.view import page_header

view = page_header("Records")
# Small results are built now (so tests can read the bytes); large ones only when clicked.
EAGER_ROWS = 20_000
records = view.records
payload = to_csv_bytes(view.data, records) if len(records) <= EAGER_ROWS else (lambda: to_csv_bytes(view.data, records))
st.download_button(
    f"Download these {len(view.records):,} records as CSV", payload, file_name=f"safe-city-atlas_{view.filters.slug()}.csv",
    mime="text/csv", on_click="ignore", type="primary",
)
st.caption("The file holds exactly the rows below, every column and every source. `python -m dashboard export` writes the same bytes for the same filters.")

first_source = view.data.citations.sort_values("position").drop_duplicates("owner_id").set_index("owner_id")["source_id"]
sources = view.data.sources.set_index("id")
table = view.records.sort_values("date_start").assign(
    companies=lambda t: t["companies"].map(lambda ids: ", ".join(view.names.get(i, i) for i in ids)),
    technology=lambda t: t["technology"].map(lambda ids: ", ".join(view.names.get(i, i) for i in ids)),
    source=lambda t: t["id"].map(first_source).map(sources["title"]),
    link=lambda t: t["id"].map(first_source).map(sources["url"]),
)
columns = ["id", "record_type", "date", "date_precision", "companies", "country", "city", "technology", "mode", "status",
           "anti_epidemic", "confidence", "disputed", "source", "link"]
selection = st.dataframe(
    table[columns], hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="records_table",
    column_config={"link": st.column_config.LinkColumn("First source", display_text="open"), "source": st.column_config.TextColumn("First source title")},
)
rows = selection.selection.rows if selection else []
ids = table["id"].tolist()
if rows:
    st.session_state["record"] = ids[rows[0]]
chosen = st.selectbox("Record in detail (or select a row above); the link shares it", ids, index=None, placeholder="Choose a record",
                      key="record", bind="query-params")
if chosen:
    record_detail(view, view.records.set_index("id", drop=False).loc[chosen])
