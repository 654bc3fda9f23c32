"""What the two profile pages share: the bound picker and the headline numbers."""

from __future__ import annotations

import streamlit as st

from .view import View

HEADLINE = ("records", "deployments", "agreements", "trainings", "disputed")


def choose(view: View, label: str, options: list[str], key: str, placeholder: str) -> str:
    """A shareable picker (?<key>=<name>); stops the page with a hint until something is chosen."""
    chosen = st.selectbox(label, options, index=None, format_func=lambda value: view.names.get(value, value), key=key,
                          bind="query-params", placeholder=placeholder)
    if not chosen:
        st.info(f"Choose a {label.lower()}. The profile follows the sidebar filters; reset them to see everything about it.")
        st.stop()
    return chosen


def headline(numbers: dict) -> None:
    for column, key in zip(st.columns(len(HEADLINE)), HEADLINE):
        column.metric(key.capitalize(), numbers[key])
