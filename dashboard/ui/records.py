"""A record with every source, locator and claim: shown on the map and records pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .view import View


def sources_table(view: View, record_id: str) -> pd.DataFrame:
    cites = view.data.citations[view.data.citations["owner_id"] == record_id].sort_values("position")
    table = cites.join(view.data.sources.set_index("id")[["title", "publisher", "date", "url"]], on="source_id")
    return table[["title", "publisher", "date", "locator", "claim", "url", "source_id"]]


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
        "When": f"{row['date']} ({row['date_precision']} precision)" + (f" to {row['end_date']}" if isinstance(row["end_date"], str) else ""),
        "Status / mode": f"{row['status']} / {row['mode']}",
        "Anti-epidemic": "yes" if row["anti_epidemic"] else "no",
        "Confidence": row["confidence"],
        "Record id": row["id"],
    }
    if isinstance(row["title"], str):
        facts = {"Programme": row["title"], "Organiser": row["organiser"]} | facts
    st.dataframe(pd.DataFrame({"": list(facts), " ": [str(v) for v in facts.values()]}), hide_index=True, width="stretch")
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
