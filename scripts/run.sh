#!/usr/bin/env bash
# Install the dashboard in .venv and start it on the bundled data at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
exec .venv/bin/streamlit run dashboard/app.py "$@"
