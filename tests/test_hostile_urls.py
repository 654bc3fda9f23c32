"""Hostile links: unknown keys, wrong types, huge values, script tags, odd Unicode.
The app falls back to defaults, says so, and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.ui.urlstate import ignored_parameters, notice
from tests.conftest import GOOD, PROJECT

APP = str(PROJECT / "dashboard" / "app.py")
from dashboard.analysis.registry import FILTERS  # noqa: E402

KEYS = [spec.key for spec in FILTERS] + ["colour_by", "freq", "stack", "before", "after", "profile", "record"]
NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "' OR 1=1 --", "\u202eevil", "\x00", "🙂" * 50,
         "x" * 20000, "-1", "1e309", "NaN", "true", "false", "2021-12", "2019-01", "1800-01", "Huawei", "ZTE", "Kenya",
         "Deployments", "[](javascript:alert(1))", "![x](http://example.org/x.png)", "%00", "../../etc/passwd"]

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
query = st.dictionaries(
    keys=st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=20)),
    values=st.lists(values, min_size=1, max_size=3),
    max_size=6,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(params=query)
def test_generated_query_strings_never_raise(monkeypatch, params):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(GOOD))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    assert not at.exception, (params, [e.value for e in at.exception])
    assert at.title, "a page was drawn"


def test_notice_names_ignored_keys_without_echoing_values(monkeypatch):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(GOOD))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"company": ["<script>x</script>", "Huawei"], "utm<b>": "1", "epidemic": "maybe"})
    at.run()
    text = " ".join(c.value for c in at.sidebar.caption).replace("\\", "")  # as rendered: markdown escapes removed
    assert "company (value not recognised)" in text and "utmb (unknown)" in text and "epidemic" in text
    assert "<" not in text and "script" not in text
    assert at.multiselect(key="company").value == ["huawei"]  # the valid value is kept


def test_ignored_parameters_rules():
    accepted = {"company": {"Huawei"}, "epidemic": {"true", "false"}}
    assert ignored_parameters({"company": ["Huawei"], "epidemic": ["true"]}, accepted) == []
    assert ignored_parameters({"company": ["Acme"]}, accepted) == ["company (value not recognised)"]
    assert ignored_parameters({"<x>": ["1"]}, accepted) == ["x (unknown)"]
    assert ignored_parameters({"company": [""]}, accepted) == []  # an empty value clears the filter
    assert notice([f"k{i} (unknown)" for i in range(7)]).endswith("and 2 more.")
