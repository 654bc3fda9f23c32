"""Everything that depends on the dataset alone, computed once when it loads and shared by
every rerun of every session: the filters' vocabularies, names, month options, the colour
ranking, coverage tables and record order. No Streamlit here: the app caches one of these
per data folder, and tests and the benchmark build it directly."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.schema import RECORD_TABLES
from . import reconcile
from .counts import coverage
from .registry import names_of, vocabularies
from .vocabulary import Vocabulary


@dataclass(frozen=True, kw_only=True, eq=False)
class Prepared:
    data: Dataset
    vocabularies: dict[str, Vocabulary]  # filter key -> the values it offers and accepts
    names: dict[str, str]  # id, code or key -> label, for every company, country, technology and filter value
    months: list[str]  # the date slider's options
    ranking: dict[str, list[str]]  # "company" / "technology" -> keys, most records first: stable colours
    coverage: dict[str, pd.DataFrame]  # "year", "region", "source kind" -> records per value and type
    first_source: pd.Series  # record id -> id of its first source (categorical: one code per record)
    record_order: np.ndarray  # positions of data.records by date, then id: the records table's order

    def options(self, key: str) -> list[str]:
        """The ids a filter offers, in display order (companies and countries by name)."""
        return self.vocabularies[key].ids

    # The reconciliation with Carnegie's index and the research effort depend on the data
    # alone: computed on first use (not at start-up) and then shared by every rerun.
    @cached_property
    def citing_records(self) -> pd.Series:
        """Source id -> how many records cite it, for the source register."""
        rows, sources = self.data.record_sources
        pairs = np.unique(rows.astype(np.int64) * len(self.data.sources) + sources)  # a record citing a source twice counts once
        per_source = np.bincount(pairs % len(self.data.sources), minlength=len(self.data.sources))
        return pd.Series(per_source, index=self.data.sources["id"].to_numpy())

    @cached_property
    def our_pairs(self) -> pd.DataFrame:
        return reconcile.our_pairs(self.data)

    @cached_property
    def reference_pairs(self) -> pd.DataFrame:
        return reconcile.reference_pairs(self.data, self.our_pairs)

    @cached_property
    def countries_compared(self) -> pd.DataFrame:
        return reconcile.countries_compared(self.data, self.our_pairs)

    @cached_property
    def pairs_not_in_index(self) -> pd.DataFrame:
        return reconcile.pairs_not_in_index(self.data, self.our_pairs)

    @cached_property
    def effort(self) -> pd.DataFrame:
        return reconcile.effort_by_band(self.data)


def prepare(data: Dataset) -> Prepared:
    known = vocabularies(data)
    order = data.records[["date_start", "id"]].reset_index(drop=True).sort_values(["date_start", "id"], kind="stable").index.to_numpy()
    return Prepared(
        data=data,
        vocabularies=known,
        names=data.lookup.names | names_of(known) | {"(none)": "No company named"},
        months=month_options(data),
        ranking={"company": ranked_keys(data.record_companies, "company"),
                 "technology": ranked_keys(data.record_technologies, "technology")},
        coverage={"year": coverage(data, "year"), "region": coverage(data, "region"), "source kind": source_kinds(data)},
        first_source=first_sources(data),
        record_order=order,
    )


def month_options(data: Dataset) -> list[str]:
    first = min(data.records["date_start"].min(), pd.Timestamp("2009-01-01")).to_period("M")
    last = max(data.records["date_end"].max(), pd.Timestamp("2023-12-31")).to_period("M")
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def ranked_keys(link: pd.DataFrame, column: str) -> list[str]:
    """Keys of a link table, most records first, ties by name: the order colours are given
    in, over the whole dataset, so a company's colour never changes with the filters."""
    counts = link.groupby(column, observed=True)["row"].nunique()
    order = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return [str(key) for key, _ in order]


def first_sources(data: Dataset) -> pd.Series:
    """Each record's first source id; titles and URLs are looked up only for the rows shown."""
    first = data.citations.loc[data.citations["position"] == 0, ["owner_id", "source_id"]].drop_duplicates("owner_id")
    return pd.Series(pd.Categorical(first["source_id"]), index=first["owner_id"].to_numpy())


def source_kinds(data: Dataset) -> pd.DataFrame:
    """Records citing at least one source of each kind (news, think tank, official...)."""
    cites = data.citations[["owner_id", "source_id"]]  # two columns: no copy of the claims at a million rows
    cites = cites[data.citations["table"].isin(RECORD_TABLES).to_numpy()]
    kind = cites["source_id"].map(data.lookup.sources["kind"]).rename("kind")
    return cites["owner_id"].groupby(kind).nunique().rename("records").sort_values(ascending=False).reset_index()
