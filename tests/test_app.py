"""The real app through Streamlit's AppTest: pages run, filters change counts, URLs restore."""

from __future__ import annotations

import re

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from dashboard.analysis.filters import Filters
from dashboard.export import to_csv_bytes
from dashboard.ui.page_controls import PAGE_CHOICES
from tests.conftest import GOOD, PROJECT

APP = str(PROJECT / "dashboard" / "app.py")
PAGES = ["map", "timeline", "compare", "country", "company", "europe", "records", "sources"]


def run(page: str = "map", query: dict | None = None, data_dir=None, monkeypatch=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    if page != "map":
        at.switch_page(f"views/{page}.py").run()
    return at


def totals_line(at: AppTest) -> str:
    line = next(c.value for c in at.caption if re.search(r"\d+ records?, \d+ countr", c.value))
    return line.replace("\\", "")  # markdown escapes


def counts(at: AppTest) -> tuple[int, int, int]:
    n, m, k = re.findall(r"(\d[\d,]*) (?:records?|countr\w+|compan\w+)", totals_line(at))[:3]
    return tuple(int(x.replace(",", "")) for x in (n, m, k))


@pytest.fixture
def fixture_data(monkeypatch):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(GOOD))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_shipped_data(page):
    at = run(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "each page shows a title"
    assert counts(at)[0] > 0


def test_default_view_is_2019_to_2021(fixture_data, small):
    at = run()
    assert counts(at) == (4, 4, 3)  # agr-srb-belgrade, dep-lbn-thermal, dep-srb-nis, trn-seminar
    assert "2019-01 to 2021-12" in totals_line(at)


def test_each_filter_changes_the_counts(fixture_data):
    at = run()
    at.multiselect(key="company").select("zte").run()
    assert counts(at) == (1, 1, 2)
    at.button[0].click().run()  # reset
    assert counts(at) == (4, 4, 3)
    at.toggle(key="epidemic").set_value(True).run()
    assert counts(at)[0] == 1
    at.toggle(key="epidemic").set_value(False).run()
    at.multiselect(key="type").select("training").run()
    assert counts(at) == (1, 2, 0)
    at.multiselect(key="type").unselect("training").run()
    at.select_slider(key="period").set_range("2020-03", "2021-12").run()
    assert counts(at)[0] == 2  # dep-lbn-thermal, trn-seminar; the year-only 2020 record is out under "within"
    at.radio(key="rule").set_value("overlaps").run()
    assert counts(at)[0] == 3  # ... and in under "overlaps"


def test_query_parameters_restore_the_filters(fixture_data):
    # the URL carries the labels people read: ?company=Huawei&type=Deployments
    at = run(query={"company": ["Huawei"], "type": ["Deployments"], "period": ["2014-01", "2021-12"]})
    assert at.multiselect(key="company").value == ["huawei"]
    assert counts(at) == (2, 2, 1)  # Nairobi 2014 and Niš 2020


def test_invalid_query_values_fall_back_to_defaults(fixture_data):
    at = run(query={"company": ["<script>alert(1)</script>"], "period": ["1800-01", "zzz"], "nonsense": "1"})
    assert not at.exception
    assert counts(at) == (4, 4, 3)


def test_download_serves_exactly_the_filtered_rows_and_equals_the_cli_export(fixture_data, small, monkeypatch):
    served = []
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        served.append((filename, path_or_data))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    at = run("records", query={"company": ["Huawei"]})
    assert not at.exception
    name, payload = served[-1]
    expected = to_csv_bytes(small, Filters(companies=("huawei",)).apply(small))
    assert payload == expected
    assert name.startswith("safe-city-atlas_huawei-records") and name.endswith(".csv")

    from dashboard.cli import main
    out = PROJECT / "test-artifacts" / "cli-huawei.csv"
    out.parent.mkdir(exist_ok=True)
    assert main(["export", "--data-dir", str(GOOD), "--company", "huawei", "--from", "2019-01", "--to", "2021-12", "--out", str(out)]) == 0
    assert out.read_bytes() == payload


def test_broken_data_shows_a_readable_page(tmp_path, monkeypatch):
    import shutil

    broken = tmp_path / "data"
    shutil.copytree(GOOD, broken)
    path = broken / "deployments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("country: KEN", "country: KENYA", 1), encoding="utf-8")
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(broken))
    at = run()
    assert not at.exception
    assert at.title[0].value == "The data did not pass validation"
    assert "dep-ken-nairobi:country" in at.code[0].value


def test_country_profile_from_a_link(fixture_data):
    at = run("country", query={"profile": "Serbia", "period": ["2014-01", "2021-12"]})
    assert not at.exception
    assert at.selectbox(key="profile").value == "SRB"
    assert [m.value for m in at.metric][:4] == ["2", "1", "1", "0"]  # records, deployments, agreements, trainings
    assert any("Profile text: 2 records for Serbia" in c.value.replace("\\", "") for c in at.caption)


def test_company_profile_marks_the_entity_list_date(fixture_data):
    at = run("company", query={"profile_company": "Dahua Technology"})
    assert not at.exception
    facts = " ".join(block.value for block in at.markdown)
    assert "**US Entity List**: 7 Oct 2019" in facts
    timeline = next(chart for chart in at.get("plotly_chart") if "US Entity List" in chart.proto.spec)
    assert "2019-10-07" in timeline.proto.spec


def test_europe_lens_counts_serbia_as_a_candidate(fixture_data):
    at = run("europe")
    assert not at.exception
    table = at.dataframe[0].value.set_index("country")
    assert table.loc["SRB", "group"] == "EU candidate" and table.loc["SRB", "records"] == 2  # the 2019 agreement and the 2020 pilot
    assert (table.loc["SRB", "signed"], table.loc["SRB", "deployed"]) == (1, 1)


def test_sources_page_cites_the_view(fixture_data):
    at = run("sources", query={"company": ["Huawei"]})
    assert not at.exception
    plain, bib = at.code[0].value, at.code[1].value
    assert "View: Huawei records" in plain and "accessed" in plain
    assert bib.startswith("@misc{safecityatlas") and "urldate" in bib


def test_record_card_lists_milestones_and_timeline_draws_them(tmp_path, monkeypatch):
    import shutil

    import yaml

    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    path = target / "deployments.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["records"][1]["milestones"] = [  # dep-srb-nis, dated 2020
        {"stage": "announced", "date": "2019-09", "source": "src-test-news", "locator": "para 1", "note": "pilot announced"},
        {"stage": "launched", "date": "2020-06", "source": "src-test-news", "locator": "para 2"},
    ]
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(target))
    card = run("records", query={"record": "dep-srb-nis"})
    assert not card.exception
    text = "\n".join(block.value for block in card.markdown).replace("\\", "")
    listed = text[text.index("**Milestones**"):].splitlines()[1:3]
    assert [line.split(".")[0] for line in listed] == ["- Sep 2019: Announced (pilot announced)", "- Jun 2020: Launched"]
    timeline = run("timeline")
    assert not timeline.exception
    assert any("2 milestones of 1 records" in c.value.replace("\\", "") for c in timeline.caption)


def test_sources_page_shows_effort_and_the_reconciliation():
    at = run("sources")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert re.search(r"names a Chinese supplier for \*\*\d+\*\* country-supplier pairs", text)
    assert any(c.value.startswith("Chart text: 2009") for c in at.caption)
    assert any("sources show no headline" in c.value for c in at.caption)


PAGE_OF_CHOICE = {"colour_by": "map", "freq": "timeline", "stack": "timeline", "outcome": "europe"}


@pytest.mark.parametrize("page, key, label", [(PAGE_OF_CHOICE[choice.key], choice.key, choice.shown(option))
                                              for choice in PAGE_CHOICES for option in choice.options[1:]])
def test_a_page_control_set_from_its_own_url_brings_no_notice(fixture_data, page, key, label):
    """A bound radio writes its option as shown; reading that address back (a shared link)
    selects the option and names nothing as ignored."""
    at = run(page, query={key: label})
    assert not at.exception
    assert at.query_params[key] == label
    assert not [c for c in at.sidebar.caption if "not used" in c.value]
