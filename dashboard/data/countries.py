"""Country names, codes and regions from maintained libraries, not a hand-kept list.

Names and codes come from pycountry (ISO 3166-1). Regions and EU/EEA membership come from
the classification table that ships with country_converter; it is read directly because
the package's own converter does not yet run on pandas 3.
"""

from __future__ import annotations

import functools
from importlib import resources

import pandas as pd
import pycountry


def is_iso3(code: object) -> bool:
    return isinstance(code, str) and len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@functools.lru_cache(maxsize=1)
def classification() -> pd.DataFrame:
    """One row per ISO-3 code: UN sub-region, continent, EU and EEA membership."""
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, sep="\t", dtype=str, keep_default_na=False)
    table = table[table["ISO3"].str.len() == 3].drop_duplicates("ISO3")
    return pd.DataFrame(
        {
            "iso3": table["ISO3"],
            "region": table["UNregion"].replace("", "Unknown"),
            "continent": table["continent"].replace("", "Unknown"),
            "eu": table["EU27"].eq("EU27"),
            "eea": table["EEA"].eq("EEA"),
        }
    ).set_index("iso3")


def regions(codes) -> dict[str, str]:
    """UN M49 sub-region per ISO-3 code ("Eastern Africa", "South-eastern Asia", ...)."""
    table = classification()
    return {code: (table.at[code, "region"] if code in table.index else "Unknown") for code in set(codes)}
