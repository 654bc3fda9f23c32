"""Cold start and first view, with where the seconds go.

    python -m bench.coldstart [--runs 3] [--out bench/coldstart.json]

Three timings in the same headless Chromium (a new context, so an empty cache, each time):

- cold start: app process started -> the map's country shapes drawn, opening the page as soon
  as the server answers its health check; once with `streamlit run`, once the way
  scripts/run.sh starts it (deploy/serve.py: the app runs once as soon as it answers);
- shared link: a running, warmed server -> a reader opens a shared link (a filtered map) ->
  shapes drawn;
- floor: the same map figure saved as a static plotly HTML page (plotly.js and the base map
  served from loopback) -> shapes drawn. No app can draw the map faster than this page. It is
  drawn twice: with the bundle the app's maps use (plotly's geo bundle once deploy/assets.py
  has fetched it), which is the floor the app is compared with, and with the full plotly.js
  that `st.plotly_chart` loads.

The breakdown: server boot (process start -> health answered), the first script run on a
fresh server (imports of the app's modules and the data load) against a warm run, both read
from a protocol client, and in the browser the page's own resource timings (the app's
JavaScript, plotly's chunk, the base map).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.wsload import SHARED_LINK, run_in_thread, run_readers
from dashboard.ui import geo
from deploy.replicas import wait_healthy
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, stop_process

PROJECT = Path(__file__).resolve().parents[1]
WARMED_LAUNCHER = PROJECT / "deploy" / "serve.py"
SHAPES = ".js-plotly-plot .geo .choroplethlocation"
RESOURCES = """() => performance.getEntriesByType('resource').map(e => ({
    name: e.name, start: e.startTime, end: e.responseEnd, size: e.encodedBodySize, type: e.initiatorType}))"""
NAVIGATION = """() => { const n = performance.getEntriesByType('navigation')[0];
    return {response_end: n.responseEnd, dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }"""
# The moment the first country shape enters the page, recorded by the page itself (a mutation
# observer installed before any of its scripts run), in ms from navigation start. Polling from
# outside, as wait_for_selector does, notices it up to a few hundred ms late.
WATCH_DRAWN = f"""new MutationObserver((changes, observer) => {{
    if (document.querySelector('{SHAPES}')) {{ window.__atlasDrawn = performance.now(); observer.disconnect(); }}
}}).observe(document, {{childList: true, subtree: true}});"""


def blank_page(browser):
    """A new context (empty cache) and page, watching for the first country shape."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(WATCH_DRAWN)
    return context, context.new_page()


def open_until_drawn(page, url: str, timeout_ms: float = 120_000) -> tuple[float, float, dict]:
    """Open `url`; return (wall-clock time of the goto call, seconds from navigation start to
    the first country shape, the page's timings)."""
    opened = time.perf_counter()
    page.goto(url)
    page.wait_for_function("() => window.__atlasDrawn !== undefined", timeout=timeout_ms)
    drawn_ms = page.evaluate("() => window.__atlasDrawn")
    return opened, drawn_ms / 1000, page_timings(page, drawn_ms)


def open_in_new_context(browser, url: str) -> tuple[float, dict]:
    context, page = blank_page(browser)
    try:
        _, seconds, timings = open_until_drawn(page, url)
    finally:
        context.close()
    return seconds, timings


def start_app(port: int, log, warmed: bool = False) -> subprocess.Popen:
    """`streamlit run`, or (warmed) scripts/run.sh's way: deploy/serve.py runs the app once
    as soon as it answers, while the browser loads."""
    start = ["-m", "deploy.serve"] if warmed else ["-m", "streamlit", "run", "dashboard/app.py"]
    command = [sys.executable, *start, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())


def wait_health(url: str, server: subprocess.Popen, timeout: float = 300) -> None:
    """As a person would: open the page the moment the server answers."""
    wait_healthy(url + "_stcore/health", [server], timeout, poll=0.02)


def page_timings(page, drawn: float) -> dict:
    """Where the page's time went, in ms from navigation start."""
    nav = page.evaluate(NAVIGATION)
    resources = page.evaluate(RESOURCES)
    scripts = [r for r in resources if r["name"].endswith(".js")]
    plotly = [r for r in scripts if "plotly" in r["name"].lower()] or sorted(scripts, key=lambda r: -r["size"])[:1]
    topo = [r for r in resources if "topojson" in r["name"]]
    return {
        "html_ms": round(nav["response_end"]),
        "dom_content_loaded_ms": round(nav["dom_content_loaded"]),
        "scripts_loaded_ms": round(max((r["end"] for r in scripts), default=0)),
        "scripts_kb": round(sum(r["size"] for r in scripts) / 1024),
        "plotly_chunk_ms": [round(plotly[0]["start"]), round(plotly[0]["end"])] if plotly else None,
        "plotly_chunk_kb": round(plotly[0]["size"] / 1024) if plotly else None,
        "basemap_ms": [round(topo[0]["start"]), round(topo[0]["end"])] if topo else None,
        "map_drawn_ms": round(drawn),
    }


def cold_run(browser, warmed: bool = False) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    context, page = blank_page(browser)  # the reader's browser is open before the server starts
    with open(os.devnull, "w") as log:
        started = time.perf_counter()
        server = start_app(port, log, warmed)
        try:
            wait_health(url, server)
            healthy = time.perf_counter()
            opened, seconds, timings = open_until_drawn(page, url, timeout_ms=300_000)
            drawn = opened + seconds
        finally:
            context.close()
            stop_process(server)
    return {"cold_start_s": round(drawn - started, 2), "server_boot_s": round(healthy - started, 2),
            "browser_after_boot_s": round(drawn - healthy, 2), "page": timings}


def first_runs() -> dict:
    """A fresh server's first script run (module imports, data load) against a warm one."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with open(os.devnull, "w") as log:
        server = start_app(port, log)
        try:
            wait_health(url, server)
            first = asyncio.run(run_readers(url, 1, 0.1, think=0, ramp=0, query=""))
            warm = asyncio.run(run_readers(url, 1, 0.1, think=0, ramp=0, query=""))
        finally:
            stop_process(server)
    assert not first.errors and not warm.errors, first.errors + warm.errors
    return {"first_run_s": round(first.reruns[0].seconds, 3), "warm_run_s": round(warm.reruns[0].seconds, 3)}


def shared_link_runs(browser, runs: int) -> list[dict]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    results = []
    with open(os.devnull, "w") as log:
        server = start_app(port, log)
        try:
            wait_health(url, server)
            run_in_thread(lambda: run_readers(url, 1, 0.1, think=0, ramp=0))  # someone opened it before
            for _ in range(runs):
                seconds, timings = open_in_new_context(browser, url + "?" + SHARED_LINK)
                results.append({"shared_link_s": round(seconds, 2), "page": timings})
        finally:
            stop_process(server)
    return results


def static_figure(folder: Path, bundle: Path | None = None) -> Path:
    """The shared link's map as a static page: plotly.js (or `bundle`, a partial build put in
    its place) beside it, the base map in topojson/."""
    from dashboard.analysis.counts import count_by_country
    from dashboard.analysis.filters import Filters
    from dashboard.analysis.markers import city_markers
    from dashboard.analysis.prepared import prepare
    from dashboard.data import load_dataset
    from dashboard.figures.maps import record_map
    from dashboard.figures.theme import PLOTLY_CONFIG, colour_map

    prepared = prepare(load_dataset(None))
    data = prepared.data
    filters = Filters(record_types=("deployment",))
    chosen, places = filters.mask(data), filters.place_links(data)
    figure = record_map(count_by_country(data, chosen, places), city_markers(data, chosen, "technology"),
                        colour_map(prepared.ranking["technology"]), "technology", filters.describe(prepared.names))
    shutil.copytree(PROJECT / "dashboard" / "static" / "topojson", folder / "topojson")
    page = folder / "map.html"
    figure.write_html(page, include_plotlyjs="directory", config=PLOTLY_CONFIG | {"topojsonURL": "topojson/"},
                      default_width="1360px", default_height="600px")
    if bundle is not None:
        shutil.copyfile(bundle, folder / "plotly.min.js")
    return page


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def floor_runs(browser, runs: int, bundle: Path | None = None) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="atlas-floor-"))
    try:
        static_figure(folder, bundle)
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/map.html"
        results = []
        try:
            for _ in range(runs):
                seconds, timings = open_in_new_context(browser, url)
                results.append({"static_page_s": round(seconds, 2), "page": timings})
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def median_of(rows: list[dict], key: str) -> float:
    return round(statistics.median(row[key] for row in rows), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "coldstart.json")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    runs = [first_runs() for _ in range(args.runs)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cold, warmed = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            cold.append(cold_run(browser))
            if WARMED_LAUNCHER.exists():
                warmed.append(cold_run(browser, warmed=True))
        link = shared_link_runs(browser, args.runs)
        floor = floor_runs(browser, args.runs, geo.BUNDLE if geo.bundle_ready() else None)
        floor_full = floor_runs(browser, args.runs) if geo.bundle_ready() else floor
        browser.close()
    summary = {
        "cold_start_s": median_of(cold, "cold_start_s"),
        "cold_start_warmed_s": median_of(warmed, "cold_start_s") if warmed else None,
        "server_boot_s": median_of(cold, "server_boot_s"),
        "first_script_run_s": median_of(runs, "first_run_s"),
        "warm_script_run_s": median_of(runs, "warm_run_s"),
        "shared_link_s": median_of(link, "shared_link_s"),
        "maps_drawn_with": "plotly geo bundle" if geo.bundle_ready() else "full plotly.js",
        "static_page_floor_s": median_of(floor, "static_page_s"),
        "static_page_full_plotly_s": median_of(floor_full, "static_page_s"),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    result = {"summary": summary, "cold": cold, "cold_warmed": warmed, "script_runs": runs, "shared_link": link, "floor": floor,
              "floor_full_plotly": floor_full}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
