"""One dataset size in its own process (so peak RSS is that size's): server rerun time per
page through the real app (AppTest), a bare pandas baseline, and bytes sent per page."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from bench.synthetic import dataset_for

PAGES = ["map", "timeline", "compare", "records", "sources"]
APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
REPEATS = 5


def payload_bytes(node) -> int:
    """Protobuf bytes of every element in the rendered tree: what the server sends the browser."""
    total = 0
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ByteSize"):
        total += proto.ByteSize()
    for child in getattr(node, "children", {}).values():
        total += payload_bytes(child)
    return total


def baseline(data, page: str, epidemic: bool) -> None:
    """The same filter and the page's main aggregation with plain masks and groupby."""
    r = data.records
    mask = (r["date_start"] >= "2019-01-01") & (r["date_end"] <= "2021-12-31")
    if epidemic:
        mask &= r["anti_epidemic"]
    ids = r.loc[mask, "id"]
    links = data.record_countries if page in ("map", "sources") else data.record_companies
    kept = links[links["record_id"].isin(ids)]
    if page == "timeline":
        quarters = r.loc[mask, "date_start"].dt.to_period("Q")
        quarters.groupby(quarters).size()
    key = "country" if page in ("map", "sources") else "company"
    kept.groupby(key, observed=True).size()
    if page == "records":
        r.loc[mask].head(1000)


def median_ms(samples: list[float]) -> float:
    return round(1000 * statistics.median(samples), 1)


def measure(size: str) -> list[dict]:
    started = time.perf_counter()
    data = dataset_for(size)
    build_s = time.perf_counter() - started
    count = len(data.records)
    import dashboard.ui.loading as loading

    loading.load_dataset = lambda *_args, **_kwargs: data  # the app loads this dataset through its own cached loader
    rows = [{"metric": "dataset_build_s", "size": count, "value": round(build_s, 2), "unit": "s", "budget": None}]
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    for page in PAGES:
        if page != "map":
            at.switch_page(f"views/{page}.py").run()
        times, bases = [], []
        for i in range(REPEATS):
            epidemic = i % 2 == 0
            t0 = time.perf_counter()
            at.toggle(key="epidemic").set_value(epidemic).run()
            times.append(time.perf_counter() - t0)
            assert not at.exception, [e.value for e in at.exception]
            t0 = time.perf_counter()
            baseline(data, page, epidemic)
            bases.append(time.perf_counter() - t0)
        app_ms, base_ms = median_ms(times), median_ms(bases)
        budget = 150 if size == "shipped" else (1000 if count >= 1_000_000 else None)
        rows += [
            {"metric": f"rerun_ms_{page}", "size": count, "value": app_ms, "unit": "ms", "budget": budget},
            {"metric": f"baseline_ms_{page}", "size": count, "value": base_ms, "unit": "ms", "budget": None},
            {"metric": f"app_over_baseline_{page}", "size": count, "value": round(app_ms / max(base_ms, 0.1), 1), "unit": "ratio",
             "budget": 3 if count >= 1_000_000 else None},
            {"metric": f"payload_kb_{page}", "size": count, "value": round(payload_bytes(at._tree) / 1024, 1), "unit": "kB", "budget": 1024},
        ]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append({"metric": "peak_rss_mb", "size": count, "value": round(rss_mb), "unit": "MB",
                 "budget": 1536 if count >= 1_000_000 else None})
    return rows


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
