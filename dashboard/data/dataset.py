"""The one object the app, the CLI and the exports use: typed tables plus the link tables,
and the rule that ties them together (a link's `row` is its record's position)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa

RECORD_TYPES = {"deployments": "deployment", "agreements": "agreement", "trainings": "training"}


MILESTONE_COLUMNS = ["row", "record_id", "stage", "date", "date_precision", "date_start", "date_end", "source_id", "locator", "note"]
QUERY_COLUMNS = ["line", "region", "period_from", "period_to", "query", "relevant"]
CANDIDATE_COLUMNS = ["line", "region", "period_from", "period_to", "url", "title", "publisher", "year", "decision", "records", "reason"]
PAIR_COLUMNS = ["line", "country", "company", "outcome", "records", "reason"]
REFERENCE_COLUMNS = ["country", "name_in_source", "safe_city", "facial_recognition", "smart_policing",
                     "social_media_surveillance", "china_tech", "suppliers_named", "chinese_suppliers"]


def empty_milestones() -> pd.DataFrame:
    return pd.DataFrame(columns=MILESTONE_COLUMNS)


def empty_research() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return pd.DataFrame(columns=QUERY_COLUMNS), pd.DataFrame(columns=CANDIDATE_COLUMNS), pd.DataFrame(columns=PAIR_COLUMNS)


def empty_reference() -> pd.DataFrame:
    return pd.DataFrame(columns=REFERENCE_COLUMNS)


@dataclass
class Dataset:
    """One DataFrame per table plus tidy link tables for the many-to-many fields.

    `records` holds deployments, agreements and trainings together (column `record_type`);
    `record_companies`, `record_countries` and `record_technologies` link a record, by its
    row position in `records`, to each of its companies, countries and technologies;
    `citations` links a record id to each of its sources; `milestones` lists the dated
    stages of a record (announced, contract, delivered, cancelled...), each with its source.
    `research_*` are the research logs (queries tried, candidates read, what each line
    found for the pairs Carnegie's index names) and `reference_countries` that index itself.
    """

    records: pd.DataFrame
    record_companies: pd.DataFrame
    record_countries: pd.DataFrame
    record_technologies: pd.DataFrame
    citations: pd.DataFrame
    sources: pd.DataFrame
    companies: pd.DataFrame
    technologies: pd.DataFrame
    events: pd.DataFrame
    reported_figures: pd.DataFrame
    countries: pd.DataFrame
    milestones: pd.DataFrame = field(default_factory=lambda: empty_milestones())
    research_queries: pd.DataFrame = field(default_factory=lambda: empty_research()[0])
    research_candidates: pd.DataFrame = field(default_factory=lambda: empty_research()[1])
    research_pairs: pd.DataFrame = field(default_factory=lambda: empty_research()[2])
    reference_countries: pd.DataFrame = field(default_factory=lambda: empty_reference())
    unchecked_coordinates: list[str] = field(default_factory=list)

    def table(self, name: str) -> pd.DataFrame:
        """The records of one type ("deployments", "agreements", "trainings")."""
        return self.records[self.records["record_type"] == RECORD_TYPES[name]]

    @property
    def deployments(self) -> pd.DataFrame:
        return self.table("deployments")

    @property
    def agreements(self) -> pd.DataFrame:
        return self.table("agreements")

    @property
    def trainings(self) -> pd.DataFrame:
        return self.table("trainings")

    @cached_property
    def lookup(self) -> "Lookup":
        """Tables indexed by id and id -> name maps, built once per dataset rather than by
        every page and export that needs a name or a source's title."""
        return Lookup.of(self)

    @cached_property
    def record_sources(self) -> tuple[np.ndarray, np.ndarray]:
        """Each citation made by a record, as (record row position, source number): the
        sources behind any selection are then found with two array look-ups, not a join."""
        rows = pd.Index(self.records["id"]).get_indexer(self.citations["owner_id"])
        sources = pd.Index(self.sources["id"]).get_indexer(self.citations["source_id"])
        kept = (rows >= 0) & (sources >= 0)  # citations made by companies or events are not records'
        return rows[kept], sources[kept]

    @cached_property
    def search_text(self) -> pa.Array:
        """Each record's folded searchable text (see data/text.py), built on the first search
        rather than at load: most readers never search, and at a million records it takes
        seconds. Shared from then on by every session holding this dataset."""
        from .text import search_text

        links = {"company": self.record_companies, "country": self.record_countries}
        return search_text(self.records, self.citations, self.lookup.sources["title"], links,
                           self.lookup.company_name | self.lookup.country_name)


@dataclass(frozen=True)
class Lookup:
    sources: pd.DataFrame  # indexed by source id
    companies: pd.DataFrame  # indexed by company id
    company_name: dict[str, str]
    country_name: dict[str, str]  # ISO-3 -> name
    technology_label: dict[str, str]

    @classmethod
    def of(cls, data: Dataset) -> "Lookup":
        return cls(
            sources=data.sources.set_index("id"),
            companies=data.companies.set_index("id"),
            company_name=dict(zip(data.companies["id"], data.companies["name"])),
            country_name=dict(zip(data.countries["iso3"], data.countries["name"])),
            technology_label=dict(zip(data.technologies["id"], data.technologies["label"])),
        )

    @property
    def names(self) -> dict[str, str]:
        """Every company id, country code and technology id with its label."""
        return self.company_name | self.country_name | self.technology_label


def check_row_positions(data: Dataset) -> Dataset:
    """Every count picks records by position: records must be indexed 0..n-1 and every
    link's `row` must be a position of its record. Checked when the data is built and when
    it is read back from the cache (a cache that breaks it is rebuilt, never trusted)."""
    records = data.records
    if not records.index.equals(pd.RangeIndex(len(records))):
        raise ValueError("records are not indexed by row position 0..n-1")
    ids = records["id"].to_numpy()
    for name in ("record_companies", "record_countries", "record_technologies", "milestones"):
        link = getattr(data, name)
        if not len(link):
            continue
        rows = link["row"].to_numpy(dtype=np.int64)
        if rows.min() < 0 or rows.max() >= len(records):
            raise ValueError(f"{name}: a row lies outside the records")
        if "record_id" in link.columns and not (ids[rows] == link["record_id"].to_numpy(dtype=object)).all():
            raise ValueError(f"{name}: a row does not point at its record")
    return data
