"""Every page as a reader sees it, on a desktop and on a phone: a whole-page screenshot of
each (kept in test-artifacts/ for people to look at), and the rendered text checked for what
a reader should never meet: raw vocabulary keys, 'None', 'nan', or a table header with no
names in it."""

from __future__ import annotations

import re

import pytest

from dashboard.data import load_dataset
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_pages import open_page

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": 1440, "phone": 390}


def card_record() -> str:
    """A shipped record with milestones and sources that disagree: the fullest card there is."""
    data = load_dataset()
    with_stages = set(data.milestones["record_id"])
    disputed = data.records[data.records["disputed"] & data.records["id"].isin(with_stages)]
    return str((disputed if len(disputed) else data.records[data.records["id"].isin(with_stages)])["id"].iloc[0])


PAGES = {
    "map": "", "timeline": "timeline", "compare": "compare",
    "country-overview": "country", "country-serbia": "country?profile=Serbia",
    "company-overview": "company", "company-huawei": "company?profile_company=Huawei",
    "europe": "europe", "records": "records", "record-card": None, "sources": "sources",
}
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # record_type, trade_press, loan_financed, china_exim_bank...
ADDRESS = re.compile(r"\S+://\S+")  # a link's address is shown as it is, underscores and all
MISSING = re.compile(r"\b(?:None|nan|NaN|NaT|undefined)\b")


def rendered_text(page) -> str:
    """What the page shows in words: the document's text, the charts' SVG text, and the cells
    of every table (drawn on a canvas, mirrored in an accessible table)."""
    return page.evaluate("""() => {
        const words = document.body.cloneNode(true);  // icons are ligatures (keyboard_arrow_right): not words
        words.querySelectorAll('style, script, noscript, [data-testid=stIconMaterial]').forEach(e => e.remove());
        return [words.innerText,
        ...Array.from(document.querySelectorAll('svg text')).map(t => t.textContent),
        ...Array.from(document.querySelectorAll('[data-testid=stDataFrame] table td')).map(t => t.innerText)].join('\\n'); }""")


def header_rows(page) -> list[list[str]]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid=stDataFrame] table')).map(
        table => Array.from(table.querySelectorAll('th')).map(th => th.innerText.trim()))""")


def settle_and_measure(page, width: int) -> None:
    """Wait for every chart to be drawn, then make the window as tall as the page, so the
    screenshot holds all of it (the app scrolls inside its own container)."""
    page.wait_for_function("""() => Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))
        .every(chart => chart.querySelector('.main-svg'))""", timeout=60000)
    height = page.evaluate("""() => Math.max(...Array.from(document.querySelectorAll(
        '[data-testid=stMain], [data-testid=stAppViewContainer]')).map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 14000)})
    page.wait_for_timeout(800)


@pytest.mark.parametrize("device", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_reads_as_words_on_desktop_and_phone(app, browser, name, device):
    width = WIDTHS[device]
    path = PAGES[name] if PAGES[name] is not None else f"records?record={card_record()}&period=2009-01&period=2023-12"
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_page(page, app.url + path)
        settle_and_measure(page, width)
        page.screenshot(path=str(ARTIFACTS / f"read-{device}-{name}.png"))
        assert page.locator("[data-testid='stException']").count() == 0
        text = ADDRESS.sub(" ", rendered_text(page))
        assert not SNAKE_CASE.findall(text), f"raw keys on {path}: {sorted(set(SNAKE_CASE.findall(text)))[:10]}"
        missing = [text[max(0, m.start() - 60): m.end() + 20] for m in MISSING.finditer(text)]
        assert not missing, f"missing values shown as words on {path}: {missing[:5]}"
        for headers in header_rows(page):
            named = headers[1:] if headers and headers[0] == "" else headers  # a row-selection column has no name
            assert named and all(named), f"a table on {path} has an empty header: {headers}"
        if name == "record-card":
            assert page.get_by_text("Sources disagree on this record").count() or page.get_by_text("Milestones").count()
            assert page.locator("[data-testid=stMarkdownContainer] ol a[href^='http']").count() >= 1  # citations are links
            assert page.locator("[data-testid=stCode]").filter(has_text="records?record=").count() == 1  # the link to copy
    finally:
        context.close()


def test_a_row_of_the_country_overview_opens_that_profile(app, page):
    open_page(page, app.url + "country")
    grid = page.locator("[data-testid=stDataFrame]").first
    page.wait_for_selector("[data-testid=stDataFrame] table tbody td", state="attached")
    first_country = page.evaluate("() => document.querySelector('[data-testid=stDataFrame] table tbody tr td').innerText")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 52)  # the first row's selection box, under the header
    page.wait_for_function("() => location.search.includes('profile=')", timeout=20000)
    page.wait_for_selector("[data-testid=stHeading] h3")
    assert first_country in page.locator("[data-testid=stHeading] h3").first.inner_text()
