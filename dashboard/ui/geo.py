"""Maps drawn with plotly's geo bundle instead of the full plotly.js.

`st.plotly_chart` loads all of plotly.js (4.7 MB) before it can draw anything; a reader who
opens a shared link spends about a second of the first view parsing chart types the map
does not use. Plotly publishes a partial bundle with only the geo traces (1.4 MB, the same
plotly.js release as the Python package's). `deploy/assets.py` fetches it into
`dashboard/static/vendor/`, and this component draws a map with it from the app's own
static files; if the bundle has not been fetched, maps fall back to `st.plotly_chart`, so
the app works either way and is only slower.

The component keeps what the map page relies on from `st.plotly_chart`: the figure
redrawn in place on a rerun (`Plotly.react`), the chart's width following the page, and a
click on a country reported to Python, kept until the next click (widget state).
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from types import SimpleNamespace

import plotly.graph_objects as go
import streamlit as st

BUNDLE = Path(__file__).resolve().parents[1] / "static" / "vendor" / "plotly-geo.min.js"
BUNDLE_URL = "app/static/vendor/plotly-geo.min.js"

# Plain JavaScript, no build step. The bundle is loaded once per page and shared by every
# map; the script tag resolves against the page's address, like plotly's base map does.
SCRIPT = """
let loading = null;
function plotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = new URL(url, document.baseURI).href;
      tag.onload = () => resolve(window.Plotly);
      tag.onerror = () => { loading = null; reject(new Error('could not load ' + url)); };
      document.head.appendChild(tag);
    });
  }
  return loading;
}

export default function (component) {
  const { parentElement, data, setStateValue } = component;
  let box = parentElement.querySelector('.atlas-geo');
  if (!box) {
    box = document.createElement('div');
    box.className = 'atlas-geo';
    box.style.width = '100%';
    parentElement.appendChild(box);
  }
  const figure = JSON.parse(data.figure);
  // The app's own font and text colour, as st.plotly_chart's theme gives its charts.
  const page = getComputedStyle(parentElement);
  figure.layout.font = Object.assign({}, figure.layout.font, { family: page.fontFamily, color: page.color });
  if (figure.layout.title) {
    figure.layout.title.font = Object.assign({ weight: 600 }, figure.layout.title.font);
  }
  box.style.height = (figure.layout.height || 450) + 'px';
  plotly(data.bundle).then((Plotly) => {
    Plotly.react(box, figure.data, figure.layout, data.config);
    if (data.clicks && !box.atlasClicks) {
      box.atlasClicks = true;
      box.on('plotly_click', (event) => {
        const points = (event.points || []).map((point) => ({
          location: point.location ?? null, lat: point.lat ?? null, lon: point.lon ?? null,
          curve_number: point.curveNumber, point_index: point.pointIndex,
        }));
        setStateValue('selection', { points: points });
      });
    }
  }, (error) => { box.textContent = 'The map could not be drawn: ' + error.message; });
  if (!box.atlasResize) {
    box.atlasResize = new ResizeObserver(() => window.Plotly && box.data && window.Plotly.Plots.resize(box));
    box.atlasResize.observe(box);
  }
  return () => {
    if (box.atlasResize) box.atlasResize.disconnect();
    if (window.Plotly) window.Plotly.purge(box);
  };
}
"""

_component = st.components.v2.component("atlas_geo_map", js=SCRIPT, isolate_styles=False)


def bundle_ready() -> bool:
    return BUNDLE.is_file()


def is_geo(figure: go.Figure) -> bool:
    return any(trace.type in ("choropleth", "scattergeo") for trace in figure.data)


def geo_chart(where, figure: go.Figure, config: dict, key: str, clicks: bool = False) -> SimpleNamespace:
    """Draw a geo `figure` with the partial bundle. With `clicks`, a click on the map reruns
    the page and the returned event holds the clicked points until the next click, as
    `st.plotly_chart(on_select="rerun")` does. The key keeps one chart (and its drawing in
    the browser) across reruns, so a filter change redraws it in place."""
    data = {"figure": figure.to_json(), "config": config, "bundle": BUNDLE_URL, "clicks": clicks}
    reported = {"default": {"selection": None}, "on_selection_change": lambda: None} if clicks else {}
    with nullcontext() if where is st else where:  # the page itself, or a column of it
        state = _component(key=key, data=data, **reported)
    chosen = (state.selection if clicks else None) or {}
    # the shape `st.plotly_chart(on_select=...)` returns, so a page reads either the same way
    return SimpleNamespace(selection=SimpleNamespace(points=chosen.get("points") or []))
