"""deploy/replicas.py: two app processes behind Debian's nginx on free loopback ports. A real
rerun goes through nginx over the websocket, each browser (affinity cookie) stays on one
replica while different browsers spread over both, and a stop leaves nothing running.
deploy/serve.py (one process, warmed at start, as scripts/run.sh starts it) serves and stops."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from collections import defaultdict

import pytest

from bench.wsload import run_in_thread, run_readers
from deploy.replicas import AFFINITY_COOKIE, NGINX, Replicas, is_listening

pytestmark = pytest.mark.skipif(
    not os.path.exists(NGINX) and os.geteuid() != 0,
    reason="nginx is not installed and this user cannot install it (as root, scripts/test.sh runs apt-get install nginx)",
)


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    if not os.path.exists(NGINX):
        pytest.fail("nginx is missing: scripts/test.sh installs it (apt-get install -y nginx)")
    running = Replicas(2, run_dir=tmp_path_factory.mktemp("replicas"), access_log=True).start()
    yield running
    running.stop()


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": f"{AFFINITY_COOKIE}={cookie}"} if cookie else {})
    return urllib.request.urlopen(request, timeout=30)


def test_config_is_generated_in_the_run_folder_with_websocket_and_affinity(replicas):
    config = (replicas.run_dir / "nginx.conf").read_text()
    assert "proxy_http_version 1.1;" in config and "proxy_set_header Upgrade $http_upgrade;" in config
    assert "proxy_set_header Connection $connection_upgrade;" in config and "proxy_read_timeout 86400s;" in config
    assert "hash $affinity consistent;" in config
    for port in replicas.app_ports:
        assert f"server 127.0.0.1:{port}" in config
    assert replicas.app_ports == [replicas.port + 1, replicas.port + 2]  # consecutive ports


def test_a_real_rerun_works_through_nginx(replicas):
    tally = run_in_thread(lambda: run_readers(replicas.url, sessions=2, seconds=6, think=0.5, ramp=0))
    assert tally.errors == []
    kinds = {rerun.kind for rerun in tally.reruns}
    assert "open" in kinds and kinds - {"open"}, kinds  # the shared link ran, then at least one change


def test_replicas_are_warmed_and_the_warm_up_address_is_not_public(replicas):
    for url in replicas.backend_urls:
        with get(url + "_stcore/script-health-check") as response:
            assert response.status == 200
    with pytest.raises(urllib.error.HTTPError, match="404"):
        get(replicas.url + "_stcore/script-health-check")


def test_the_page_sets_an_affinity_cookie(replicas):
    with get(replicas.url) as response:
        assert response.status == 200
        assert f"{AFFINITY_COOKIE}=" in (response.headers.get("Set-Cookie") or "")


def test_each_browser_stays_on_one_replica_and_browsers_spread(replicas):
    cookies = [f"reader{i}" for i in range(20)]
    for _ in range(3):
        for cookie in cookies:
            get(replicas.url + "_stcore/health", cookie).close()
    served = defaultdict(set)
    for line in (replicas.run_dir / "access.log").read_text().splitlines():
        match = re.search(r"_stcore/health.* (127\.0\.0\.1:\d+) affinity=(reader\d+)$", line)
        if match:
            served[match[2]].add(match[1])
    assert set(served) == set(cookies)
    assert all(len(upstreams) == 1 for upstreams in served.values()), served
    assert set().union(*served.values()) == {f"127.0.0.1:{port}" for port in replicas.app_ports}


def test_stop_ends_every_process_and_closes_the_ports(tmp_path):
    running = Replicas(2, run_dir=tmp_path / "run").start()
    processes = running.processes
    ports = [running.port, *running.app_ports]
    assert all(is_listening(port) for port in ports)
    running.stop()
    assert all(process.poll() is not None for process in processes)
    assert not any(is_listening(port) for port in ports)


def test_single_process_launcher_serves_and_stops(tmp_path):
    """scripts/run.sh's way to start one process (deploy/serve.py): streamlit run plus a
    warm-up run; a reader's rerun works and SIGTERM ends it."""
    import signal
    import subprocess
    import sys

    from deploy.replicas import wait_healthy
    from tests.browser.conftest import free_port
    from tests.conftest import PROJECT

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen([sys.executable, "-m", "deploy.serve", "--server.port", str(port), "--server.headless", "true"],
                                  cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(url + "_stcore/health", [server])
            tally = run_in_thread(lambda: run_readers(url, sessions=1, seconds=3, think=0.5, ramp=0))
            assert tally.errors == [] and len(tally.reruns) > 1
        finally:
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=30) == 0
    assert not is_listening(port)
