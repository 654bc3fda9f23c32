"""Interval dates, milestones, research logs and the reconciliation with Carnegie's index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard.analysis import reconcile
from dashboard.analysis.sentences import describe_series
from dashboard.analysis.series import time_series
from dashboard.data import load_dataset
from dashboard.data.dates import FuzzyDate
from dashboard.data.validate import parse_tables

PROJECT = Path(__file__).resolve().parents[1]
WORKBOOK = PROJECT.parent / "shared" / "reference" / "aigs-2022.xlsx"

LOG = {
    "line": "test-line",
    "region": "Eastern Africa",
    "period": {"from": 2009, "to": 2015},
    "searched_on": "2026-11-30",
    "queries": [{"query": "Huawei Nairobi CCTV", "relevant": 1}, {"query": "ZTE Kenya police", "relevant": 0}],
    "candidates": [
        {"url": "https://example.org/a", "title": "A", "publisher": "P", "year": 2014, "decision": "kept", "records": ["dep-ken-nairobi"]},
        {"url": "https://example.org/b", "title": "B", "publisher": "P", "year": 2012, "decision": "rejected", "reason": "consumer phones"},
        {"url": "https://example.org/c", "title": "C", "publisher": "P", "year": 2021, "decision": "rejected", "reason": "no date"},
    ],
    "aigs_pairs": [{"country": "SRB", "company": "dahua", "outcome": "not_found", "reason": "searched 'Dahua Serbia police'"}],
}

REFERENCE = {"records": [
    {"id": "aigs-ken", "country": "KEN", "name_in_source": "Kenya", "safe_city": True, "facial_recognition": False,
     "smart_policing": False, "social_media_surveillance": False, "china_tech": True,
     "suppliers_named": ["Huawei"], "chinese_suppliers": ["huawei"]},
    {"id": "aigs-srb", "country": "SRB", "name_in_source": "Serbia", "safe_city": True, "facial_recognition": True,
     "smart_policing": False, "social_media_surveillance": False, "china_tech": True,
     "suppliers_named": ["Huawei", "Dahua"], "chinese_suppliers": ["huawei", "dahua"]},
    {"id": "aigs-chn", "country": "CHN", "name_in_source": "China", "safe_city": True, "facial_recognition": True,
     "smart_policing": True, "social_media_surveillance": True, "china_tech": True,
     "suppliers_named": ["Megvii"], "chinese_suppliers": ["megvii"]},
]}


def with_log(directory: Path, log: dict, name: str = "test-line.yaml") -> Path:
    (directory / "research").mkdir(exist_ok=True)
    (directory / "research" / name).write_text(yaml.safe_dump(log, sort_keys=False), encoding="utf-8")
    return directory


def with_reference(directory: Path) -> Path:
    (directory / "aigs_2022.yaml").write_text(yaml.safe_dump(REFERENCE, sort_keys=False), encoding="utf-8")
    return directory


def test_an_interval_spans_its_bounds_and_reads_as_a_span():
    date = FuzzyDate.parse("2016/2021-07")
    assert (str(date.start), str(date.end), date.precision) == ("2016-01-01", "2021-07-31", "interval")
    assert date.label == "2016 to Jul 2021"
    assert FuzzyDate.parse("2012-11-30").label == "30 Nov 2012"


def test_an_interval_across_years_is_left_out_of_the_timeline_and_said(data_copy, good_dir):
    def change(records):
        records[0]["date"] = "2016/2019-06"

    before = time_series(*(lambda d: (d, d.records))(load_dataset(good_dir, use_cache=False)))
    data = load_dataset(data_copy("deployments", change), use_cache=False)
    series = time_series(data, data.records)
    companies = len(data.records.loc[0, "companies"])  # the series counts record-company pairs
    assert series["records"].sum() == before["records"].sum() - companies
    assert series.attrs["spanning"] == 1
    assert "1 records dated only within a span of years are not drawn" in describe_series(series)


def test_an_interval_within_one_year_counts_in_that_year(data_copy):
    def change(records):
        records[0]["date"] = "2014-02/2014-11"

    data = load_dataset(data_copy("deployments", change), use_cache=False)
    series = time_series(data, data.records)
    year_rows = series[series["year_only"] & (series["period"] == "2014")]
    assert year_rows["records"].sum() >= 1 and series.attrs["spanning"] == 0


def test_milestones_load_in_date_order_with_their_sources(data_copy):
    def change(records):
        records[0]["milestones"] = [
            {"stage": "delivered", "date": "2015", "source": "src-test-news", "locator": "para 3"},
            {"stage": "announced", "date": "2012-09", "source": "src-test-report", "locator": "p. 2"},
        ]

    data = load_dataset(data_copy("deployments", change), use_cache=False)
    stages = data.milestones[data.milestones["record_id"] == "dep-ken-nairobi"]
    assert stages["stage"].tolist() == ["announced", "delivered"]
    assert stages["source_id"].tolist() == ["src-test-report", "src-test-news"]


def test_a_research_log_loads_and_feeds_the_effort_table(data_copy):
    data = load_dataset(with_log(data_copy(), LOG), use_cache=False)
    assert len(data.research_queries) == 2 and len(data.research_candidates) == 3
    effort = reconcile.effort_by_band(data).set_index("band")
    assert effort.loc["2009-2015", ["lines", "queries", "candidates_read", "kept", "rejected"]].tolist() == [1, 2, 2, 1, 1]
    assert effort.loc["2021", ["queries", "candidates_read", "kept"]].tolist() == [0, 1, 0]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda log: log["candidates"][0].update(records=["dep-nowhere"]), "candidates[0].records", "unknown record 'dep-nowhere'"),
        (lambda log: log["candidates"][0].update(records=[]), "candidates.0", "names the records"),
        (lambda log: log["candidates"][1].pop("reason"), "candidates.1", "says why"),
        (lambda log: log["aigs_pairs"][0].pop("reason"), "aigs_pairs.0", "says why"),
        (lambda log: log.update(queries=[]), "queries", "at least 1"),
        (lambda log: log.update(colour="red"), "colour", "unknown field"),
    ],
)
def test_a_broken_research_log_names_file_line_and_field(data_copy, change, field, message):
    log = yaml.safe_load(yaml.safe_dump(LOG))
    change(log)
    _, problems = parse_tables(with_log(data_copy(), log))
    found = [p for p in problems if p.file.endswith("research/test-line.yaml") and p.record == "test-line"
             and p.field.replace("[", ".").replace("]", "").startswith(field.replace("[", ".").replace("]", "")) and message in p.message]
    assert found, [str(p) for p in problems]


def test_the_same_line_logged_twice_is_a_problem(data_copy):
    directory = with_log(with_log(data_copy(), LOG), LOG, "copy.yaml")
    _, problems = parse_tables(directory)
    assert any(p.field == "line" and "also used" in p.message for p in problems)


def test_reconciliation_counts_pairs_abroad_and_keeps_the_logged_reason(data_copy):
    data = load_dataset(with_log(with_reference(data_copy()), LOG), use_cache=False)
    pairs = reconcile.reference_pairs(data).set_index(["country", "company"])
    assert set(pairs.index) == {("KEN", "huawei"), ("SRB", "huawei"), ("SRB", "dahua")}  # China's own row left out
    assert pairs.loc[("KEN", "huawei"), "covered"] and "dep-ken-nairobi" in pairs.loc[("KEN", "huawei"), "records"]
    assert not pairs.loc[("SRB", "dahua"), "covered"]  # Dahua has a record, but in Lebanon
    assert pairs.loc[("SRB", "dahua"), ["outcome", "reason"]].tolist() == ["not_found", "searched 'Dahua Serbia police'"]
    covered, total = reconcile.coverage_share(reconcile.reference_pairs(data))
    assert (covered, total) == (2, 3)


def test_without_a_reference_table_the_reconciliation_is_empty(good_dir):
    data = load_dataset(good_dir, use_cache=False)
    assert reconcile.reference_pairs(data).empty and reconcile.countries_compared(data).empty


@pytest.mark.skipif(not WORKBOOK.exists(), reason="the reference workbook is not beside the project")
def test_the_shipped_reference_table_matches_the_workbook():
    result = subprocess.run([sys.executable, "scripts/derive_aigs.py", "--check"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_reference_and_logs_load(shipped):
    assert len(shipped.reference_countries) == 97
    assert shipped.reference_countries["china_tech"].sum() == 68  # the index's own count
    assert not reconcile.reference_pairs(shipped).empty
