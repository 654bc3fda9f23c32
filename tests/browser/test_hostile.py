"""Data text is shown as text: HTML and scripts in a record never run. And the app works
under a base URL path, as behind a reverse proxy."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import RunningApp
from tests.browser.test_pages import country_shapes, open_page
from tests.conftest import GOOD

pytestmark = pytest.mark.browser
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=2</script>"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(GOOD, data)
    path = data / "deployments.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Cameras for the police.", f"summary: '{IMG} {SCRIPT} **bold** [link](https://example.org)'")
    text = text.replace("city: Nairobi", f"city: '{IMG}'")
    path.write_text(text, encoding="utf-8")
    sources = data / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace('"A test report"', f"'{SCRIPT}'"), encoding="utf-8")
    running = RunningApp(env={"SAFE_CITY_ATLAS_DATA": str(data)})
    yield running
    running.stop()


@pytest.mark.parametrize("path", ["records?record=dep-ken-nairobi&period=2014-01&period=2021-12", "?period=2014-01&period=2021-12"])
def test_markup_in_data_is_shown_as_text_and_never_runs(hostile_app, page, path):
    open_page(page, hostile_app.url + path)
    if path.startswith("records"):
        page.get_by_text("onerror", exact=False).first.wait_for()
        body = page.locator("[data-testid='stMain']").inner_text()
        assert IMG in body and SCRIPT in body and "**bold**" in body
    else:
        page.locator(".js-plotly-plot .scattergeo path.point").first.hover(force=True)
        page.wait_for_timeout(800)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] script").count() == 0


def test_map_renders_under_a_base_url_path(page):
    behind_proxy = RunningApp(base_path="atlas")
    try:
        assert behind_proxy.url.endswith("/atlas/")
        open_page(page, behind_proxy.url)
        assert country_shapes(page) > 20
        served = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('world_110m'))")
        assert served and all("/atlas/app/static/topojson/" in url for url in served), served
    finally:
        behind_proxy.stop()
