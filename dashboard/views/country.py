"""Country profile: what was supplied to one country, when, and how we know."""

import streamlit as st

from dashboard.analysis import profiles, reconcile
from dashboard.analysis.counts import count_by
from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import time_series
from dashboard.figures.theme import PLOTLY_CONFIG
from dashboard.figures.timeline import timeline
from dashboard.ui.profile import choose, headline
from dashboard.ui.records import record_cards, sources_register
from dashboard.ui.view import md_escape, page_header
from dashboard.analysis import sentences

view = page_header("Country profile")
countries = view.data.countries.sort_values("name")
codes = countries["iso3"].tolist()
iso3 = choose(view, "Country", codes, "profile", "Choose a country")

name = view.names.get(iso3, iso3)
records = profiles.of_country(view.data, view.chosen, iso3)
numbers = profiles.summary(records)
st.subheader(name)
headline(numbers)
st.caption(md_escape(sentences.country_profile(name, numbers)))
if records.empty:
    st.stop()

series = time_series(view.data, records, "Q", "company")
window = (view.filters.date_from.start_time, view.filters.date_to.end_time.normalize())
st.plotly_chart(timeline(series, profiles.events_naming(view.data, iso3=iso3), view.colours("company"), view.names, "company", window,
                         f"{name}: records per quarter"), config=PLOTLY_CONFIG, width="stretch")
st.caption(md_escape(describe_series(series)))

left, right = st.columns(2)
left.subheader("Companies")
companies = count_by(view.data, records, "company")
left.dataframe(companies.assign(company=companies["company"].map(lambda c: view.names.get(c, c))), hide_index=True, width="stretch")
right.subheader("Agreements and their status")
agreements = records[records["record_type"] == "agreement"][["date", "status", "mode", "summary"]]
right.dataframe(agreements, hide_index=True, width="stretch")

st.subheader("Trainings its officials attended")
trainings = records[records["record_type"] == "training"][["date", "title", "organiser", "summary"]]
if len(trainings):
    st.dataframe(trainings, hide_index=True, width="stretch")
else:
    st.caption("None recorded under these filters.")

st.subheader("Reported figures naming this country")
figures = profiles.figures_naming(view.data, name)
if len(figures):
    st.dataframe(figures[["figure", "value", "unit", "scope", "date"]], hide_index=True, width="stretch")
else:
    st.caption("None: the reported figures are mostly global counts.")

st.subheader("Disputed claims")
disputed = records[records["disputed"]][["id", "date", "dispute_note"]]
if len(disputed):
    st.dataframe(disputed, hide_index=True, width="stretch")
else:
    st.caption("No record here has conflicting sources.")

st.subheader("In Carnegie's AI Global Surveillance Index (2022)")
pairs = view.prepared.reference_pairs
here = pairs[pairs["country"] == iso3]
if here.empty:
    st.caption("The index names no Chinese supplier for this country.")
else:
    for row in here.itertuples():
        company = view.names.get(row.company, row.company)
        if row.covered:
            st.markdown(md_escape(f"{company}: named by the index; {len(row.records.split('; '))} of our records, dated "
                                  f"{int(row.first)} to {int(row.last)}."))
        else:
            st.markdown(md_escape(f"{company}: named by the index; no record here ({reconcile.OUTCOME_LABELS.get(row.outcome, row.outcome)}{': ' + row.reason if row.reason else ''})."))
st.caption("Feldstein, AI & Big Data Global Surveillance Index (2022 updated), Carnegie Endowment, DOI 10.17632/gjhf5y4xjp.4. "
           "All records count here, whatever the filters.")

st.subheader("Sources")
sources_register(profiles.sources_cited(view.data, records))
record_cards(view, records)
