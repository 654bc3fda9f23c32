"""Company profile: footprint, timeline against its US Entity List date, technology mix
before and after Covid-19, and its records."""

import pandas as pd
import streamlit as st

from dashboard.analysis import profiles
from dashboard.analysis.counts import count_by_country
from dashboard.analysis.markers import city_markers
from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import time_series
from dashboard.analysis.compare import Comparison, compare_by, default_windows
from dashboard.analysis.kernels import linking
from dashboard.figures.compare import rate_bars
from dashboard.figures.maps import record_map
from dashboard.figures.theme import PLOTLY_CONFIG
from dashboard.figures.timeline import mark_date, timeline
from dashboard.ui.profile import choose, headline
from dashboard.ui.records import record_cards, sources_register
from dashboard.ui.view import md_escape, page_header
from dashboard.analysis import sentences

view = page_header("Company profile")
company = choose(view, "Company", view.prepared.options("company"), "profile_company", "Choose a company")

name = view.names.get(company, company)
row = view.data.lookup.companies.loc[company]
records = profiles.of_company(view.data, view.chosen, company)
numbers = profiles.summary(records)
st.subheader(name)
facts = {"Sector": row.get("sector"), "Headquarters": row.get("headquarters"), "Ownership": row.get("ownership"),
         "US Entity List": row.get("entity_list_date") or "not on it, or no source gives the date",
         "Also known as": ", ".join(row.get("aliases") or [])}
st.dataframe(pd.DataFrame({"": list(facts), " ": [str(v or "") for v in facts.values()]}), hide_index=True, width="stretch")
headline(numbers)
if records.empty:
    st.stop()

counts = count_by_country(view.data, records, view.places)
st.plotly_chart(record_map(counts, city_markers(view.data, records, "technology"), view.colours("technology"), "technology",
                           f"{name}: records per country"), config=PLOTLY_CONFIG, width="stretch")
st.caption(md_escape(sentences.company_map(name, counts)))

series = time_series(view.data, records, "Q", "technology")
window = (view.filters.date_from.start_time, view.filters.date_to.end_time.normalize())
figure = timeline(series, profiles.events_naming(view.data, company=company), view.colours("technology"), view.names, "technology",
                  window, f"{name}: records per quarter, by technology")
if row.get("entity_list_date"):
    mark_date(figure, row["entity_list_date"], "US Entity List")
st.plotly_chart(figure, config=PLOTLY_CONFIG, width="stretch")
st.caption(md_escape(describe_series(series, "record-technology pairs")))

before, after = default_windows()
# the sidebar's filters without its dates, and this company (the sidebar may name others)
undated = view.filters.with_(date_from=None, date_to=None).mask(view.data) & linking(view.data.records, view.data.record_companies, "company", (company,))
mix = compare_by(view.data, Comparison.of(view.data, undated, before, after), "technology")
st.subheader("Technology mix before and after Covid-19")
if mix.empty:
    st.caption("No record in 2018-2021.")
else:
    st.plotly_chart(rate_bars(mix, "technology", before.label, after.label, view.names, f"{name}: records per year, {before} vs {after}"),
                    config=PLOTLY_CONFIG, width="stretch")
    st.caption(md_escape(sentences.largest_rise(mix, "technology", view.names, name)))

st.subheader("Sources")
sources_register(profiles.sources_cited(view.data, records))
record_cards(view, records)
