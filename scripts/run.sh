#!/usr/bin/env bash
# Install the dashboard in .venv and start it on the bundled data at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
# plotly's geo bundle for the maps (from the npm registry, checked against its pinned hash);
# without it the maps are drawn with the full plotly.js, more slowly
.venv/bin/python -m deploy.assets || echo "Continuing: maps will load the full plotly.js." >&2
# streamlit run, plus one run of the app as soon as it answers (imports, data load), so the
# first reader does not wait for them (deploy/serve.py)
exec .venv/bin/python -m deploy.serve "$@"
