"""`python -m dashboard validate|export`: the same loader and the same CSV builder as the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .analysis.filters import DATE_RULES, Filters
from .analysis.vocabulary import Vocabulary
from .data import DataError, load_dataset
from .data.validate import parse_tables
from .export import to_csv_bytes


def _validate(args) -> int:
    parsed, problems = parse_tables(args.data_dir)
    if problems:
        for problem in sorted(problems):
            print(problem)
        print(f"\n{len(problems)} problem(s) found; nothing was loaded.", file=sys.stderr)
        return 1
    from .data.load import build_dataset

    data = build_dataset(parsed)
    records = data.records
    print("Safe City Atlas data: valid")
    for name in ("deployments", "agreements", "trainings"):
        print(f"  {name:<17}{len(data.table(name)):>5}")
    for name in ("events", "companies", "sources", "technologies", "reported_figures"):
        print(f"  {name:<17}{len(getattr(data, name)):>5}")
    print(f"  records          {len(records):>5}")
    print(f"  countries        {data.record_countries['country'].nunique():>5}")
    print(f"  companies named  {data.record_companies['company'].nunique():>5}")
    print(f"  dates            {records['date_start'].min():%Y-%m} to {records['date_end'].max():%Y-%m}")
    uncited = ~records["id"].isin(data.citations["owner_id"])
    print(f"  records without a source: {int(uncited.sum())}")
    if data.unchecked_coordinates:
        print(f"  coordinates not checkable at 1:110m (country too small): {', '.join(data.unchecked_coordinates)}")
    return 0


def _month(text: str) -> pd.Period:
    try:
        return pd.Period(text, "M")
    except (ValueError, TypeError) as err:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2019-01") from err


def vocabularies(data) -> dict[str, Vocabulary]:
    """What each option accepts, from the data itself: ids, names and labels alike."""
    companies = data.companies
    technologies = data.technologies[data.technologies["category"] == "exported"]
    records = data.records
    return {
        "company": Vocabulary.of("company", companies["id"], dict(zip(companies["id"], companies["name"])),
                                 {i: list(a) for i, a in zip(companies["id"], companies["aliases"])}),
        "country": Vocabulary.of("country", data.countries["iso3"], dict(zip(data.countries["iso3"], data.countries["name"]))),
        "region": Vocabulary.of("region", sorted(data.countries["region"].unique())),
        "technology": Vocabulary.of("technology", technologies["id"], dict(zip(technologies["id"], technologies["label"]))),
        "type": Vocabulary.of("record type", records["record_type"].cat.categories,
                              aliases={t: [t + "s"] for t in records["record_type"].cat.categories}),
        "status": Vocabulary.of("status", records["status"].cat.categories),
        "mode": Vocabulary.of("mode", records["mode"].cat.categories,
                              aliases={m: [m.replace("_", " ")] for m in records["mode"].cat.categories}),
        "confidence": Vocabulary.of("confidence", records["confidence"].cat.categories),
    }


def filters_from_args(args, known: dict[str, Vocabulary]) -> Filters:
    """The export's filters; raises UnknownValue for any value the vocabularies do not know."""
    return Filters(
        companies=known["company"].resolve_all(args.company),
        countries=known["country"].resolve_all(args.country),
        regions=known["region"].resolve_all(args.region),
        technologies=known["technology"].resolve_all(args.technology),
        record_types=known["type"].resolve_all(args.type),
        statuses=known["status"].resolve_all(args.status),
        modes=known["mode"].resolve_all(args.mode),
        confidence=known["confidence"].resolve_all(args.confidence),
        date_from=args.date_from,
        date_to=args.date_to,
        date_rule=args.date_rule,
        anti_epidemic_only=args.anti_epidemic,
        disputed_only=args.disputed,
    )


def _export(args) -> int:
    data = load_dataset(args.data_dir)
    known = vocabularies(data)
    try:
        filters = filters_from_args(args, known)
    except ValueError as err:  # an unknown value (with suggestions) or an impossible range: no file is written
        print(f"error: {err}", file=sys.stderr)
        return 2
    records = filters.apply(data)
    if args.format == "datapackage":
        from .export import datapackage

        payload = datapackage.build(data, records, filters.describe())
    elif args.format == "geojson":
        from .export import geojson

        payload = geojson.build(data, records)
    else:
        payload = to_csv_bytes(data, records)
    if args.out:
        Path(args.out).write_bytes(payload)
        names = {key: shown for vocabulary in known.values() for key, shown in vocabulary.shown.items()}
        print(f"{filters.describe(names)}: {len(records)} records, wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every table; list problems as file:record-id:field: message")
    validate.add_argument("--data-dir", type=Path, default=None)
    export = commands.add_parser("export", help="write the CSV the dashboard's download gives for the same filters")
    export.add_argument("--data-dir", type=Path, default=None)
    export.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    export.add_argument("--format", choices=["csv", "datapackage", "geojson"], default="csv",
                        help="csv (the dashboard's download), datapackage (zipped Frictionless Data Package) or geojson")
    for flag, dest, meta in (
        ("--company", "company", "company id or name in any case, e.g. huawei or Hikvision"),
        ("--country", "country", "ISO-3 code or name, e.g. SRB or Serbia"),
        ("--region", "region", "UN sub-region in any case, e.g. 'eastern africa'"),
        ("--technology", "technology", "technology id or label, e.g. video_surveillance or 'Facial recognition'"),
        ("--type", "type", "deployment, agreement or training"),
        ("--status", "status", "announced, signed, active, completed, cancelled, unknown"),
        ("--mode", "mode", "sale, donation, loan_financed, ..."),
        ("--confidence", "confidence", "high, medium or low"),
    ):
        export.add_argument(flag, dest=dest, action="append", default=[], help=f"{meta} (repeatable)")
    export.add_argument("--from", dest="date_from", type=_month, default=None, help="first month, e.g. 2019-01")
    export.add_argument("--to", dest="date_to", type=_month, default=None, help="last month, e.g. 2021-12")
    export.add_argument("--date-rule", choices=sorted(DATE_RULES), default="within",
                        help="within: a year-only date must lie wholly in the range; overlaps: any part of it")
    export.add_argument("--anti-epidemic", action="store_true", help="only items marketed or donated against Covid-19")
    export.add_argument("--disputed", action="store_true", help="only records whose sources disagree")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return {"validate": _validate, "export": _export}[args.command](args)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
