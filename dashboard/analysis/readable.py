"""Records as a reader wants them in a table: names rather than codes, dates written with
their precision, one line saying what happened, and nothing where a value is missing.

Pure pandas, so the records page, the profiles and the tests share one definition of what a
row says; the Streamlit layer only adds column labels and links.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.dates import FuzzyDate
from .registry import plain_label

LINE_CHARACTERS = 110  # a "what" cell: about one line of a wide table; the full text is in the card
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]'\"])\.\s+(?=[A-Z])")


@lru_cache(maxsize=65536)
def date_label(text: str) -> str:
    """'2019', 'Nov 2012', '30 Nov 2012', '2016 to Jul 2021': the precision the source gave."""
    return FuzzyDate.parse(text).label if isinstance(text, str) and text else ""


def one_line(text: str, limit: int = LINE_CHARACTERS) -> str:
    """The first sentence, cut at a word boundary with an ellipsis when still too long."""
    if not isinstance(text, str):
        return ""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def what(records: pd.DataFrame) -> pd.Series:
    """One line per record: a training's programme title, otherwise its summary's first sentence."""
    titles = records["title"].where(records["title"].notna() & (records["title"].astype(str) != ""))
    return titles.fillna(records["summary"]).map(one_line)


def names(ids, lookup: dict[str, str]) -> str:
    return ", ".join(lookup.get(i, i) for i in ids) if isinstance(ids, (list, tuple, np.ndarray)) else ""


def place(record, country_name: dict[str, str], most: int = 3) -> str:
    """The country, or for a training the countries that took part ('Kenya, Ghana and 10 more'),
    or its stated number of countries when they are not listed. `record`: a row or a namedtuple."""
    if isinstance(record["country"], str) and record["country"]:
        return country_name.get(record["country"], record["country"])
    countries = record["countries"]
    listed = [country_name.get(c, c) for c in (countries if isinstance(countries, (list, tuple, np.ndarray)) else [])]
    if listed:
        rest = len(listed) - most
        return ", ".join(listed[:most]) + (f" and {rest} more" if rest > 0 else "")
    return f"{int(record['country_count'])} countries" if pd.notna(record["country_count"]) else ""


def where(records: pd.DataFrame, country_name: dict[str, str]) -> pd.Series:
    """`place` for every record."""
    columns = records[["country", "countries", "country_count"]]
    return pd.Series([place(row, country_name) for row in columns.to_dict("records")], index=records.index, dtype=object)


def records_table(data: Dataset, records: pd.DataFrame, first_source: pd.Series) -> pd.DataFrame:
    """The records page's rows: when, where, who and what first, then the record's kind,
    its first source with a link, and its id last (for sharing one record)."""
    lookup = data.lookup
    first = first_source.reindex(records["id"].astype(str)).astype(object).to_numpy()
    return pd.DataFrame({
        "when": records["date"].map(date_label).to_numpy(),
        "country": where(records, lookup.country_name).to_numpy(),
        "city": records["city"].astype(object).where(records["city"].notna(), "").to_numpy(),
        "companies": records["companies"].map(lambda ids: names(ids, lookup.company_name)).to_numpy(),
        "what": what(records).to_numpy(),
        "type": records["record_type"].map(plain_label).to_numpy(),
        "technology": records["technology"].map(lambda ids: names(ids, lookup.technology_label)).to_numpy(),
        "status": records["status"].astype(object).map(plain_label).to_numpy(),
        "mode": records["mode"].astype(object).map(plain_label).to_numpy(),
        "anti_epidemic": records["anti_epidemic"].astype(bool).to_numpy(),
        "disputed": records["disputed"].astype(bool).to_numpy(),
        "source": lookup.sources["title"].reindex(first).fillna("").to_numpy(),
        "link": lookup.sources["url"].reindex(first).fillna("").to_numpy(),
        "id": records["id"].astype(str).to_numpy(),
    })


def citations_of(data: Dataset, record_id: str) -> pd.DataFrame:
    """A record's sources in the order it cites them: title, publisher, date as written,
    where in the source, what it states, and the address."""
    cites = data.citations[data.citations["owner_id"] == record_id].sort_values("position")
    table = cites.join(data.lookup.sources[["title", "publisher", "date", "url"]], on="source_id")
    return pd.DataFrame({
        "title": table["title"].fillna("").to_numpy(), "publisher": table["publisher"].fillna("").to_numpy(),
        "when": table["date"].map(date_label).to_numpy(), "locator": table["locator"].fillna("").to_numpy(),
        "claim": table["claim"].fillna("").to_numpy(), "url": table["url"].fillna("").to_numpy(),
        "source_id": table["source_id"].to_numpy(),
    })


def milestones_of_record(data: Dataset, record_id: str) -> pd.DataFrame:
    """The record's dated stages, oldest first, each with the title of the source that dates it."""
    stages = data.milestones[data.milestones["record_id"] == record_id]
    sources = data.lookup.sources
    return pd.DataFrame({
        "when": stages["date"].map(date_label).to_numpy(),
        "stage": stages["stage"].map(plain_label).to_numpy(),
        "note": stages["note"].fillna("").to_numpy(),
        "source": stages["source_id"].map(sources["title"]).fillna("").to_numpy(),
        "url": stages["source_id"].map(sources["url"]).fillna("").to_numpy(),
        "locator": stages["locator"].fillna("").to_numpy(),
    })


def heading(data: Dataset, record: pd.Series) -> str:
    """What, where, when and who in one line: 'Deployment · Luanda, Angola · May 2020 · CEIEC';
    for a training, who took part and where it was held, and its organiser when no company ran it."""
    lookup = data.lookup
    countries = place(record, lookup.country_name)
    city = record["city"] if isinstance(record["city"], str) and record["city"] else ""
    who = names(record["companies"], lookup.company_name)
    if record["record_type"] == "training":
        located = ", ".join(part for part in (f"for {countries}" if countries else "", f"held in {city}" if city else "") if part)
        who = who or (record["organiser"] if isinstance(record["organiser"], str) else "")
    else:
        located = ", ".join(part for part in (city, countries) if part)
    return " · ".join(part for part in (plain_label(record["record_type"]), located, date_label(record["date"]), who or "no company named") if part)
