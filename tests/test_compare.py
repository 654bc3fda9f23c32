"""Period comparison: counts and rates per year on a hand-made dataset."""

import pandas as pd

from dashboard.analysis.compare import SUMMARY_DIMENSIONS, Comparison, Window, anti_epidemic_share, compare_by, default_windows, in_window, straddling, summary_sentences


def tables(data, comparison):
    return {dimension: compare_by(data, comparison, dimension) for dimension in SUMMARY_DIMENSIONS}


def test_default_windows_are_two_equal_years_either_side():
    before, after = default_windows()
    assert (str(before.start), str(before.end), str(after.start), str(after.end)) == ("2018-01", "2019-12", "2020-01", "2021-12")
    assert before.years == after.years == 2


def test_counts_and_rates_per_year(small):
    before = Window("Before", pd.Period("2019-01", "M"), pd.Period("2019-12", "M"))  # one year
    after = Window("After", pd.Period("2020-01", "M"), pd.Period("2021-12", "M"))  # two years
    table = compare_by(small, Comparison.of(small, small.records, before, after), "company").set_index("company")
    # huawei: agr-srb-belgrade (2019-06) before; dep-srb-nis (2020) after
    assert table.loc["huawei", "Before"] == 1 and table.loc["huawei", "After"] == 1
    assert table.loc["huawei", "Before per year"] == 1.0 and table.loc["huawei", "After per year"] == 0.5
    assert table.loc["huawei", "change per year"] == -0.5
    assert table.loc["dahua", "After"] == 1 and table.loc["dahua", "change per year"] == 0.5


def test_record_spanning_the_split_is_reported_not_counted(small):
    before = Window("Before", pd.Period("2019-01", "M"), pd.Period("2020-06", "M"))
    after = Window("After", pd.Period("2020-07", "M"), pd.Period("2021-12", "M"))
    left_out = straddling(small.records, before, after)
    assert left_out["id"].tolist() == ["dep-srb-nis"]  # dated '2020', which crosses the split
    assert "dep-srb-nis" not in set(in_window(small.records, before)["id"]) | set(in_window(small.records, after)["id"])
    comparison = Comparison.of(small, small.records, before, after)
    assert comparison.left_out_records()["id"].tolist() == ["dep-srb-nis"]
    assert any("left out" in s for s in summary_sentences(comparison, tables(small, comparison), {}))


def test_anti_epidemic_share(small):
    before, after = default_windows()
    share = anti_epidemic_share(Comparison.of(small, small.records, before, after))
    assert share["records"].tolist() == [1, 3]
    assert share["anti_epidemic"].tolist() == [0, 1]
    assert share["share"].tolist() == [0.0, 0.333]


def test_summary_names_the_company_that_grew_most(small):
    before, after = default_windows()
    comparison = Comparison.of(small, small.records, before, after)
    sentences = summary_sentences(comparison, tables(small, comparison), {"dahua": "Dahua Technology"})
    assert sentences[0] == "Before: 1 records (0.5 a year); After: 3 records (1.5 a year)."
    assert any("company that grew most is Dahua Technology" in s for s in sentences)


def test_window_counts_match_plain_pandas_on_the_curated_data(shipped):
    """Each window's counts per value equal a pandas count of distinct records over the link table."""
    before, after = default_windows()
    comparison = Comparison.of(shipped, shipped.records, before, after)
    for dimension, link in (("company", shipped.record_companies), ("technology", shipped.record_technologies),
                            ("region", shipped.record_countries), ("mode", None)):
        table = compare_by(shipped, comparison, dimension).set_index(dimension)
        for window in (before, after):
            inside = in_window(shipped.records, window)
            if link is None:
                expected = inside.groupby(dimension, observed=True).size()
            else:
                picked = link[link["row"].isin(inside.index)]
                expected = picked.groupby(dimension, observed=True)["row"].nunique()
            counted = table[window.label]
            assert counted[counted > 0].to_dict() == {str(k): v for k, v in expected.items() if v > 0}, (dimension, window.label)
