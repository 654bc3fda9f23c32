"""Filters on hand-made tables with known answers, including coarse dates at range edges."""

import pandas as pd
import pytest

from dashboard.analysis.filters import Filters
from dashboard.analysis.kernels import date_mask


def frame(*dates):
    """Records with given (start, end) intervals, as the loader builds them."""
    return pd.DataFrame(
        {"date_start": pd.to_datetime([d[0] for d in dates]), "date_end": pd.to_datetime([d[1] for d in dates])}
    )


YEAR_2020 = ("2020-01-01", "2020-12-31")
MARCH_2020 = ("2020-03-01", "2020-03-31")
DAY = ("2021-06-30", "2021-06-30")


def test_year_only_record_is_outside_a_partial_year_under_within():
    records = frame(YEAR_2020, MARCH_2020, DAY)
    kept = date_mask(records, pd.Period("2020-03", "M"), pd.Period("2021-06", "M"), "within")
    assert kept.tolist() == [False, True, True]


def test_year_only_record_is_inside_a_partial_year_under_overlaps():
    records = frame(YEAR_2020, MARCH_2020, DAY)
    kept = date_mask(records, pd.Period("2020-03", "M"), pd.Period("2021-06", "M"), "overlaps")
    assert kept.tolist() == [True, True, True]


def test_range_edges_are_inclusive_months():
    records = frame(MARCH_2020, DAY)
    assert date_mask(records, pd.Period("2020-03", "M"), pd.Period("2020-03", "M")).tolist() == [True, False]
    assert date_mask(records, pd.Period("2021-06", "M"), pd.Period("2021-06", "M")).tolist() == [False, True]


def test_whole_year_range_keeps_year_only_record():
    records = frame(YEAR_2020)
    assert date_mask(records, pd.Period("2020-01", "M"), pd.Period("2020-12", "M")).tolist() == [True]


def test_open_ended_range():
    records = frame(YEAR_2020, DAY)
    assert date_mask(records, None, pd.Period("2020-12", "M")).tolist() == [True, False]
    assert date_mask(records, pd.Period("2021-01", "M"), None).tolist() == [False, True]


def ids(filters, data):
    return sorted(filters.apply(data)["id"])


def test_company_filter_uses_every_company_of_a_record(small):
    assert ids(Filters.everything().with_(companies=("zte",)), small) == ["agr-srb-belgrade"]
    assert ids(Filters.everything().with_(companies=("dahua", "zte")), small) == ["agr-srb-belgrade", "dep-lbn-thermal"]


def test_country_filter_includes_training_participants(small):
    assert ids(Filters.everything().with_(countries=("KEN",)), small) == ["dep-ken-nairobi", "trn-seminar"]


def test_region_type_status_and_flags(small):
    everything = Filters.everything()
    assert ids(everything.with_(regions=("Southern Europe",)), small) == ["agr-srb-belgrade", "dep-srb-nis"]
    assert ids(everything.with_(record_types=("agreement",)), small) == ["agr-srb-belgrade"]
    assert ids(everything.with_(statuses=("completed",)), small) == ["dep-lbn-thermal", "trn-seminar"]
    assert ids(everything.with_(anti_epidemic_only=True), small) == ["dep-lbn-thermal"]
    assert ids(everything.with_(disputed_only=True), small) == ["dep-lbn-thermal"]
    assert ids(everything.with_(confidence=("low",)), small) == ["dep-srb-nis"]
    assert ids(everything.with_(technologies=("smart_city_general",)), small) == ["trn-seminar"]


def test_default_window_is_2019_to_2021_and_drops_older_records(small):
    assert ids(Filters(), small) == ["agr-srb-belgrade", "dep-lbn-thermal", "dep-srb-nis", "trn-seminar"]


def test_filters_do_not_mutate_the_dataset(small):
    before = small.records.copy()
    Filters(companies=("huawei",)).apply(small)
    pd.testing.assert_frame_equal(small.records, before)


def test_reversed_range_is_refused():
    with pytest.raises(ValueError):
        Filters(date_from=pd.Period("2021-01", "M"), date_to=pd.Period("2020-01", "M"))


def test_description_reads_as_a_sentence():
    filters = Filters(companies=("huawei", "zte"), record_types=("deployment",), regions=("Eastern Africa",))
    text = filters.describe({"huawei": "Huawei", "zte": "ZTE"})
    assert text == "Huawei and ZTE deployments in Eastern Africa (only these countries counted), dated wholly in 2019-01 to 2021-12"
    assert filters.slug() == "huawei-and-zte-deployments-in-eastern-africa-dated-wholly-in-2019-01-to-2021-12"


def test_month_codes_select_exactly_what_the_dates_do(shipped):
    """The filter compares month codes; the same bounds on the datetimes must agree."""
    dates_only = shipped.records.drop(columns=["start_month", "end_month"])
    months = pd.period_range("2008-01", "2022-12", freq="M")
    for i, start in enumerate(months[::7]):
        end = months[min(len(months) - 1, i * 7 + 13)]
        for rule in ("within", "overlaps"):
            for bounds in ((start, end), (None, end), (start, None)):
                fast = date_mask(shipped.records, *bounds, rule)
                assert (fast == date_mask(dates_only, *bounds, rule)).all(), (bounds, rule)
