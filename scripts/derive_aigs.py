"""Derive data/aigs_2022.yaml from Carnegie's AI Global Surveillance Index workbook.

    python scripts/derive_aigs.py [WORKBOOK] [--check]

WORKBOOK defaults to ../shared/reference/aigs-2022.xlsx beside the project. The table keeps
per country only what the reconciliation uses: ISO-3 code, the four category flags, the
"China Tech" flag, the suppliers as the index names them, and the Chinese ones among them
as company ids. --check compares the shipped table with a
fresh derivation and exits 1 if they differ, so the table cannot drift from the workbook.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT.parent / "shared" / "reference" / "aigs-2022.xlsx"
TARGET = ROOT / "data" / "aigs_2022.yaml"

# The suppliers the index names that are Chinese companies, as the index writes them -> our
# company ids (those not yet in data/companies.yaml keep an id all the same, so the
# reconciliation counts them as pairs we lack). The index's own "Hikvsion" is Hikvision.
SUPPLIER_IDS = {
    "huawei": "huawei", "hikvision": "hikvision", "hikvsion": "hikvision", "zte": "zte",
    "dahua": "dahua", "ceiec": "ceiec", "yitu": "yitu", "megvii": "megvii", "cetc": "cetc",
    "citcc": "citcc", "cloudwalk": "cloudwalk", "infinova": "infinova", "meiya pico": "meiya_pico",
    "semptian": "semptian", "knowlesys": "knowlesys", "hugslock": "hugslock",
}
# Names the converter cannot read in this copy of the workbook
NAME_FIXES = {"UnitElectoral Democracy States of AmeriClosed Autocracy": "USA"}

HEADER = """\
# Derived from Carnegie Endowment for International Peace, "AI & Big Data Global Surveillance
# Index (2022 updated)", Steven Feldstein, Mendeley Data, version 4, 6 June 2022,
# DOI 10.17632/gjhf5y4xjp.4, https://data.mendeley.com/datasets/gjhf5y4xjp/4 (sheet "AIGS 2022").
# Credit the author, title, version and DOI wherever this table or anything derived from it is
# shown or exported; the dataset's licence is the one stated on that page.
# Made by scripts/derive_aigs.py; do not edit by hand. Flags are true where the index marks
# the country "x" (or "China Tech" = 1). suppliers_named keeps the index's spelling;
# chinese_suppliers gives the Chinese ones as company ids ("Hikvsion" is Hikvision).
# The United States row's name is corrupted in the distributed workbook and is set by hand.
"""


def iso3(name: str) -> str | None:
    if name in NAME_FIXES:
        return NAME_FIXES[name]
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, sep="\t", dtype=str, keep_default_na=False)
    for regex, code in zip(table["regex"], table["ISO3"]):
        if regex and re.search(regex, name, re.IGNORECASE):
            return code
    return None


def derive(workbook: Path) -> list[dict]:
    sheet = pd.read_excel(workbook, sheet_name="AIGS 2022")
    rows = []
    for _, row in sheet.iterrows():
        name = str(row["Country"]).strip()
        code = iso3(name)
        if code is None:
            raise SystemExit(f"{workbook.name}: no ISO-3 code for country '{name}'")
        named = [str(row[f"Company {i}"]).strip() for i in range(1, 6) if isinstance(row[f"Company {i}"], str)]
        chinese = []
        for supplier in named:
            company = SUPPLIER_IDS.get(supplier.lower())
            if company and company not in chinese:
                chinese.append(company)
        flag = lambda column: isinstance(row[column], str) and row[column].strip().lower() == "x"  # noqa: E731
        rows.append({
            "id": f"aigs-{code.lower()}",
            "country": code,
            "name_in_source": name,
            "safe_city": flag("Safe City System"),
            "facial_recognition": flag("Facial Recognition System"),
            "smart_policing": flag("Smart Policing"),
            "social_media_surveillance": flag("Social Media Surveillance"),
            "china_tech": bool(row["China Tech"] == 1),
            "suppliers_named": named,
            "chinese_suppliers": chinese,
        })
    return rows


def render(rows: list[dict]) -> str:
    body = {
        "table": "aigs_2022",
        "description": "Carnegie AI Global Surveillance Index 2022: per country, category flags and suppliers named.",
        "records": rows,
    }
    return HEADER + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", nargs="?", type=Path, default=WORKBOOK)
    parser.add_argument("--check", action="store_true", help="exit 1 if data/aigs_2022.yaml differs from a fresh derivation")
    args = parser.parse_args(argv)
    text = render(derive(args.workbook))
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("data/aigs_2022.yaml matches the workbook" if same else "data/aigs_2022.yaml differs from the workbook: rerun scripts/derive_aigs.py")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(text.splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
