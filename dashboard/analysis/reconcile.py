"""Our records set against Carnegie's AI Global Surveillance Index (2022) and against the
effort behind them: pure pandas, no Streamlit.

The index names, per country, the suppliers its sources mention; it has no years and no
projects. A country-supplier pair it names is "covered" when we hold at least one cited
deployment or agreement in that country by that company, or a training the company ran for
that one country's officials. A pair we do not cover keeps the
reason a research line logged (searched and not found, or out of scope), so a gap reads as
a finding, not as silence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.countries import country_name

ABROAD_EXCLUDED = ("CHN",)  # the index's China row describes domestic use, not exports
OUTCOME_LABELS = {"covered": "covered", "not_found": "searched, not found", "out_of_scope": "out of scope",
                  "not searched": "not searched yet"}
# year bands of the effort table: the comparison windows a reader is likely to set
YEAR_BANDS = (("2009-2015", 2009, 2015), ("2016-2018", 2016, 2018), ("2019", 2019, 2019),
              ("2020", 2020, 2020), ("2021", 2021, 2021), ("2022-2023", 2022, 2023))


def our_pairs(data: Dataset) -> pd.DataFrame:
    """(country, company, record id, year) for every deployment and agreement, and for every
    training run for one country's officials. A multi-country course does not count: a
    company teaching a seminar with forty countries in the room supplied none of them.
    Built from the link tables, so it costs array operations, not a loop over records."""
    records, countries = data.records, data.record_countries
    rows = countries["row"].to_numpy()
    one_country = np.bincount(rows, minlength=len(records)) == 1
    own = one_country & records["record_type"].isin(["deployment", "agreement", "training"]).to_numpy()
    located = countries[own[rows]][["row", "country"]]
    companies = data.record_companies[["row", "company"]]
    pairs = located.merge(companies[own[companies["row"].to_numpy()]], on="row")
    return pd.DataFrame({
        "country": pairs["country"].astype(object).to_numpy(),
        "company": pairs["company"].astype(object).to_numpy(),
        "record_id": records["id"].iloc[pairs["row"].to_numpy()].astype(object).to_numpy(),
        "year": records["date_start"].dt.year.iloc[pairs["row"].to_numpy()].to_numpy(),
    })


def index_pairs(data: Dataset, abroad_only: bool = True) -> set[tuple[str, str]]:
    """The (country, company id) pairs the index names a Chinese supplier for."""
    return {
        (row.country, company)
        for row in data.reference_countries.itertuples()
        if not (abroad_only and row.country in ABROAD_EXCLUDED)
        for company in filter(None, str(row.chinese_suppliers).split("; "))
    }


def reference_pairs(data: Dataset, ours: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every Chinese country-supplier pair the index names abroad, with our records for it.

    Columns: country, country_name, company, covered, records (our ids, "; "-joined), first
    and last (the years our records start), outcome and reason (from the research logs, for pairs we lack). `ours`: our_pairs(data),
    when the caller already has it.
    """
    columns = ["country", "country_name", "company", "covered", "records", "first", "last", "outcome", "reason"]
    if data.reference_countries.empty:
        return pd.DataFrame(columns=columns)
    ours = our_pairs(data) if ours is None else ours
    held = ours.groupby(["country", "company"]).agg(
        records=("record_id", lambda ids: "; ".join(sorted(ids))), first=("year", "min"), last=("year", "max"))
    logged = data.research_pairs.drop_duplicates(["country", "company"], keep="last").set_index(["country", "company"])
    table = (pd.DataFrame(sorted(index_pairs(data)), columns=["country", "company"])
             .join(held, on=["country", "company"]).join(logged[["outcome", "reason"]], on=["country", "company"]))
    table["records"] = table["records"].fillna("")
    table["covered"] = table["records"] != ""
    table["outcome"] = table["outcome"].where(~table["covered"], "covered").fillna("not searched")
    table["reason"] = table["reason"].where(~table["covered"], "").fillna("")
    table["country_name"] = table["country"].map(country_name)
    return table[columns].sort_values(["covered", "country_name", "company"]).reset_index(drop=True)


def coverage_share(pairs: pd.DataFrame) -> tuple[int, int]:
    """(covered, total) pairs."""
    return int(pairs["covered"].sum()), len(pairs)


def countries_compared(data: Dataset, ours: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each country the index marks as using Chinese technology, or where we hold a record:
    in_index, records (ours, as counted by our_pairs) and which side lacks it."""
    reference = data.reference_countries
    columns = ["country", "country_name", "in_index", "records", "side"]
    if reference.empty:
        return pd.DataFrame(columns=columns)
    indexed = set(reference.loc[reference["china_tech"].astype(bool), "country"]) - set(ABROAD_EXCLUDED)
    ours = (our_pairs(data) if ours is None else ours).groupby("country")["record_id"].nunique()
    codes = sorted(indexed | set(ours.index))
    table = pd.DataFrame({"country": codes})
    table["country_name"] = table["country"].map(country_name)
    table["in_index"] = table["country"].isin(indexed)
    table["records"] = table["country"].map(ours).fillna(0).astype(int)
    table["side"] = [
        "both" if i and r else ("index only" if i else "ours only")
        for i, r in zip(table["in_index"], table["records"])
    ]
    return table[columns]


def pairs_not_in_index(data: Dataset, ours: pd.DataFrame | None = None) -> pd.DataFrame:
    """Our Chinese country-company pairs in countries the index covers but without naming
    that company (the index lists at most five suppliers per country)."""
    reference = data.reference_countries
    columns = ["country", "country_name", "company", "records"]
    if reference.empty:
        return pd.DataFrame(columns=columns)
    named = index_pairs(data, abroad_only=False)
    ours = our_pairs(data) if ours is None else ours
    ours = ours[ours["country"].isin(set(reference["country"]))]
    grouped = ours.groupby(["country", "company"])["record_id"].nunique().rename("records").reset_index()
    grouped = grouped[[(c, co) not in named for c, co in zip(grouped["country"], grouped["company"])]]
    grouped["country_name"] = grouped["country"].map(country_name)
    return grouped[columns].sort_values(["country_name", "company"]).reset_index(drop=True)


def band_of(year) -> str:
    if pd.isna(year):
        return "year not known"
    for label, first, last in YEAR_BANDS:
        if first <= int(year) <= last:
            return label
    return "before 2009" if int(year) < 2009 else "after 2023"


def effort_by_band(data: Dataset) -> pd.DataFrame:
    """Per year band: candidates read, kept, rejected, queries run by lines covering it, and
    the records we hold dated in it (by the year the date starts).

    A band with many candidates read and few records kept is thin in the world (or in what
    is published); a band with few candidates read is thin in our search.
    """
    candidates = data.research_candidates.assign(band=lambda t: t["year"].map(band_of))
    read = candidates.groupby("band").size()
    kept = candidates[candidates["decision"] == "kept"].groupby("band").size()
    queries = data.research_queries
    records_year = data.records["date_start"].dt.year
    rows = []
    for label, first, last in YEAR_BANDS:
        covering = queries[(queries["period_from"] <= last) & (queries["period_to"] >= first)]
        rows.append({
            "band": label,
            "lines": int(covering["line"].nunique()),
            "queries": len(covering),
            "candidates_read": int(read.get(label, 0)),
            "kept": int(kept.get(label, 0)),
            "rejected": int(read.get(label, 0) - kept.get(label, 0)),
            "records": int(records_year.between(first, last).sum()),
        })
    return pd.DataFrame(rows)
