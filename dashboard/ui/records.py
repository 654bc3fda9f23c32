"""A record as a card: what, where, when and who in a title line, the summary, its status
and dated milestones, and its sources as a list of citations; shown on every page that lists
records."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ..analysis import readable
from ..analysis.registry import plain_label
from .view import View, md_escape, page_url

_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$")


def link(text: str, url: str) -> str:
    """A markdown link with the text escaped; an address that is not plain http(s) is not linked."""
    if not _SAFE_URL.match(url or ""):
        return md_escape(text)
    return f"[{md_escape(text)}]({url.replace('(', '%28').replace(')', '%29')})"


def citation_line(row) -> str:
    """'[Title](url), Publisher, 30 Nov 2012. Paras 2-4: what the source states.'"""
    where = ", ".join(md_escape(part) for part in (row.publisher, row.when) if part)
    said = ": ".join(md_escape(part) for part in (row.locator.capitalize() if row.locator else "", row.claim) if part)
    return link(row.title or row.source_id, row.url) + (f", {where}" if where else "") + (f". {said}" if said else "")


def record_detail(view: View, row: pd.Series) -> None:
    data = view.data
    st.markdown(f"**{md_escape(readable.heading(data, row))}**")
    if isinstance(row["title"], str) and row["title"]:
        st.markdown(f"*{md_escape(row['title'])}*" + (f", organised by {md_escape(row['organiser'])}" if isinstance(row["organiser"], str) else ""))
    st.text(row["summary"])  # data text: never parsed as markdown or HTML
    facts = [
        ("Status", plain_label(row["status"])), ("How", plain_label(row["mode"])),
        ("Technology", readable.names(row["technology"], data.lookup.technology_label)),
        ("Confidence", plain_label(row["confidence"])),
        ("Against Covid-19", "yes" if row["anti_epidemic"] else ""),
        ("Dates", "known only within these bounds" if row["date_precision"] == "interval" else ""),
        ("Until", readable.date_label(row["end_date"]) if isinstance(row["end_date"], str) else ""),
    ]
    st.caption(" · ".join(f"{label}: {md_escape(value)}" for label, value in facts if value))

    stages = readable.milestones_of_record(data, row["id"])
    if len(stages):
        st.markdown("**Milestones**, each dated by its own source")
        st.markdown("\n".join(
            f"- {md_escape(stage.when)}: {md_escape(stage.stage)}" + (f" ({md_escape(stage.note)})" if stage.note else "")
            + f". {link(stage.source, stage.url)}" + (f", {md_escape(stage.locator)}" if stage.locator else "")
            for stage in stages.itertuples()))

    citations = readable.citations_of(data, row["id"])
    if row["disputed"]:
        st.warning("Sources disagree on this record: " + md_escape(row["dispute_note"]), icon=":material/compare_arrows:")
        for column, cite in zip(st.columns(min(len(citations), 3)), citations.head(3).itertuples()):
            column.markdown(f"**{link(cite.title or cite.source_id, cite.url)}**  \n{md_escape(cite.claim)}")
    st.markdown(f"**Sources** ({len(citations)})")
    st.markdown("\n".join(f"{i}. {citation_line(cite)}" for i, cite in enumerate(citations.itertuples(), start=1)))
    st.code(page_url("records", record=row["id"]), language=None)
    st.caption("The link to this record: copy it with the button at the right of the box.")


def record_cards(view: View, records: pd.DataFrame, limit: int = 50) -> None:
    st.subheader(f"{len(records)} {'record' if len(records) == 1 else 'records'}")
    shown = records.sort_values(["date_start", "id"]).head(limit)
    for (_, row), line in zip(shown.iterrows(), readable.what(shown)):
        with st.expander(md_escape(f"{readable.date_label(row['date'])} · {readable.place(row, view.data.lookup.country_name)} · {line}")):
            record_detail(view, row)
    if len(records) > limit:
        st.caption(f"Showing the first {limit}; the Records page lists and downloads them all.")


SOURCE_COLUMNS = {
    "title": st.column_config.TextColumn("Source", width="large"), "publisher": "Publisher", "date": "Date",
    "kind": "Kind", "records": st.column_config.NumberColumn("Records citing it", format="%d"),
    "url": st.column_config.LinkColumn("Link", display_text="open"),
}


def register_table(table: pd.DataFrame) -> pd.DataFrame:
    """Sources as the register shows them: kinds in words, dates as written, shown columns only."""
    shown = table.assign(kind=table["kind"].map(plain_label), date=table["date"].map(readable.date_label))
    return shown[[c for c in SOURCE_COLUMNS if c in shown]]  # only what is shown is sent to the browser


def sources_register(table: pd.DataFrame, ready: bool = False) -> None:
    """A table of sources with their links, as on the profiles and the method page
    (`ready`: the table is already a register_table)."""
    st.dataframe(table if ready else register_table(table), hide_index=True, width="stretch", column_config=SOURCE_COLUMNS)
