"""Records page: the filtered rows with their sources, one record in detail, and the CSV."""

import math

import streamlit as st

from dashboard.analysis import readable
from dashboard.export import datapackage, geojson, to_csv_bytes
from dashboard.ui.records import record_detail
from dashboard.ui.shared import shared
from dashboard.ui.view import page_header, view_url

PAGE_ROWS = 100  # rows sent to the browser at a time, however many match
# Up to this many rows the CSV is built with the page, so it downloads at once (and tests
# read its bytes); above, on click. Building it costs about 60 ms per 1,000 rows on every
# rerun, while downloads are rare: at 2,000 the records page took 150 ms at 10,000 records.
EAGER_ROWS = 500
RECORD_COLUMNS = {
    "when": st.column_config.TextColumn("When", width=130, help="As precise as the source: a year, a month or a day; 'A to B' when only bounds are known"),
    "country": "Country", "city": "City or venue", "companies": "Companies",
    "what": st.column_config.TextColumn("What", width="large", help="First sentence of the summary, or a training's title; select the row for the whole record"),
    "type": "Type", "technology": "Technology", "status": "Status", "mode": "How",
    "anti_epidemic": st.column_config.CheckboxColumn("Against Covid-19"), "disputed": st.column_config.CheckboxColumn("Sources disagree"),
    "source": st.column_config.TextColumn("First source"), "link": st.column_config.LinkColumn("Link", display_text="open"),
    "id": st.column_config.TextColumn("Record id", help="Paste it below, or add ?record=ID to this page's address"),
}

view = page_header("Records")
count = view.totals.records
payload = (shared(view, "csv", lambda: to_csv_bytes(view.data, view.records)) if count <= EAGER_ROWS
           else (lambda: to_csv_bytes(view.data, view.records)))
st.download_button(
    f"Download these {count:,} records as CSV", payload, file_name=f"safe-city-atlas_{view.filters.slug()}.csv",
    mime="text/csv", on_click="ignore", type="primary",
)
left, right = st.columns(2)
description, url = view.filters.describe(view.names), view_url()  # read now: the deferred builders run outside the script
left.download_button("Data Package (zip: CSV + datapackage.json)", lambda: datapackage.build(view.data, view.records, description, url),
                     file_name=f"safe-city-atlas_{view.filters.slug()}.zip", mime="application/zip", on_click="ignore")
right.download_button("GeoJSON (points and country counts)", lambda: geojson.build(view.data, view.records),
                      file_name=f"safe-city-atlas_{view.filters.slug()}.geojson", mime="application/geo+json", on_click="ignore")
st.caption("Each file holds exactly the filtered rows, every column and every source. `python -m dashboard export --format csv|datapackage|geojson` "
           "writes the same for the same filters. Charts download as PNG from their toolbar, offline.")

pages = max(1, math.ceil(count / PAGE_ROWS))
page = st.number_input(f"Page (of {pages:,}, {PAGE_ROWS} rows each)", min_value=1, max_value=pages, value=1, key="page", bind="query-params") if pages > 1 else 1


def page_of_records():
    order = view.prepared.record_order  # by date, then id; computed once, so a page needs no sort
    ordered = order[view.chosen[order]]
    shown = view.data.records.iloc[ordered[(page - 1) * PAGE_ROWS: page * PAGE_ROWS]]
    return readable.records_table(view.data, shown, view.prepared.first_source)


table = shared(view, "records table", page_of_records, page)
selection = st.dataframe(
    table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="records_table",
    column_config=RECORD_COLUMNS,
)
rows = selection.selection.rows if selection else []
if rows:
    st.session_state["record"] = table["id"].iloc[rows[0]]
chosen = st.text_input("Record in detail: select a row above or paste a record id (the link shares it)", key="record", bind="query-params").strip()
if chosen:
    everything = view.data.records
    match = everything[everything["id"] == chosen]
    if match.empty:
        st.caption("No record has that id.")
    else:
        with st.container(border=True):
            record_detail(view, match.iloc[0])
