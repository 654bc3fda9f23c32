"""The Europe lens: which European countries, and what happened there."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from ..data.countries import classification

# EU candidate countries during the period covered (to December 2021), as listed by
# A News, "Number of countries waiting for EU membership rises", 24 June 2022,
# https://www.anews.com.tr/world/2022/06/24/number-of-countries-waiting-for-eu-membership-rises
# (Ukraine and Moldova became candidates only in June 2022). Bosnia and Herzegovina was a
# potential candidate; Kosovo has no ISO 3166 code and cannot be placed here.
CANDIDATES = ("ALB", "MNE", "MKD", "SRB", "TUR")
POTENTIAL_CANDIDATES = ("BIH",)
OUTCOMES = {
    "offered": "announced or promoted, uptake unclear",
    "signed": "agreement, MoU or contract signed",
    "deployed": "installed or in use",
    "donated": "given free of charge",
    "cancelled": "cancelled, dropped or blocked",
}


def europe_groups() -> pd.DataFrame:
    """iso3 -> group: EU member, EEA (not EU), candidate, potential candidate, United Kingdom."""
    table = classification()
    rows = [(code, "EU member") for code in table.index[table["eu"]]]
    rows += [(code, "EEA (not EU)") for code in table.index[table["eea"] & ~table["eu"]]]
    rows += [(code, "EU candidate") for code in CANDIDATES]
    rows += [(code, "Potential candidate") for code in POTENTIAL_CANDIDATES]
    rows += [("GBR", "United Kingdom")]
    return pd.DataFrame(rows, columns=["iso3", "group"]).drop_duplicates("iso3")


def outcome(records: pd.DataFrame) -> pd.Series:
    """One outcome per record, the most final one: cancelled > donated > deployed > signed > offered."""
    result = pd.Series("offered", index=records.index)
    result[records["status"].isin(["signed"]) | records["mode"].isin(["mou", "contract", "loan_financed"])] = "signed"
    result[(records["record_type"] == "deployment") & records["status"].isin(["active", "completed"])] = "deployed"
    result[records["mode"] == "donation"] = "donated"
    result[records["status"] == "cancelled"] = "cancelled"
    return result


def in_europe(records: pd.DataFrame) -> pd.DataFrame:
    """The records whose country is in one of the European groups."""
    return records[records["country"].astype(object).isin(europe_groups()["iso3"])]


def europe_table(data: Dataset, records: pd.DataFrame) -> pd.DataFrame:
    """Per European country with records: its group and the number of records per outcome."""
    groups = europe_groups().set_index("iso3")["group"]
    located = in_europe(records)
    if located.empty:
        return pd.DataFrame(columns=["country", "name", "group", *OUTCOMES, "records"])
    table = pd.crosstab(located["country"].astype(str), outcome(located)).reindex(columns=list(OUTCOMES), fill_value=0)
    table["records"] = table.sum(axis=1)
    names = pd.Series(data.lookup.country_name)
    table.insert(0, "group", table.index.map(groups))
    table.insert(0, "name", table.index.map(names))
    return table.rename_axis("country").reset_index().sort_values(["group", "records"], ascending=[True, False])


def europe_events(data: Dataset) -> pd.DataFrame:
    """EU, UK and European national responses."""
    europe = set(europe_groups()["iso3"])
    events = data.events
    national = events["category"].eq("national_response") & events["countries"].map(lambda codes: bool(europe & set(codes)))
    return events[events["category"].isin(["eu_response", "uk_response"]) | national]
