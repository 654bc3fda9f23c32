#!/usr/bin/env bash
# Install everything the tests need (Debian's chromium and nginx, the package
# with its test extra in .venv) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium for the browser tests, Debian's nginx for the replica tests (deploy/).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need Debian's ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
# plotly's geo bundle, which the maps use and the tests check (deploy/assets.py)
.venv/bin/python -m deploy.assets
exec .venv/bin/python -m pytest "$@"
