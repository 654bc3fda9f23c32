"""Before/after Covid page: two adjustable windows, counts and rates per year side by side."""

import pandas as pd
import streamlit as st

from dashboard.analysis.compare import SUMMARY_DIMENSIONS, Comparison, Window, anti_epidemic_share, compare_by, summary_sentences
from dashboard.figures.compare import rate_bars
from dashboard.figures.maps import change_map
from dashboard.ui.charts import chart
from dashboard.ui.shared import shared
from dashboard.ui.view import md_escape, page_header
from dashboard.analysis import sentences

view = page_header("Before and after Covid-19")
st.write("This page compares two windows of its own; the sidebar's date range does not apply here, its other filters do.")
months = view.prepared.months
c1, c2 = st.columns(2)
before_range = c1.select_slider("Before window", months, value=("2018-01", "2019-12"), key="before", bind="query-params")
after_range = c2.select_slider("After window", months, value=("2020-01", "2021-12"), key="after", bind="query-params")
before = Window("Before", *(pd.Period(m, "M") for m in sorted(before_range)))
after = Window("After", *(pd.Period(m, "M") for m in sorted(after_range)))
if before.end >= after.start:
    st.warning("The windows overlap: records in the overlap count in both.")



def compare_windows():
    undated = view.filters.with_(date_from=None, date_to=None).mask(view.data)
    comparison = Comparison.of(view.data, undated, before, after)
    return comparison, {dimension: compare_by(view.data, comparison, dimension, view.places)
                        for dimension in (*SUMMARY_DIMENSIONS, "mode", "country")}


comparison, tables = shared(view, "compare", compare_windows, tuple(before_range), tuple(after_range))
summary, caution = st.columns([3, 2])
with summary:
    st.subheader("What changed")
    for sentence in summary_sentences(comparison, tables, view.names):
        st.markdown(f"- {md_escape(sentence)}")
with caution:
    st.subheader("Read with care")
    st.info(
        "Covid-era donations were announced loudly by donors and state media, and are easier to find than "
        "quiet pre-2020 contracts. A rise here can be a rise in publicity, not in exports. Rates are per year "
        "so unequal windows compare fairly; a record with two companies counts for each."
    )

counted = comparison.in_before | comparison.in_after
TITLES = {"company": "companies", "technology": "technologies", "region": "regions", "mode": "modes"}
for dimension, plural in TITLES.items():
    table = tables[dimension]
    st.subheader(f"By {dimension}")
    if table.empty:
        st.caption("No record in either window.")
        continue
    left, right = st.columns([3, 2])
    figure = shared(view, f"compare bars by {dimension}", lambda: rate_bars(
        table, dimension, before.label, after.label, view.names,
        f"Records per year by {dimension}, before and after (top {min(len(table), 12)} {plural})"), tuple(before_range), tuple(after_range))
    chart(view, figure, sentences.largest_rise(table, dimension, view.names),
          f"Counts records per year in each window ({before}; {after}); a record with two {plural} counts for each.",
          records=counted, where=left)
    right.dataframe(
        table.assign(**{dimension: table[dimension].map(lambda k: view.names.get(k, k))}), hide_index=True, width="stretch",
        column_config={dimension: dimension.capitalize(), "Before": st.column_config.NumberColumn("Before (records)", format="%d"),
                       "After": st.column_config.NumberColumn("After (records)", format="%d"),
                       "Before per year": st.column_config.NumberColumn("Before, a year", format="%.1f"),
                       "After per year": st.column_config.NumberColumn("After, a year", format="%.1f"),
                       "change per year": st.column_config.NumberColumn("Change a year", format="%+.1f")},
    )

st.subheader("Anti-epidemic share")
st.dataframe(
    anti_epidemic_share(comparison), hide_index=True,
    column_config={"window": "Window", "records": st.column_config.NumberColumn("Records", format="%d"),
                   "anti_epidemic": st.column_config.NumberColumn("Marketed or donated against Covid-19", format="%d"),
                   "share": st.column_config.NumberColumn("Share", format="percent")},
)

st.subheader("Change per country")
change = tables["country"].rename(columns={"change per year": "change"})
change["name"] = change["country"].map(lambda c: view.names.get(c, c))
chart(view, change_map(change, "Change in records per year, after minus before (blue: more after)"), sentences.change_map(change),
      "Counts records per year in each window and maps the difference; a training counts for each country taking part.", records=counted)
