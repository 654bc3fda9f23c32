"""The chart-text sentences say what the charts show, computed from the same tables."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis import sentences
from dashboard.analysis.compare import Comparison, Window, compare_by
from dashboard.analysis.counts import count_by_country
from dashboard.analysis.series import agreement_lanes, time_series


def test_world_map_names_the_busiest_countries(small):
    counts = count_by_country(small, small.records)
    text = sentences.world_map(counts, 2)
    assert text.startswith("Map text: 4 countries") and "Serbia (2)" in text and "2 city markers" in text
    assert sentences.world_map(counts.iloc[:0], 0) == "Map text: no record matches these filters."


def test_company_map_and_profile(small):
    counts = count_by_country(small, small.records)
    assert "records in 4 countries" in sentences.company_map("Huawei", counts)
    assert sentences.company_map("ZTE", counts.iloc[:0]).endswith("no record under the current filters.")
    text = sentences.country_profile("Serbia", {"records": 2, "first": "2019", "last": "2020", "anti-epidemic": 0})
    assert text == "Profile text: 2 records for Serbia under the current filters, dated 2019 to 2020; 0 marketed or donated against Covid-19."


def test_largest_rise_reads_the_first_row(small):
    before = Window("Before", pd.Period("2018-01", "M"), pd.Period("2019-12", "M"))
    after = Window("After", pd.Period("2020-01", "M"), pd.Period("2021-12", "M"))
    table = compare_by(small, Comparison.of(small, small.records, before, after), "company")
    top = table.iloc[0]
    text = sentences.largest_rise(table, "company", {"huawei": "Huawei", "zte": "ZTE", "dahua": "Dahua Technology"})
    assert f"{len(table)} company values" in text and f"({top['change per year']:+.2f} records a year)" in text
    assert "the company that grew most for Huawei is" in sentences.largest_rise(table, "company", {}, "Huawei")


def test_series_lanes_and_milestones(small):
    series = time_series(small, small.records, "Q", "company")
    text = sentences.describe_series(series)
    assert text.startswith("Chart text: ") and "dated only to a year" in text
    lanes = agreement_lanes(small, small.records)
    assert sentences.agreement_lanes(lanes).startswith(f"Chart text: {lanes['label'].nunique()} agreements")
    stages = pd.DataFrame({"stage": ["announced", "contract", "contract"], "record_id": ["a", "a", "b"]})
    assert sentences.milestones(stages) == "Chart text: 3 milestones of 2 records in this window: 2 contract, 1 announced."
    change = pd.DataFrame({"change": [1.0, -0.5, 0.0]})
    assert sentences.change_map(change) == "Chart text: 1 countries rose, 1 fell."


def test_labels_inside_sentences_keep_their_acronyms():
    stages = pd.DataFrame({"stage": ["mou", "contract", "mou"], "record_id": ["a", "a", "b"]})
    assert sentences.milestones(stages) == "Chart text: 3 milestones of 2 records in this window: 2 MoU, 1 contract."
    kinds = pd.DataFrame({"kind": ["ngo", "trade_press"], "records": [3, 2]})
    assert sentences.source_kinds(kinds).endswith("NGO 3, trade press 2.")
