"""python -m bench [--sizes 10000,100000,1000000] [--browser-sizes shipped] [--out bench/results.json]

Prints a table and writes JSON rows {"metric", "size", "value", "unit", "budget"}. Each
dataset size runs in its own process so its peak memory is its own. Nothing here asserts a
timing: the budgets are in the rows for a person or a script to compare.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def worker_rows(size: str) -> list[dict]:
    completed = subprocess.run([sys.executable, "-m", "bench.worker", size], cwd=PROJECT, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def browser_rows(size: str, runs: int) -> list[dict]:
    from bench.browser import measure
    from bench.synthetic import dataset_for

    count = len(dataset_for(size).records) if size == "shipped" else int(size)
    cold, change = measure(size, runs)
    return [
        {"metric": "browser_cold_start_to_map_s", "size": count, "value": round(cold, 2), "unit": "s", "budget": 5 if size == "shipped" else None},
        {"metric": "browser_filter_change_to_map_s", "size": count, "value": round(change, 2), "unit": "s", "budget": 1 if size == "shipped" else None},
    ]


def verdict(row: dict) -> str:
    if row["budget"] is None:
        return ""
    return "ok" if row["value"] <= row["budget"] else "OVER"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="synthetic sizes; the curated data is always measured")
    parser.add_argument("--browser-sizes", default="shipped", help="sizes for the browser timings ('' for none)")
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "results.json")
    args = parser.parse_args(argv)
    sizes = ["shipped"] + [s for s in args.sizes.split(",") if s]
    rows: list[dict] = []
    for size in sizes:
        print(f"measuring {size} ...", file=sys.stderr)
        rows += worker_rows(size)
    for size in [s for s in args.browser_sizes.split(",") if s]:
        print(f"browser timings {size} ...", file=sys.stderr)
        rows += browser_rows(size, args.browser_runs)
    args.out.write_text(json.dumps(rows, indent=1) + "\n")
    print(f"{'metric':34} {'size':>9} {'value':>9} {'unit':6} {'budget':>7}  verdict")
    for row in rows:
        budget = "" if row["budget"] is None else row["budget"]
        print(f"{row['metric']:34} {row['size']:>9} {row['value']:>9} {row['unit']:6} {budget!s:>7}  {verdict(row)}")
    print(f"\nmachine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores; results in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
