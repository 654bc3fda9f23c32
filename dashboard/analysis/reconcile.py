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

import pandas as pd

from ..data import Dataset
from ..data.countries import country_name

ABROAD_EXCLUDED = ("CHN",)  # the index's China row describes domestic use, not exports

# year bands of the effort table: the comparison windows a reader is likely to set
OUTCOME_LABELS = {"covered": "covered", "not_found": "searched, not found", "out_of_scope": "out of scope",
                  "not searched": "not searched yet"}
YEAR_BANDS = (("2009-2015", 2009, 2015), ("2016-2018", 2016, 2018), ("2019", 2019, 2019),
              ("2020", 2020, 2020), ("2021", 2021, 2021), ("2022-2023", 2022, 2023))


def _our_pairs(data: Dataset) -> pd.DataFrame:
    """(country, company, record id) for every deployment and agreement, and for every
    training run for one country's officials. A multi-country course does not count: a
    company teaching a seminar with forty countries in the room supplied none of them."""
    records = data.records
    one_country = records["countries"].map(len).to_numpy() == 1
    own = (records["record_type"].isin(["deployment", "agreement"]).to_numpy()
           | (records["record_type"].eq("training").to_numpy() & one_country))
    links = data.record_companies[own[data.record_companies["row"].to_numpy()]]
    rows = links["row"].to_numpy()
    country = records["countries"].map(lambda codes: codes[0] if len(codes) else None).to_numpy(dtype=object)
    return pd.DataFrame({
        "country": country[rows],
        "company": links["company"].astype(object).to_numpy(),
        "record_id": records["id"].astype(object).to_numpy()[rows],
    })


def reference_pairs(data: Dataset) -> pd.DataFrame:
    """Every Chinese country-supplier pair the index names abroad, with our records for it.

    Columns: country, country_name, company, covered, records (our ids, "; "-joined),
    outcome and reason (from the research logs, for pairs we lack).
    """
    columns = ["country", "country_name", "company", "covered", "records", "outcome", "reason"]
    reference = data.reference_countries
    if reference.empty:
        return pd.DataFrame(columns=columns)
    pairs = [
        (row.country, company)
        for row in reference.itertuples()
        if row.country not in ABROAD_EXCLUDED
        for company in filter(None, str(row.chinese_suppliers).split("; "))
    ]
    table = pd.DataFrame(pairs, columns=["country", "company"]).drop_duplicates()
    ours = _our_pairs(data).groupby(["country", "company"])["record_id"].agg(lambda ids: "; ".join(sorted(ids)))
    table["records"] = [ours.get((c, co), "") for c, co in zip(table["country"], table["company"])]
    table["covered"] = table["records"] != ""
    logged = data.research_pairs.drop_duplicates(["country", "company"], keep="last").set_index(["country", "company"])
    table["outcome"] = [
        "covered" if covered else (logged.at[(c, co), "outcome"] if (c, co) in logged.index else "not searched")
        for c, co, covered in zip(table["country"], table["company"], table["covered"])
    ]
    table["reason"] = [
        "" if covered else (logged.at[(c, co), "reason"] if (c, co) in logged.index else "")
        for c, co, covered in zip(table["country"], table["company"], table["covered"])
    ]
    table["country_name"] = table["country"].map(country_name)
    return table[columns].sort_values(["covered", "country_name", "company"]).reset_index(drop=True)


def coverage_share(pairs: pd.DataFrame) -> tuple[int, int]:
    """(covered, total) pairs."""
    return int(pairs["covered"].sum()), len(pairs)


def countries_compared(data: Dataset) -> pd.DataFrame:
    """Each country the index marks as using Chinese technology, or where we hold a record:
    in_index, records (ours, deployments and agreements) and which side lacks it."""
    reference = data.reference_countries
    columns = ["country", "country_name", "in_index", "records", "side"]
    if reference.empty:
        return pd.DataFrame(columns=columns)
    indexed = set(reference.loc[reference["china_tech"].astype(bool), "country"]) - set(ABROAD_EXCLUDED)
    ours = _our_pairs(data).groupby("country")["record_id"].nunique()
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


def pairs_not_in_index(data: Dataset) -> pd.DataFrame:
    """Our Chinese country-company pairs in countries the index covers but without naming
    that company (the index lists at most five suppliers per country)."""
    reference = data.reference_countries
    columns = ["country", "country_name", "company", "records"]
    if reference.empty:
        return pd.DataFrame(columns=columns)
    named = {
        (row.country, company)
        for row in reference.itertuples()
        for company in filter(None, str(row.chinese_suppliers).split("; "))
    }
    ours = _our_pairs(data)
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
