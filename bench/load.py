"""Concurrent users against one app on loopback, changing filters on the map page.

    python -m bench.load [--mode websocket|browser] [--sessions 20] [--seconds 60] [--out bench/load.json]

websocket (default): N Streamlit protocol clients (bench/wsload.py); latency is the server's
time to finish a rerun for that user. browser: N headless-Chromium sessions; latency is a
click to the totals line showing the new counts, which on two cores also measures N
browsers rendering maps. Both are bounded in time and iterations and only talk to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import async_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LOCAL_PREFIXES, RunningApp

TOTALS = "[data-testid='stCaptionContainer']"
MAX_ITERATIONS = 10_000


async def session(browser, url: str, deadline: float, latencies: list[float], errors: list[str], external: list[str]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else external.append(r.url))
    try:
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(TOTALS, timeout=120_000)
        toggle = page.get_by_text("Anti-epidemic items only", exact=True)
        for _ in range(MAX_ITERATIONS):
            if time.monotonic() > deadline:
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
    latencies: list[float] = []
    errors: list[str] = []
    external: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(session(browser, url, deadline, latencies, errors, external) for _ in range(sessions)))
        await browser.close()
    return latencies, errors + [f"external request: {u}" for u in external]


def summarise(mode: str, sessions: int, seconds: float, latencies: list[float], errors: list[str]) -> dict:
    ordered = sorted(latencies)
    return {
        "mode": mode,
        "sessions": sessions,
        "seconds": seconds,
        "reruns": len(latencies),
        "p50_ms": round(1000 * statistics.median(ordered), 1) if ordered else None,
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
        "max_ms": round(1000 * ordered[-1], 1) if ordered else None,
        "errors": len(errors),
        "error_samples": errors[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["websocket", "browser"], default="websocket")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--out", type=Path, default=Path("bench/load.json"))
    args = parser.parse_args(argv)
    app = RunningApp()
    try:
        if args.mode == "browser":
            latencies, errors = asyncio.run(run_browsers(args.sessions, args.seconds, app.url))
        else:
            from bench.wsload import run as run_clients

            latencies, errors = asyncio.run(run_clients(app.port, args.sessions, args.seconds))
        result = summarise(args.mode, args.sessions, args.seconds, latencies, errors)
    finally:
        app.stop()
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
