"""A record with every source, locator and claim: shown on the map and records pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..data.dates import FuzzyDate
from .view import View


def sources_table(view: View, record_id: str) -> pd.DataFrame:
    cites = view.data.citations[view.data.citations["owner_id"] == record_id].sort_values("position")
    table = cites.join(view.data.lookup.sources[["title", "publisher", "date", "url"]], on="source_id")
    return table[["title", "publisher", "date", "locator", "claim", "url", "source_id"]]


def milestones_table(view: View, record_id: str) -> pd.DataFrame:
    """The record's dated stages, oldest first, each with the source that dates it."""
    stages = view.data.milestones[view.data.milestones["record_id"] == record_id]
    titles = view.data.lookup.sources["title"]
    return pd.DataFrame({
        "When": stages["date"].map(lambda text: FuzzyDate.parse(text).label).to_numpy(),
        "Stage": stages["stage"].str.capitalize().to_numpy(),
        "What": stages["note"].to_numpy(),
        "Source": stages["source_id"].map(titles).to_numpy(),
        "Where in it": stages["locator"].to_numpy(),
    })


SOURCE_COLUMNS = {
    "url": st.column_config.LinkColumn("Link", display_text="open"),
    "title": st.column_config.TextColumn("Source", width="large"),
    "claim": st.column_config.TextColumn("What it states", width="large"),
}


def record_detail(view: View, row) -> None:
    companies = ", ".join(view.names.get(c, c) for c in row["companies"]) or "no company named"
    technology = ", ".join(view.names.get(t, t) for t in row["technology"])
    place = ", ".join(str(x) for x in (row["city"], view.names.get(str(row["country"]), row["country"])) if isinstance(x, str) and x)
    # data text is shown with st.text: never parsed as markdown or HTML
    st.text(f"{row['record_type'].capitalize()} · {companies} · {technology}")
    st.text(row["summary"])
    facts = {
        "Where": place or ", ".join(row["countries"]) or (f"{row['country_count']} countries" if pd.notna(row["country_count"]) else "not stated"),
        "When": FuzzyDate.parse(row["date"]).label + (f" (until {FuzzyDate.parse(row['end_date']).label})" if isinstance(row["end_date"], str) else "")
        + ("" if row["date_precision"] != "interval" else " (known only within these bounds)"),
        "Status / mode": f"{row['status']} / {row['mode']}",
        "Anti-epidemic": "yes" if row["anti_epidemic"] else "no",
        "Confidence": row["confidence"],
        "Record id": row["id"],
    }
    if isinstance(row["title"], str):
        facts = {"Programme": row["title"], "Organiser": row["organiser"]} | facts
    st.dataframe(pd.DataFrame({"": list(facts), " ": [str(v) for v in facts.values()]}), hide_index=True, width="stretch")
    stages = milestones_table(view, row["id"])
    if len(stages):
        st.caption("Milestones: dated stages of this project, each from its own source.")
        st.dataframe(stages, hide_index=True, width="stretch",
                     column_config={"What": st.column_config.TextColumn(width="large"), "Source": st.column_config.TextColumn(width="large")})
    if row["disputed"]:
        st.warning("Sources disagree on this record.", icon=None)
        st.text(row["dispute_note"])
    st.dataframe(sources_table(view, row["id"]), hide_index=True, width="stretch", column_config=SOURCE_COLUMNS)


def record_cards(view: View, records: pd.DataFrame, limit: int = 50) -> None:
    st.subheader(f"{len(records)} record(s)")
    for _, row in records.sort_values("date_start").head(limit).iterrows():
        with st.expander(f"{row['date']} · {row['id']}"):
            record_detail(view, row)
    if len(records) > limit:
        st.caption(f"Showing the first {limit}; the Records page lists and downloads them all.")


def sources_register(table: pd.DataFrame) -> None:
    """A table of sources with their links, as on the profiles and the method page."""
    st.dataframe(table, hide_index=True, width="stretch", column_config={"url": st.column_config.LinkColumn("URL", display_text="open")})
