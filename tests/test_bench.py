"""The benchmark and the load script run at a tiny size so they cannot rot. Nothing here
asserts a timing: budgets are compared by people, in BENCHMARKS.md."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import PROJECT

ROW_KEYS = {"metric", "size", "value", "unit", "budget"}


def test_benchmark_writes_rows_for_every_metric(tmp_path):
    out = tmp_path / "results.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "1500", "--browser-sizes", "", "--out", str(out)],
        cwd=PROJECT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    rows = json.loads(out.read_text())
    assert all(set(row) == ROW_KEYS for row in rows)
    metrics = {(row["metric"], row["size"]) for row in rows}
    for page in ("map", "timeline", "compare", "records", "sources"):
        for kind in ("rerun_ms", "baseline_ms", "app_over_baseline", "payload_kb"):
            assert (f"{kind}_{page}", 1500) in metrics
    assert ("peak_rss_mb", 1500) in metrics
    assert "rerun_ms_map" in completed.stdout  # the printed table


def run_module(*args: str) -> subprocess.CompletedProcess:
    """The scripts run as people run them: in their own process (and event loop)."""
    return subprocess.run([sys.executable, "-m", *args], cwd=PROJECT, capture_output=True, text=True, timeout=600)


@pytest.mark.browser
def test_browser_timings_run():
    completed = run_module("bench.browser", "shipped", "1")
    assert completed.returncode == 0, completed.stderr[-2000:]
    timings = json.loads(completed.stdout.strip().splitlines()[-1])
    assert timings["cold_start_s"] > 0 and timings["filter_change_s"] > 0


@pytest.mark.parametrize("mode", ["websocket", pytest.param("browser", marks=pytest.mark.browser)])
def test_load_script_runs_small_with_no_errors(tmp_path, mode):
    out = tmp_path / "load.json"
    completed = run_module("bench.load", "--mode", mode, "--sessions", "3", "--seconds", "8", "--out", str(out))
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["errors"] == 0 and result["reruns"] > 0 and result["sessions"] == 3 and result["mode"] == mode
