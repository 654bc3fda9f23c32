"""Browser timings in headless Chromium: cold start to a drawn map, and a filter change to
the map redrawn. Each run starts a fresh server process; the drawn moment is the one the page
records itself (bench/coldstart.py), with the browser open before the server starts."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.coldstart import SHAPES, blank_page, open_until_drawn, wait_health
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, stop_process

PROJECT = Path(__file__).resolve().parents[1]


def _serve(size: str, port: int, log) -> subprocess.Popen:
    """The curated data starts exactly as a user starts it; synthetic sizes go through bench.serve."""
    start = ["-m", "streamlit", "run", "dashboard/app.py"] if size == "shipped" else ["-m", "bench.serve", size]
    command = [sys.executable, *start, "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())


def one_run(browser, size: str) -> tuple[float, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    context, page = blank_page(browser)  # the reader's browser is open before the server starts
    with open(os.devnull, "w") as log:
        started = time.perf_counter()
        server = _serve(size, port, log)
        try:
            wait_health(url, server)
            opened, seconds, _ = open_until_drawn(page, url, timeout_ms=300_000)
            cold = opened + seconds - started
            before = page.locator(SHAPES).count()
            clicked = time.perf_counter()
            page.get_by_text("Anti-epidemic items only", exact=True).click()
            page.wait_for_function(f"n => document.querySelectorAll('{SHAPES}').length !== n", arg=before, timeout=300_000)
            change = time.perf_counter() - clicked
            return cold, change
        finally:
            context.close()
            stop_process(server)


def measure(size: str, runs: int = 5) -> tuple[float, float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = [one_run(browser, size) for _ in range(runs)]
        browser.close()
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


if __name__ == "__main__":
    import json

    cold, change = measure(sys.argv[1] if len(sys.argv) > 1 else "shipped", int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    print(json.dumps({"cold_start_s": round(cold, 2), "filter_change_s": round(change, 2)}))
