"""The shared filters, generated from the registry (analysis/registry.py). Every widget is
bound to the URL, so a view is a shareable link; before the widgets read the URL, its values
are put in the spelling the widgets use, and what cannot be used is named in a notice."""

from __future__ import annotations

import streamlit as st

from ..analysis.filters import Filters
from ..analysis.prepared import Prepared
from ..analysis.registry import FILTERS, Choice, DateRule, MonthRange, Search, Toggle, DATE_RULES
from .view import md_escape
from .urlstate import FREE_TEXT, ignored_parameters, notice, page_parameters

DEFAULTS = {spec.key: (list(spec.default) if isinstance(spec, Choice) else spec.default) for spec in FILTERS}


def reset() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def url_spelling(spec, kept: list, prepared: Prepared) -> list[str]:
    """How the bound widget writes these values into the URL (its labels)."""
    if isinstance(spec, Choice):
        return [str(prepared.vocabularies[spec.key].shown[value]) for value in kept]
    if isinstance(spec, DateRule):
        return [DATE_RULES[value] for value in kept]
    if isinstance(spec, Toggle):
        return [str(value).lower() for value in kept]
    return [str(value) for value in kept]


def widget_value(spec, kept: list):
    if isinstance(spec, Choice):
        return list(kept)
    if isinstance(spec, MonthRange):
        return tuple(kept) if kept else spec.default
    return kept[0] if kept else spec.default


def settle_url(prepared: Prepared) -> list[str]:
    """Read each filter's URL values the way the CLI reads its options ("hikvision" is
    Hikvision, "SERBIA" is Serbia), hand the widgets what they mean and rewrite the URL in
    the widgets' spelling; drop what selects nothing and return a notice naming it."""
    known = prepared.vocabularies | {"period": prepared.months}
    dropped: list[str] = []
    for spec in FILTERS:
        if spec.key not in st.query_params:
            continue
        values = st.query_params.get_all(spec.key)
        kept, problems = spec.settle_url(values, known)
        dropped += problems
        if url_spelling(spec, kept, prepared) != values:  # a first load of a hand-written link: seed the widget
            st.session_state[spec.key] = widget_value(spec, kept)
    params = {key: st.query_params.get_all(key) for key in st.query_params if key not in DEFAULTS}
    return dropped + ignored_parameters(params, page_parameters(prepared), FREE_TEXT)


def widget(spec, prepared: Prepared):
    """The widget for one registry entry; its key is the URL parameter."""
    if isinstance(spec, Choice):
        names = prepared.vocabularies[spec.key].shown
        return st.multiselect(spec.label, prepared.options(spec.key), key=spec.key, bind="query-params",
                              format_func=names.get, placeholder="All", help=spec.help)
    if isinstance(spec, Search):
        return st.text_input(spec.label, key=spec.key, bind="query-params", placeholder="e.g. Belgrade, sao paulo",
                             help=spec.help, max_chars=200)
    if isinstance(spec, MonthRange):
        return st.select_slider(spec.label, options=prepared.months, value=spec.default, key=spec.key, bind="query-params")
    if isinstance(spec, DateRule):
        return st.radio(spec.label, list(DATE_RULES), key=spec.key, bind="query-params", format_func=DATE_RULES.get, help=spec.help)
    if isinstance(spec, Toggle):
        return st.toggle(spec.label, key=spec.key, bind="query-params", help=spec.help)
    raise TypeError(f"no widget for {type(spec).__name__}")


def filters_sidebar(prepared: Prepared) -> Filters:
    ignored = settle_url(prepared)
    values = {}
    with st.sidebar:
        st.header("Filters")
        if ignored:
            st.caption(md_escape(notice(ignored)))
        for spec in FILTERS:
            if not getattr(spec, "more", False) and not isinstance(spec, Toggle):
                values[spec.key] = widget(spec, prepared)
        with st.expander("More filters"):
            for spec in FILTERS:
                if getattr(spec, "more", False):
                    values[spec.key] = widget(spec, prepared)
        for spec in FILTERS:
            if isinstance(spec, Toggle):
                values[spec.key] = widget(spec, prepared)
        st.button("Reset filters", on_click=reset, width="stretch")
    return filters_from_widgets(values)


def filters_from_widgets(values: dict) -> Filters:
    fields = {}
    for spec in FILTERS:
        fields |= spec.from_widget(values[spec.key])
    return Filters(**fields)
