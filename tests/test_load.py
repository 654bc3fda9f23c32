"""The load script runs at a tiny size (3 readers, 1 s think, 8 s), on one process and on two
behind nginx, so it cannot rot. It must report every field with no errors; nothing here
asserts a timing (the figures are read by people, in BENCHMARKS.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from deploy.replicas import NGINX
from tests.conftest import PROJECT

FIELDS = {
    "sessions", "seconds", "reruns", "reruns_per_s", "p50_ms", "p95_ms", "max_ms", "errors", "replicas",
    "server_cpu_s_per_rerun", "server_rss_idle_mb", "server_rss_peak_mb", "rss_per_session_mb",
    "client_cpu_share", "load_average", "reruns_by_kind", "connected",
}


def run_load(tmp_path, *extra: str) -> dict:
    out = tmp_path / "load.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench.load", "--sessions", "3", "--think", "1", "--seconds", "8", "--out", str(out), *extra],
        cwd=PROJECT, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    assert "reruns_per_s" in completed.stdout  # the printed table
    return json.loads(out.read_text())


def check(row: dict, replicas: int) -> None:
    assert FIELDS <= set(row), FIELDS - set(row)
    assert row["errors"] == 0, row["error_samples"]
    assert row["sessions"] == 3 and row["connected"] == 3 and row["replicas"] == replicas
    assert row["reruns"] == sum(row["reruns_by_kind"].values()) and row["reruns_by_kind"]["open"] == 3
    assert row["reruns"] > 3  # every reader changed something after opening the link
    assert row["server_cpu_s_per_rerun"] > 0 and row["server_rss_peak_mb"] >= row["server_rss_idle_mb"] > 0
    assert 0 <= row["client_cpu_share"] <= 1


def test_one_process(tmp_path):
    check(run_load(tmp_path), replicas=1)


@pytest.mark.skipif(not os.path.exists(NGINX) and os.geteuid() != 0,
                    reason="nginx is not installed and this user cannot install it (scripts/test.sh does, as root)")
def test_two_replicas_behind_nginx(tmp_path):
    check(run_load(tmp_path, "--replicas", "2"), replicas=2)


def test_several_session_counts_write_one_row_each(tmp_path):
    out = tmp_path / "rows.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench.load", "--sessions", "1,2", "--think", "1", "--seconds", "3", "--out", str(out)],
        cwd=PROJECT, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    rows = json.loads(out.read_text())
    assert [row["sessions"] for row in rows] == [1, 2] and all(row["errors"] == 0 for row in rows)
