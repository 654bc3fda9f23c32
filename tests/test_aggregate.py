import pandas as pd

from dashboard.analysis.aggregate import agreement_lanes, city_markers, count_by, count_by_country, time_series, totals
from dashboard.analysis.filters import Filters


def test_totals_sentence(small):
    records = Filters.everything().apply(small)
    assert totals(small, records).sentence() == "5 records, 4 countries, 3 companies"
    assert totals(small, records.head(1)).sentence() == "1 record, 1 country, 1 company"


def test_count_by_company_counts_each_company_of_a_record(small):
    counts = count_by(small, small.records, "company").set_index("company")["records"]
    assert counts.to_dict() == {"huawei": 3, "dahua": 1, "zte": 1}


def test_count_by_country_has_names(small):
    counts = count_by_country(small, small.records).set_index("country")
    assert counts.loc["SRB", "records"] == 2 and counts.loc["CIV", "name"] == "Côte d'Ivoire"


def test_time_series_keeps_year_only_records_at_year_granularity(small):
    series = time_series(small, small.records, "Q", "company")
    year_only = series[series["year_only"]]
    assert sorted(year_only["period"]) == ["2014", "2020"]  # dep-ken-nairobi and dep-srb-nis
    nis = year_only[year_only["period"] == "2020"]
    assert nis.iloc[0]["start"] == pd.Timestamp("2020-01-01") and nis.iloc[0]["end"].year == 2020 and nis.iloc[0]["end"].month == 12
    quarters = series[~series["year_only"]]
    assert set(quarters["period"]) == {"2019Q2", "2020Q1", "2021Q4"}
    assert not (quarters["period"].str.len() == 4).any()
    training = quarters[quarters["period"] == "2021Q4"]
    assert training["company"].tolist() == ["(none)"]  # no company named, still on the timeline


def test_markers_escape_html_and_count_per_place(small):
    markers = city_markers(small, small.records, "company")
    assert set(markers["city"]) == {"Nairobi", "Niš"}
    assert (markers["records"] == 1).all()


def test_agreement_lanes_run_to_the_end_of_the_date(small):
    lanes = agreement_lanes(small, small.records)
    assert lanes["company"].tolist() == ["huawei", "zte"]
    assert lanes.iloc[0]["start"] == pd.Timestamp("2019-06-01") and lanes.iloc[0]["end"].day == 30
