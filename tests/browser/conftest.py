"""A real app on a free loopback port and a real headless Chromium (Debian's package)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from deploy.replicas import stop_process, wait_healthy  # noqa: F401 - stop_process is shared with bench/

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium phones home at start-up.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningApp:
    def __init__(self, env: dict | None = None, base_path: str = ""):
        self.port = free_port()
        self.base_path = base_path.strip("/")
        command = [
            sys.executable, "-m", "streamlit", "run", str(PROJECT / "dashboard" / "app.py"),
            "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
        ]
        if self.base_path:
            command += ["--server.baseUrlPath", self.base_path]
        ARTIFACTS.mkdir(exist_ok=True)  # a fresh clone has no test-artifacts/ until something makes it
        self.log = open(ARTIFACTS / f"streamlit-{self.port}.log", "w")
        self.process = subprocess.Popen(command, cwd=PROJECT, env=os.environ | (env or {}), stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/" + (self.base_path + "/" if self.base_path else "")

    def _wait(self, timeout: float = 60) -> None:
        try:
            wait_healthy(self.url + "_stcore/health", [self.process], timeout)
        except RuntimeError as error:
            raise RuntimeError(f"the app did not start ({error}); see {self.log.name}") from None

    def stop(self) -> None:
        stop_process(self.process)
        self.log.close()


@pytest.fixture(scope="session")
def app():
    ARTIFACTS.mkdir(exist_ok=True)
    running = RunningApp()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records every request leaving the machine; the test fails on one."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.external_requests = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else page.external_requests.append(r.url))
    page.set_default_timeout(30000)
    yield page
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert page.external_requests == [], f"requests left the machine: {page.external_requests}"
