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
    """The same filter and the same aggregations the page shows, in plain pandas: boolean
    masks, links picked by row, groupby. No app, no figures, no widgets, no serialisation."""
    r = data.records
    mask = ((r["date_start"] >= "2019-01-01") & (r["date_end"] <= "2021-12-31")).to_numpy()
    if epidemic:
        mask = mask & r["anti_epidemic"].to_numpy()

    def picked(link):
        return link[mask[link["row"].to_numpy()]]

    countries, companies = picked(data.record_countries), picked(data.record_companies)
    countries["country"].nunique(), companies["company"].nunique()  # the totals line
    if page == "map":
        countries.groupby("country", observed=True).size()
        place = r["place"].to_numpy()[companies["row"].to_numpy()]
        companies.assign(place=place)[place >= 0].groupby(["place", "company"], observed=True).size()
    elif page == "timeline":
        selected = r[mask]
        quarter = selected["date_start"].dt.to_period("Q")
        by_row = pd.Series(quarter.to_numpy(), index=selected.index)
        companies.assign(q=by_row.reindex(companies["row"]).to_numpy()).groupby(["q", "company"], observed=True).size()
        selected[selected["record_type"] == "agreement"].sort_values("date_start").head(200)
    elif page == "compare":
        for window in (("2018-01-01", "2019-12-31"), ("2020-01-01", "2021-12-31")):
            inside = ((r["date_start"] >= window[0]) & (r["date_end"] <= window[1])).to_numpy()
            if epidemic:
                inside = inside & r["anti_epidemic"].to_numpy()
            for link, key in ((data.record_companies, "company"), (data.record_technologies, "technology"),
                              (data.record_countries, "region"), (data.record_countries, "country")):
                link[inside[link["row"].to_numpy()]].groupby(key, observed=True).size()
            r.loc[inside, "mode"].value_counts()
    elif page == "records":
        r[mask].sort_values(["date_start", "id"]).head(100)


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
    app_times, payloads = {}, {}
    for page in PAGES:  # the app first, so the peak memory below is the app's, not the baseline's
        if page != "map":
            at.switch_page(f"views/{page}.py").run()
        times = []
        for i in range(REPEATS):
            t0 = time.perf_counter()
            at.toggle(key="epidemic").set_value(i % 2 == 0).run()
            times.append(time.perf_counter() - t0)
            assert not at.exception, [e.value for e in at.exception]
        app_times[page], payloads[page] = median_ms(times), payload_bytes(at._tree)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for page in PAGES:
        bases = []
        for i in range(REPEATS):
            t0 = time.perf_counter()
            baseline(data, page, i % 2 == 0)
            bases.append(time.perf_counter() - t0)
        app_ms, base_ms = app_times[page], median_ms(bases)
        budget = 150 if size == "shipped" else (1000 if count >= 1_000_000 else None)
        rows += [
            {"metric": f"rerun_ms_{page}", "size": count, "value": app_ms, "unit": "ms", "budget": budget},
            {"metric": f"baseline_ms_{page}", "size": count, "value": base_ms, "unit": "ms", "budget": None},
            {"metric": f"app_over_baseline_{page}", "size": count, "value": round(app_ms / max(base_ms, 0.1), 1), "unit": "ratio",
             "budget": 3 if count >= 1_000_000 else None},
            {"metric": f"payload_kb_{page}", "size": count, "value": round(payloads[page] / 1024, 1), "unit": "kB", "budget": 1024},
        ]
    rows.append({"metric": "peak_rss_mb", "size": count, "value": round(rss_mb), "unit": "MB",
                 "budget": 1536 if count >= 1_000_000 else None})
    return rows + search_rows(data, count)


SEARCHES = ["belgrade", "sao paulo", "huawei safe city", '"facial recognition" kenya']


def search_rows(data, count: int) -> list[dict]:
    """Full-text search: the one-off build of the folded text (on a dataset's first search),
    its size, and a search filter over every record (median of the queries above)."""
    from dashboard.analysis.filters import Filters

    t0 = time.perf_counter()
    text = data.search_text
    build_s = time.perf_counter() - t0
    everything = Filters.everything()
    times = []
    for query in SEARCHES * 2:
        t0 = time.perf_counter()
        everything.with_(search=query).mask(data)
        times.append(time.perf_counter() - t0)
    return [
        {"metric": "search_index_build_s", "size": count, "value": round(build_s, 2), "unit": "s", "budget": None},
        {"metric": "search_index_mb", "size": count, "value": round(text.nbytes / 2**20), "unit": "MB", "budget": None},
        {"metric": "search_filter_ms", "size": count, "value": median_ms(times), "unit": "ms",
         "budget": 1000 if count >= 1_000_000 else None},
    ]


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
