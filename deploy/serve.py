"""One app process, run once as soon as it answers: `python -m deploy.serve [streamlit options]`.

`streamlit run` imports the app's modules and loads the data only when the first reader
connects, so that reader waits for them (about 0.8 s here). This starts the same server and,
as soon as its health check answers, runs the app once through Streamlit's script health
check, while the first browser is still loading Streamlit's JavaScript. scripts/run.sh
starts the app this way. Ctrl-C or SIGTERM stops the server (terminate, wait, kill).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from deploy.replicas import stop_process, wait_healthy

PROJECT = Path(__file__).resolve().parents[1]


def option(argv: list[str], name: str, default: str) -> str:
    """A streamlit option's value, given as `--name value` or `--name=value`."""
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return default


def warm(base_url: str, server: subprocess.Popen) -> None:
    try:
        wait_healthy(base_url + "_stcore/health", [server])
        urllib.request.urlopen(base_url + "_stcore/script-health-check", timeout=120).close()
    except (OSError, RuntimeError) as exc:  # a failed warm-up only means the first reader waits
        print(f"warm-up skipped: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    port = option(argv, "--server.port", "8501")
    base = option(argv, "--server.baseUrlPath", "").strip("/")
    url = f"http://127.0.0.1:{port}/" + (base + "/" if base else "")
    command = [sys.executable, "-m", "streamlit", "run", str(PROJECT / "dashboard" / "app.py"),
               "--server.scriptHealthCheckEnabled", "true", *argv]
    server = subprocess.Popen(command, cwd=PROJECT)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    threading.Thread(target=warm, args=(url, server), daemon=True).start()
    try:
        while server.poll() is None and not stopping.wait(0.2):
            pass
    except KeyboardInterrupt:  # Ctrl-C reached the server too; make sure it ends
        pass
    stop_process(server)
    return server.returncode

if __name__ == "__main__":
    sys.exit(main())
