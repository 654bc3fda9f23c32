#!/usr/bin/env bash
# Install the dashboard in .venv and start it on the bundled data at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
# streamlit run, plus one run of the app as soon as it answers (imports, data load), so the
# first reader does not wait for them (deploy/serve.py)
exec .venv/bin/python -m deploy.serve "$@"
