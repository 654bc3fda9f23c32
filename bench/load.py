"""Concurrent readers against the app on loopback: one process, or replicas behind nginx.

    python -m bench.load [--sessions 20,50,100,200] [--seconds 60] [--think 5] [--replicas 1]
                         [--mode websocket|browser] [--out bench/load.json]

websocket (default): N readers speaking Streamlit's protocol (bench/wsload.py). Each opens a
shared link (a filtered map), thinks for --think seconds (jittered 0.5x-1.5x), changes one
filter, the marker colouring or the page, and repeats; readers arrive spread over the first
think time. Latency is the server's time to finish that rerun for that reader.

--replicas N (N >= 2) starts N app processes behind Debian's nginx with sticky sessions
(deploy/replicas.py) and drives them through nginx.

Each row reports reruns/s, p50/p95/max latency, errors, the server's CPU seconds per rerun
and resident memory (the whole process tree, nginx included: idle, peak, and the growth per
session), the load client's own CPU share of the machine and the load average. A fresh
server is started for every session count. Exit status is 1 if any run had an error.

browser: N headless-Chromium sessions flipping a filter; latency is a click to the totals
line showing the new counts, which on two cores also measures N browsers rendering maps.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LOCAL_PREFIXES, RunningApp

TOTALS = "[data-testid='stCaptionContainer']"
MAX_ITERATIONS = 10_000


# --- browser mode (unchanged model: flip one filter as fast as the page allows) -------------

async def session(browser, url: str, deadline: float, latencies: list[float], errors: list[str], external: list[str]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else external.append(r.url))
    try:
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(TOTALS, timeout=120_000)
        # as after every click below, a reader waits for the map before the first click: a map
        # replaced while plotly still loads its base map raises plotly.js's own geo error
        # ("reading '_scrollZoom'" on a purged chart), a race inside plotly, not in the app
        await page.wait_for_selector(".js-plotly-plot .geo .choroplethlocation", state="attached", timeout=120_000)
        toggle = page.get_by_text("Anti-epidemic items only", exact=True)
        for done in range(MAX_ITERATIONS):
            if done and time.monotonic() > deadline:  # every reader makes at least one change
                break
            before = await page.locator(TOTALS).first.inner_text()
            started = time.monotonic()
            await toggle.click()
            await page.wait_for_function(
                "([sel, old]) => { const e = document.querySelector(sel); return e && e.innerText !== old; }",
                arg=[TOTALS, before], timeout=60_000,
            )
            latencies.append(time.monotonic() - started)
            # as a person would, wait for the run to end and the map to be drawn before the next click
            await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
            await page.wait_for_selector(".js-plotly-plot .geo .choroplethlocation", state="attached", timeout=60_000)
            if await page.locator("[data-testid='stException']").count():
                errors.append("exception shown on the page")
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the others
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def run_browsers(sessions: int, seconds: float, url: str) -> tuple[list[float], list[str]]:
    from playwright.async_api import async_playwright

    latencies: list[float] = []
    errors: list[str] = []
    external: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(session(browser, url, deadline, latencies, errors, external) for _ in range(sessions)))
        await browser.close()
    return latencies, errors + [f"external request: {u}" for u in external]


# --- measuring the server's process tree ------------------------------------------------------

class TreeMonitor:
    """CPU seconds and resident memory of some processes and all their descendants, sampled in a thread."""

    def __init__(self, pids: list[int], interval: float = 0.5):
        self.roots = [psutil.Process(pid) for pid in pids]
        self.interval = interval
        self.peak_rss = 0
        self._known: dict[int, psutil.Process] = {}
        self._cpu_seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _processes(self) -> list[psutil.Process]:
        found = []
        for root in self.roots:
            try:
                found += [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                pass
        for proc in found:  # keep the same Process objects so cpu_times stay comparable
            self._known.setdefault(proc.pid, proc)
        return [self._known[p.pid] for p in found]

    def rss(self) -> int:
        total = 0
        for proc in self._processes():
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def cpu(self) -> float:
        """CPU seconds used so far by every process of the tree seen alive at some sample."""
        for proc in self._processes():
            try:
                times = proc.cpu_times()
                self._cpu_seen[proc.pid] = times.user + times.system
            except psutil.Error:
                pass
        return sum(self._cpu_seen.values())

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_rss = max(self.peak_rss, self.rss())
            self.cpu()

    def __enter__(self) -> "TreeMonitor":
        self.peak_rss = self.rss()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def percentile(ordered: list[float], share: float) -> float | None:
    return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1) if ordered else None


def summarise(mode: str, sessions: int, seconds: float, latencies: list[float], errors: list[str], **extra) -> dict:
    ordered = sorted(latencies)
    return {
        "mode": mode,
        "sessions": sessions,
        "seconds": seconds,
        "reruns": len(latencies),
        "reruns_per_s": round(len(latencies) / seconds, 2),
        "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
        "p95_ms": percentile(ordered, 0.95),
        "max_ms": round(1000 * ordered[-1], 1) if ordered else None,
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        **extra,
    }


# --- one measured run -------------------------------------------------------------------------

def start_server(replicas: int):
    """One app process as a user starts it, or `replicas` of them behind nginx."""
    if replicas <= 1:
        return RunningApp()
    from deploy.replicas import Replicas

    return Replicas(replicas).start()


def backend_urls(server) -> list[str]:
    return list(getattr(server, "backend_urls", [server.url]))


def server_pids(server) -> list[int]:
    """The app process, or every app process and nginx's master (its workers are its children)."""
    return [p.pid for p in getattr(server, "processes", None) or [server.process]]


def run_websocket(sessions: int, seconds: float, think: float, replicas: int, link: str | None = None) -> dict:
    from bench.wsload import SHARED_LINK, run_readers

    server = start_server(replicas)
    try:
        for url in backend_urls(server):  # the first run loads the data; readers should not pay for it
            asyncio.run(run_readers(url, 1, 0.1, think=0, ramp=0))
        me = psutil.Process()
        with TreeMonitor(server_pids(server)) as tree:
            idle_rss = tree.rss()
            cpu_before, mine_before = tree.cpu(), me.cpu_times()
            load_before = os.getloadavg()[0]
            started = time.monotonic()
            tally = asyncio.run(run_readers(server.url, sessions, seconds, think, query=link or SHARED_LINK))
            wall = time.monotonic() - started
            cpu_after, mine_after = tree.cpu(), me.cpu_times()
            load_after = os.getloadavg()[0]
        reruns = len(tally.reruns)
        client_cpu = (mine_after.user - mine_before.user) + (mine_after.system - mine_before.system)
        opened = sorted(r.seconds for r in tally.reruns if r.kind == "open")
        return summarise(
            "websocket", sessions, round(wall, 1), [r.seconds for r in tally.reruns], tally.errors,
            replicas=replicas,
            think_s=think,
            connected=tally.connected,
            reruns_by_kind={k: sum(r.kind == k for r in tally.reruns) for k in ("open", "toggle", "radio", "page")},
            open_p95_ms=percentile(opened, 0.95),
            server_cpu_s_per_rerun=round((cpu_after - cpu_before) / reruns, 4) if reruns else None,
            server_cpu_share=round((cpu_after - cpu_before) / (wall * os.cpu_count()), 3),
            server_rss_idle_mb=round(idle_rss / 2**20, 1),
            server_rss_peak_mb=round(tree.peak_rss / 2**20, 1),
            rss_per_session_mb=round((tree.peak_rss - idle_rss) / 2**20 / sessions, 2),
            client_cpu_share=round(client_cpu / (wall * os.cpu_count()), 3),
            load_average=[round(load_before, 2), round(load_after, 2)],
        )
    finally:
        server.stop()


def run_browser_mode(sessions: int, seconds: float) -> dict:
    server = RunningApp()
    try:
        latencies, errors = asyncio.run(run_browsers(sessions, seconds, server.url))
        return summarise("browser", sessions, seconds, latencies, errors, load_average=round(os.getloadavg()[0], 2))
    finally:
        server.stop()


COLUMNS = ("replicas", "sessions", "reruns_per_s", "p50_ms", "p95_ms", "max_ms", "errors", "server_cpu_s_per_rerun",
           "rss_per_session_mb", "server_rss_peak_mb", "client_cpu_share", "load_average")


def table(rows: list[dict]) -> str:
    lines = ["  ".join(f"{c:>12}" for c in COLUMNS)]
    for row in rows:
        lines.append("  ".join(f"{str(row.get(c, '')):>12}" for c in COLUMNS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["websocket", "browser"], default="websocket")
    parser.add_argument("--sessions", default="20,50,100,200", help="one count or several, comma-separated")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between a reader's changes (s)")
    parser.add_argument("--replicas", type=int, default=1, help="app processes; 2 or more run behind nginx")
    parser.add_argument("--link", default=None, help="the shared link's query string (default: bench/wsload.py SHARED_LINK)")
    parser.add_argument("--out", type=Path, default=Path("bench/load.json"),
                        help="JSON: one row for one session count, a list of rows for several")
    args = parser.parse_args(argv)
    counts = [int(c) for c in str(args.sessions).split(",") if c]
    rows = []
    for count in counts:
        print(f"{count} sessions, {args.replicas} process(es) ...", file=sys.stderr)
        if args.mode == "browser":
            rows.append(run_browser_mode(count, args.seconds))
        else:
            rows.append(run_websocket(count, args.seconds, args.think, args.replicas, args.link))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print(table(rows) if args.mode == "websocket" else json.dumps(rows, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows[0] if len(rows) == 1 else rows, indent=2) + "\n")
    return 0 if all(row["errors"] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
