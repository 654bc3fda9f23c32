"""The shared filters. Every widget is bound to the URL, so a view is a shareable link."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..analysis.filters import DATE_RULES, DEFAULT_FROM, DEFAULT_TO, Filters
from .prepared import FREE_TEXT, TYPES, Prepared
from .urlstate import ignored_parameters, notice

# widget key (also the URL parameter) -> default value
DEFAULTS = {
    "company": [], "country": [], "region": [], "technology": [], "type": [], "status": [],
    "mode": [], "confidence": [], "period": (str(DEFAULT_FROM), str(DEFAULT_TO)), "rule": "within",
    "epidemic": False, "disputed": False,
}


def reset() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def _multi(label: str, key: str, options: list, names: dict | None = None, help: str | None = None) -> list:
    names = names or {}
    return st.multiselect(
        label, options, default=[], key=key, bind="query-params",
        format_func=lambda value: names.get(value, value), placeholder="All", help=help,
    )


def filters_sidebar(prepared: Prepared) -> Filters:
    data, names = prepared.data, prepared.names
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    ignored = ignored_parameters(params, prepared.vocabulary, FREE_TEXT)
    with st.sidebar:
        st.header("Filters")
        if ignored:
            st.caption(notice(ignored))
        company = _multi("Company", "company", prepared.company_options, names)
        country = _multi("Country", "country", prepared.country_options, names)
        region = _multi("Region (UN sub-region)", "region", sorted(data.countries["region"].unique()))
        technology = _multi("Technology", "technology", prepared.technology_options, names)
        record_type = _multi("Record type", "type", list(TYPES), TYPES)
        period = st.select_slider("Date range (months)", options=prepared.months, value=DEFAULTS["period"], key="period", bind="query-params")
        rule = st.radio(
            "A date known only to the year or month counts when…", list(DATE_RULES), key="rule", bind="query-params",
            format_func=DATE_RULES.get, horizontal=False,
            help="Example: a record dated '2020' is inside March 2020 to June 2021 only under 'any part'.",
        )
        with st.expander("More filters"):
            status = _multi("Status", "status", list(data.records["status"].cat.categories))
            mode = _multi("Mode", "mode", list(data.records["mode"].cat.categories))
            confidence = _multi("Confidence", "confidence", ["high", "medium", "low"],
                                help="high: official document or two independent outlets; medium: one reputable outlet; low: trade press or company marketing alone")
        epidemic = st.toggle("Anti-epidemic items only", key="epidemic", bind="query-params")
        disputed = st.toggle("Disputed records only", key="disputed", bind="query-params")
        st.button("Reset filters", on_click=reset, width="stretch")
    start, end = period
    if start > end:
        start, end = end, start
    return Filters(
        companies=tuple(company), countries=tuple(country), regions=tuple(region), technologies=tuple(technology),
        record_types=tuple(record_type), statuses=tuple(status), modes=tuple(mode), confidence=tuple(confidence),
        date_from=pd.Period(start, "M"), date_to=pd.Period(end, "M"), date_rule=rule,
        anti_epidemic_only=epidemic, disputed_only=disputed,
    )


