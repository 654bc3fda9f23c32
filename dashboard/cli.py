"""`python -m dashboard validate|export`: the same loader and the same CSV builder as the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .analysis.filters import Filters
from .analysis.registry import FILTERS, names_of, vocabularies
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


def filters_from_args(args, known: dict[str, Vocabulary]) -> Filters:
    """The export's filters, one registry entry at a time; raises UnknownValue or NoRecords
    for a value that selects nothing, ValueError for an impossible date range."""
    fields = {}
    for spec in FILTERS:
        fields |= spec.from_cli(args, known)
    return Filters(**fields)


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
        print(f"{filters.describe(names_of(known))}: {len(records)} records, wrote {args.out}", file=sys.stderr)
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
    for spec in FILTERS:
        spec.add_cli(export)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return {"validate": _validate, "export": _export}[args.command](args)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
