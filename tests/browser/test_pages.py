"""What a person sees, in real headless Chromium against the running app."""

from __future__ import annotations

import re

import pytest

from dashboard.analysis.filters import Filters
from dashboard.data import load_dataset
from dashboard.export import to_csv_bytes

pytestmark = pytest.mark.browser
PAGES = {"": "Where the technology went", "map": "Where the technology went", "timeline": "Timeline", "compare": "Before and after Covid-19",
         "country?profile=Serbia": "Country profile", "company?profile_company=Huawei": "Company profile",
         "europe": "Europe lens", "records": "Records", "sources": "Sources & method"}
TOTALS = re.compile(r"(\d[\d,]*) records?, (\d+) countr(?:y|ies), (\d+) compan(?:y|ies)")


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("h1")
    # settled: the script run is over (no status widget) and every element has replaced its
    # loading skeleton, so assertions and screenshots see the page a reader sees
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"], [data-testid=\"stSkeleton\"]')", timeout=30000)
    return page


def totals(page) -> tuple[int, int, int]:
    text = page.locator("[data-testid='stCaptionContainer']").first.inner_text()
    match = TOTALS.search(text)
    assert match, text
    return tuple(int(g.replace(",", "")) for g in match.groups())


def country_shapes(page) -> int:
    page.wait_for_selector(".js-plotly-plot .geo .choroplethlocation", state="attached")
    return page.locator(".js-plotly-plot .geo .choroplethlocation").count()


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_without_error_or_external_request(app, page, path):
    open_page(page, app.url + path)
    assert page.locator("h1").first.inner_text() == PAGES[path]
    assert page.locator("[data-testid='stException']").count() == 0
    assert totals(page)[0] > 0


def test_map_draws_country_shapes_offline(app, page):
    open_page(page, app.url)
    assert country_shapes(page) > 20
    # the base map came from the app itself, not a CDN
    assert page.locator(".js-plotly-plot .geo .countries path, .js-plotly-plot .geo path.land").count() > 0


def test_europe_lens_map_draws_its_countries(app, page):
    open_page(page, app.url + "europe")
    assert country_shapes(page) >= 5  # the base map and the shading come from the app's own world map


# A point inside the largest country shape on the map, found with the shape's own geometry
# (plotly draws a transparent layer over the countries, so the shape is not what is under the mouse).
POINT_IN_LARGEST_COUNTRY = """() => {
  const shapes = [...document.querySelectorAll('.js-plotly-plot .geo .choroplethlocation')];
  const area = (shape) => { const r = shape.getBoundingClientRect(); return r.width * r.height; };
  const largest = shapes.reduce((a, b) => (area(b) > area(a) ? b : a));
  const box = largest.getBoundingClientRect(), toShape = largest.getScreenCTM().inverse();
  for (let i = 5; i < 15; i++) for (let j = 5; j < 15; j++) {
    const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
    if (largest.isPointInFill(new DOMPoint(x, y).matrixTransform(toShape))) return {code: largest.__data__.loc, x, y};
  }
  return null;
}"""


def test_the_map_loads_plotlys_geo_bundle_not_the_whole_library(app, page):
    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    open_page(page, app.url)
    country_shapes(page)
    assert any(url.endswith("/app/static/vendor/plotly-geo.min.js") for url in scripts), "run: python -m deploy.assets"
    assert not [url for url in scripts if "PlotlyChart" in url], "the map page should not load the full plotly.js"


def test_clicking_a_country_lists_its_records(app, page):
    open_page(page, app.url)
    country_shapes(page)
    point = page.evaluate(POINT_IN_LARGEST_COUNTRY)
    assert point, "no point inside the largest country"
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    page.get_by_role("link", name=re.compile("Open the profile of")).wait_for(timeout=30000)
    chosen = page.get_by_role("combobox", name="Records of a country (or click it on the map)").input_value()
    assert chosen.endswith(f"({point['code']})")


@pytest.mark.parametrize("path", ["", "timeline"])
def test_no_chart_button_uploads_the_figure(app, page, path):
    open_page(page, app.url + path)
    page.locator(".js-plotly-plot").first.hover()
    buttons = page.evaluate("() => [...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))")
    assert "Download plot as a PNG" in buttons
    assert not [title for title in buttons if "share" in title.lower() or "cloud" in title.lower()]


def choose(page, label, option):
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def test_choosing_a_company_changes_map_and_counts(app, page):
    open_page(page, app.url)
    before_counts, before_shapes = totals(page), country_shapes(page)
    choose(page, "Company", "ZTE")
    page.wait_for_function(f"() => !document.body.innerText.includes('{before_counts[0]} records, {before_counts[1]} countries')")
    after_counts = totals(page)
    assert after_counts[0] < before_counts[0]
    assert country_shapes(page) < before_shapes
    assert "company=ZTE" in page.url


def test_timeline_shows_2019_to_2021_by_default(app, page):
    open_page(page, app.url + "timeline")
    page.wait_for_selector(".js-plotly-plot .xaxislayer-above text")
    ticks = " ".join(page.locator(".js-plotly-plot").first.locator(".xaxislayer-above text").evaluate_all("els => els.map(e => e.textContent)"))
    assert "2019" in ticks and "2021" in ticks and "2018" not in ticks and "2022" not in ticks, ticks
    shown = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")
    assert shown[0].startswith("2019-01-01") and shown[1].startswith("2021-12-31"), shown
    assert "2019-01 to 2021-12" in page.locator("[data-testid='stCaptionContainer']").first.inner_text()


def test_copied_url_restores_the_same_filters(app, page, browser):
    open_page(page, app.url)
    choose(page, "Company", "Hikvision")
    page.wait_for_function("() => location.search.includes('company=')")
    shared_url, shared_totals = page.url, totals(page)
    fresh = browser.new_context().new_page()
    open_page(fresh, shared_url)
    assert totals(fresh) == shared_totals
    assert "Hikvision" in fresh.locator("[data-testid='stMultiSelect']").first.inner_text()
    fresh.context.close()


def test_downloaded_csv_equals_the_cli_export(app, page):
    open_page(page, app.url + "records?company=Huawei&type=Agreements")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download these")).click()
    payload = open(download.value.path(), "rb").read()
    data = load_dataset()
    expected = to_csv_bytes(data, Filters(companies=("huawei",), record_types=("agreement",)).apply(data))
    assert payload == expected
    assert download.value.suggested_filename == "safe-city-atlas_huawei-agreements-dated-wholly-in-2019-01-to-2021-12.csv"


def test_open_exports_download_from_the_records_page(app, page, tmp_path):
    import io
    import json
    import zipfile

    from dashboard.export import geojson

    open_page(page, app.url + "records?company=Huawei&type=Agreements")
    data = load_dataset()
    records = Filters(companies=("huawei",), record_types=("agreement",)).apply(data)
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Data Package")).click()
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        assert archive.read("records.csv") == to_csv_bytes(data, records)
        package = json.loads(archive.read("datapackage.json"))
    assert "company=Huawei" in package["description"] and package["resources"][0]["name"] == "records"
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("GeoJSON")).click()
    assert open(download.value.path(), "rb").read() == geojson.build(data, records)


def test_search_box_filters_and_says_so(app, page):
    open_page(page, app.url)
    everything = totals(page)
    box = page.get_by_role("textbox", name=re.compile("Search"))
    box.fill("belgrade")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q=belgrade')")
    page.wait_for_function("() => document.body.innerText.includes(\"matching 'belgrade'\")")
    found = totals(page)
    assert 0 < found[0] < everything[0]
    assert "matching 'belgrade'" in page.locator("[data-testid='stCaptionContainer']").first.inner_text()


def test_a_hand_written_lower_case_link_is_understood(app, page):
    open_page(page, app.url + "map?company=hikvision&country=serbia")
    assert "Hikvision" in page.locator("[data-testid='stMultiSelect']").first.inner_text()
    caption = page.locator("[data-testid='stCaptionContainer']").first.inner_text()
    assert "Hikvision records in Serbia" in caption, caption
    assert "not used" not in page.locator("[data-testid='stSidebar']").inner_text()


def test_a_region_filter_counts_only_its_countries(app, page):
    open_page(page, app.url + "?region=Eastern%20Europe&period=2009-01&period=2023-12")
    shown = totals(page)
    data = load_dataset()
    eastern = set(data.countries.loc[data.countries["region"] == "Eastern Europe", "iso3"])
    assert shown[1] <= len(eastern)
    text = page.get_by_text("Map text:").inner_text()
    names = set(data.countries.loc[~data.countries["iso3"].isin(eastern), "name"])
    assert not [name for name in names if f"{name} (" in text], text
