"""Country profile: what was supplied to one country, when, and how we know. Without a
country chosen, an overview of every country to pick from."""

import streamlit as st

from dashboard.analysis import profiles, readable, reconcile, sentences
from dashboard.analysis.counts import count_by
from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import time_series
from dashboard.figures.timeline import timeline
from dashboard.ui.charts import chart
from dashboard.ui.profile import choose_or_overview, headline
from dashboard.ui.records import record_cards, sources_register
from dashboard.ui.view import md_escape, page_header

view = page_header("Country profile")
codes = view.data.countries.sort_values("name")["iso3"].tolist()
iso3 = choose_or_overview(view, "country", codes, "profile", "countries", "Companies named most")

name = view.names.get(iso3, iso3)
records = profiles.of_country(view.data, view.chosen, iso3)
numbers = profiles.summary(records)
st.subheader(name)
headline(numbers)
st.caption(md_escape(sentences.country_profile(name, numbers)))
if records.empty:
    st.info(f"No record for {name} under these filters. Widen the date range or clear a filter in the sidebar.")
    st.stop()

series = time_series(view.data, records, "Q", "company")
window = (view.filters.date_from.start_time, view.filters.date_to.end_time.normalize())
chart(view, timeline(series, profiles.events_naming(view.data, iso3=iso3), view.colours("company"), view.names, "company", window,
                     f"{name}: records per quarter"),
      describe_series(series), "Counts records per quarter; a record with two companies counts for each.", records=records)

PEOPLE = {"when": "When", "what": st.column_config.TextColumn("What", width="large"), "status": "Status", "mode": "How",
          "companies": "Companies", "city": "City or venue"}
rows = readable.records_table(view.data, records, view.prepared.first_source)
left, right = st.columns(2)
left.subheader("Companies")
companies = count_by(view.data, records, "company")
left.dataframe(companies.assign(company=companies["company"].map(lambda c: view.names.get(c, c))), hide_index=True, width="stretch",
               column_config={"company": "Company", "records": st.column_config.NumberColumn("Records", format="%d")})
right.subheader("Agreements and their status")
agreements = rows[rows["type"] == "Agreement"]
if len(agreements):
    right.dataframe(agreements, hide_index=True, width="stretch", column_order=["when", "status", "companies", "what"], column_config=PEOPLE)
else:
    right.caption("No agreement recorded under these filters.")

st.subheader("Trainings its officials attended")
trainings = rows[rows["type"] == "Training"]
if len(trainings):
    st.dataframe(trainings, hide_index=True, width="stretch", column_order=["when", "what", "companies", "city"], column_config=PEOPLE)
else:
    st.caption("No training recorded under these filters.")

figures = profiles.figures_naming(view.data, name)
if len(figures):
    st.subheader("Reported figures naming this country")
    st.dataframe(figures.assign(date=figures["date"].map(readable.date_label))[["figure", "value", "unit", "scope", "date"]],
                 hide_index=True, width="stretch",
                 column_config={"figure": st.column_config.TextColumn("Figure", width="large"), "value": "Value", "unit": "Unit",
                                "scope": "Scope", "date": "Date"})

disputed = records[records["disputed"]]
if len(disputed):
    st.subheader("Disputed claims")
    st.dataframe(disputed.assign(when=disputed["date"].map(readable.date_label), what=readable.what(disputed))[["when", "what", "dispute_note"]],
                 hide_index=True, width="stretch",
                 column_config={"when": "When", "what": "Record", "dispute_note": st.column_config.TextColumn("What the sources disagree on", width="large")})

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
