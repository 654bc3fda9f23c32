"""Check a folder of new records against the data before they are merged.

A research line writes its new records, sources and companies into a folder of its own,
in the same YAML shape as data/. This copies data/ to a temporary folder, appends the
staged records to each table and runs the validator on the copy, so every problem is named
as file:record-id:field before anything touches data/. A line's research log may sit in the
staging folder too (STAGING_DIR/research/LINE.yaml), so data/ stays valid while the line works.

    python scripts/stage_check.py STAGING_DIR... [--logs GLOB] [--merge]

With --logs only the research logs matching GLOB (e.g. 'mena-*') are checked, so lines
still being researched do not block one that is finished. With --merge the staged records
are appended to data/ itself once the copy validates.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TABLES = ("sources", "companies", "deployments", "agreements", "trainings", "events", "reported_figures")


def staged_tables(staging: Path) -> dict[str, list[dict]]:
    tables = {}
    for name in TABLES:
        path = staging / f"{name}.yaml"
        if path.exists():
            try:
                document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as err:
                raise SystemExit(f"{path}: YAML syntax error: {err}") from None
            records = document.get("records", []) if isinstance(document, dict) else document
            tables[name] = records or []
    return tables


def merge_into(data_dir: Path, staged: dict[str, list[dict]]) -> None:
    """Append staged records to each table file, keeping the file's header comments."""
    for name, records in staged.items():
        if not records:
            continue
        path = data_dir / f"{name}.yaml"
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
        block = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text + block, encoding="utf-8")


def staged_logs(folders: list[Path]) -> list[Path]:
    return [log for folder in folders for log in sorted((folder / "research").glob("*.yaml"))]


def copy_logs(logs: list[Path], data_dir: Path) -> None:
    for log in logs:
        shutil.copy2(log, data_dir / "research" / log.name)


def validate(data_dir: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from dashboard.cli import main

    return main(["validate", "--data-dir", str(data_dir)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("staging", type=Path, nargs="+")
    parser.add_argument("--logs", help="check only the research logs matching this glob")
    parser.add_argument("--merge", action="store_true", help="append to data/ once the copy validates")
    args = parser.parse_args(argv)
    staged: dict[str, list[dict]] = {}
    for folder in args.staging:
        for name, rows in staged_tables(folder).items():
            staged.setdefault(name, []).extend(rows)
    print("staged: " + ", ".join(f"{name} {len(rows)}" for name, rows in staged.items()))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(DATA, copy)
        if args.logs:
            for log in (copy / "research").glob("*.yaml"):
                if not log.match(args.logs):
                    log.unlink()
        merge_into(copy, staged)
        copy_logs(staged_logs(args.staging), copy)
        status = validate(copy)
    if status == 0 and args.merge:
        merge_into(DATA, staged)
        copy_logs(staged_logs(args.staging), DATA)
        print("merged into data/")
    return status


if __name__ == "__main__":
    sys.exit(main())
