"""Accessibility in a real browser: a phone-sized screen, keyboard-only filtering, and a text
alternative beside every chart."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import country_shapes, open_page, totals

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("path", ["", "timeline", "compare", "country?profile=Serbia", "company?profile_company=Huawei", "europe", "records", "sources"])
def test_pages_are_usable_on_a_390px_phone(app, browser, path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_page(page, app.url + path)
        assert page.locator("[data-testid='stException']").count() == 0
        title = page.locator("h1").first
        assert title.is_visible() and title.bounding_box()["x"] >= 0
        assert totals(page)[0] > 0
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 2, f"page scrolls sideways by {overflow}px"
        page.screenshot(path=f"test-artifacts/phone-{path.split('?')[0] or 'map'}.png", full_page=False)
    finally:
        context.close()


def test_map_draws_on_a_phone(app, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_page(page, app.url)
        assert country_shapes(page) > 20
    finally:
        context.close()


def test_filters_work_with_the_keyboard_alone(app, page):
    open_page(page, app.url)
    before = totals(page)
    box = page.get_by_role("combobox", name="Company", exact=True)
    for _ in range(60):  # tab through the page until the company filter has focus
        page.keyboard.press("Tab")
        if box.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the company filter cannot be reached with Tab")
    page.keyboard.type("ZTE")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("n => !document.body.innerText.includes(n)", arg=f"{before[0]} records")
    assert totals(page)[0] < before[0]


@pytest.mark.parametrize("path", ["", "timeline", "compare", "company?profile_company=Huawei", "europe"])
def test_every_chart_has_a_text_alternative(app, page, path):
    open_page(page, app.url + path)
    page.wait_for_selector(".js-plotly-plot")
    charts = page.locator(".js-plotly-plot").count()
    alternatives = page.get_by_text("text:", exact=False).filter(has_text="text:").count()
    assert charts > 0 and alternatives >= charts, (charts, alternatives)
