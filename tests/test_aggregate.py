import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.counts import count_by, count_by_country, totals
from dashboard.analysis.kernels import most_recent, selection
from dashboard.analysis.markers import city_markers
from dashboard.analysis.series import agreement_lanes, time_series
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


def test_markers_escape_html_and_count_per_place(data_copy):
    from dashboard.data import load_dataset

    def hostile(records):
        records[0]["city"] = "Nairobi<img src=x onerror=alert(1)>"
        records[0]["summary"] = "<script>alert(1)</script> & cameras"

    data = load_dataset(data_copy("deployments", hostile), use_cache=False)
    markers = city_markers(data, data.records, "company")
    assert len(markers) == 2 and (markers["records"] == 1).all()
    hover = " ".join(markers["hover"])
    assert "<script>" not in hover and "<img" not in hover  # plotly renders a subset of HTML in hover text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; cameras" in hover and "Nairobi&lt;img" in hover


def test_agreement_lanes_run_to_the_end_of_the_date(small):
    lanes = agreement_lanes(small, small.records)
    assert lanes["company"].tolist() == ["huawei", "zte"]
    assert lanes.iloc[0]["start"] == pd.Timestamp("2019-06-01") and lanes.iloc[0]["end"].day == 30


# --- masks and frames, checked against plain pandas on the curated data ------------------

FILTERS = [
    Filters(),
    Filters.everything(),
    Filters(companies=("huawei",), date_from=None, date_to=None),
    Filters(record_types=("agreement", "deployment"), anti_epidemic_only=True),
    Filters(regions=("Eastern Africa", "Southern Asia"), date_rule="overlaps"),
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.slug())
def test_a_mask_and_the_frame_it_selects_give_the_same_tables(shipped, filters):
    mask, frame = filters.mask(shipped), filters.apply(shipped)
    assert mask.dtype == bool and mask.sum() == len(frame)
    assert totals(shipped, mask) == totals(shipped, frame)
    for dimension in ("company", "country", "region", "technology", "mode"):
        pd.testing.assert_frame_equal(count_by(shipped, mask, dimension), count_by(shipped, frame, dimension))
    pd.testing.assert_frame_equal(time_series(shipped, mask, "M", "technology"), time_series(shipped, frame, "M", "technology"))
    pd.testing.assert_frame_equal(city_markers(shipped, mask, "company"), city_markers(shipped, frame, "company"))
    pd.testing.assert_frame_equal(agreement_lanes(shipped, mask, limit=7), agreement_lanes(shipped, frame, limit=7))


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.slug())
def test_counts_match_a_plain_pandas_groupby(shipped, filters):
    frame = filters.apply(shipped)
    for dimension, link in (("company", shipped.record_companies), ("technology", shipped.record_technologies),
                            ("country", shipped.record_countries)):
        mine = count_by(shipped, frame, dimension).set_index(dimension)["records"]
        picked = link[link["row"].isin(frame.index)]
        expected = picked.groupby(dimension, observed=True)["row"].nunique()
        assert mine.to_dict() == expected[expected > 0].to_dict()
    expected_totals = (len(frame), shipped.record_countries[shipped.record_countries["row"].isin(frame.index)]["country"].nunique())
    assert (totals(shipped, frame).records, totals(shipped, frame).countries) == expected_totals


def test_a_record_with_two_countries_in_one_region_counts_once_there(shipped):
    link = shipped.record_countries
    assert link.duplicated(["row", "region"]).any(), "the curated data has such a training; the test needs one"
    expected = link.drop_duplicates(["row", "region"]).groupby("region", observed=True).size()
    mine = count_by(shipped, shipped.records, "region").set_index("region")["records"]
    assert mine.to_dict() == expected[expected > 0].to_dict()


def test_markers_cap_points_and_hover_lines_and_count_every_record(shipped):
    everything = Filters.everything().apply(shipped)
    full = city_markers(shipped, everything, "company", limit_per_point=1000, max_points=100_000)
    located = everything[(everything["place"] >= 0) & (everything["record_type"] != "training")]
    links = shipped.record_companies[shipped.record_companies["row"].isin(located.index)]
    assert full["records"].sum() == len(links)  # every (record, company) pair sits in exactly one point
    capped = city_markers(shipped, everything, "company", limit_per_point=2, max_points=5)
    assert len(capped) == 5 and capped["records"].tolist() == sorted(full["records"], reverse=True)[:5]
    for _, point in capped.iterrows():
        shown = point["hover"].split("<br><br>")
        assert len(shown) == min(2, point["records"])
        assert (f"… and {point['records'] - 2} more" in point["hover"]) == (point["records"] > 2)


def test_most_recent_matches_a_stable_sort():
    rng = np.random.default_rng(1)
    starts = rng.integers(0, 40, 500).astype("datetime64[D]")
    expected = pd.Series(starts).sort_values(ascending=False, kind="stable").index.to_numpy()
    for limit in (1, 7, 499, 500, 800):
        assert most_recent(starts, limit).tolist() == expected[:limit].tolist()


def test_a_mask_of_the_wrong_length_is_refused(small):
    with pytest.raises(ValueError):
        selection(small, np.ones(len(small.records) + 1, dtype=bool))


def test_counts_hold_when_a_link_table_is_not_in_value_order(shipped):
    import dataclasses

    shuffled = dataclasses.replace(shipped, record_companies=shipped.record_companies.sample(frac=1, random_state=0))
    mask = Filters(record_types=("deployment",)).mask(shipped)
    assert count_by(shuffled, mask, "company").equals(count_by(shipped, mask, "company"))
