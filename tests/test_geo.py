"""Maps drawn with plotly's geo bundle, and `st.plotly_chart` when the bundle is missing."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import geo
from tests.test_app import APP


def elements(at: AppTest, kind: str) -> list:
    return [e for e in at.main if getattr(e, "type", None) == kind]


@pytest.mark.parametrize("page", ["map", "europe", "company"])
def test_maps_use_the_geo_bundle_when_it_is_in_place(page, tmp_path, monkeypatch):
    bundle = tmp_path / "plotly-geo.min.js"
    bundle.write_text("window.Plotly = {};")
    monkeypatch.setattr(geo, "BUNDLE", bundle)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"profile_company": ["Huawei"]})
    at.run()
    if page != "map":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception
    maps = [e for e in elements(at, "bidi_component") if e.proto.component_name == "atlas_geo_map"]
    assert maps, f"no geo map on the {page} page"
    data = json.loads(maps[0].proto.json)
    figure = json.loads(data["figure"])
    assert any(trace["type"] == "choropleth" for trace in figure["data"])
    assert data["bundle"] == "app/static/vendor/plotly-geo.min.js"
    assert data["config"]["topojsonURL"] == "app/static/topojson/"
    assert data["clicks"] is (page == "map")  # only the world map lists a clicked country's records


def test_without_the_bundle_maps_are_plotly_charts(tmp_path, monkeypatch):
    monkeypatch.setattr(geo, "BUNDLE", tmp_path / "missing.js")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert not elements(at, "bidi_component")
    assert any('"choropleth"' in chart.proto.spec for chart in at.get("plotly_chart"))


def test_only_geo_figures_take_the_geo_path():
    import plotly.graph_objects as go

    assert geo.is_geo(go.Figure(go.Choropleth(locations=["KEN"], z=[1])))
    assert geo.is_geo(go.Figure(go.Scattergeo(lat=[0], lon=[0])))
    assert not geo.is_geo(go.Figure(go.Bar(x=[1], y=[1])))
