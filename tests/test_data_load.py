import datetime as dt

import pandas as pd
import pytest
import yaml

from dashboard.data import DataError, load_dataset
from dashboard.data.dates import FuzzyDate
from tests.conftest import GOOD, PROJECT


def count_records(directory, table):
    return len(yaml.safe_load((directory / f"{table}.yaml").read_text(encoding="utf-8"))["records"])


@pytest.mark.parametrize("directory", [GOOD, PROJECT / "data"], ids=["fixture", "shipped"])
def test_every_record_in_the_files_is_loaded(directory):
    data = load_dataset(directory)
    for table in ("deployments", "agreements", "trainings"):
        assert len(data.table(table)) == count_records(directory, table)
    assert len(data.events) == count_records(directory, "events")
    assert len(data.companies) == count_records(directory, "companies")
    assert len(data.reported_figures) == count_records(directory, "reported_figures")


def test_vocabulary_columns_are_categorical(small):
    for column in ("record_type", "mode", "status", "confidence", "country", "date_precision", "region"):
        assert isinstance(small.records[column].dtype, pd.CategoricalDtype), column


def test_year_only_date_stays_an_interval(small):
    row = small.records.set_index("id").loc["dep-srb-nis"]
    assert row["date"] == "2020"
    assert row["date_precision"] == "year"
    assert row["date_start"] == pd.Timestamp("2020-01-01")
    assert row["date_end"] == pd.Timestamp("2020-12-31")


def test_month_date_covers_the_whole_month():
    parsed = FuzzyDate.parse("2020-02")
    assert (parsed.precision, parsed.start, parsed.end) == ("month", dt.date(2020, 2, 1), dt.date(2020, 2, 29))


@pytest.mark.parametrize("value", ["2020-13", "2020-02-30", "20", "March 2020", "2020/03", 3.5, True])
def test_malformed_dates_are_refused(value):
    with pytest.raises(ValueError):
        FuzzyDate.parse(value)


def test_link_tables_cover_every_company_and_country(small):
    record_id = small.records["id"].astype(str).to_numpy()  # a link's row is its record's position
    links = small.record_companies.groupby(record_id[small.record_companies["row"]])["company"].apply(lambda s: sorted(map(str, s)))
    assert links["agr-srb-belgrade"] == ["huawei", "zte"]
    training = small.record_countries[record_id[small.record_countries["row"]] == "trn-seminar"]
    assert sorted(map(str, training["country"])) == ["CIV", "KEN"]


def test_citations_keep_every_version_of_a_disputed_claim(small):
    cites = small.citations[small.citations["owner_id"] == "dep-lbn-thermal"]
    assert cites["claim"].tolist() == ["10 cameras", "12 cameras"]
    assert bool(small.records.set_index("id").at["dep-lbn-thermal", "disputed"])


def test_regions_come_from_the_classification(small):
    regions = small.countries.set_index("iso3")["region"]
    assert regions["KEN"] == "Eastern Africa"
    assert regions["SRB"] == "Southern Europe"


def test_broken_data_raises_instead_of_half_loading(data_copy):
    directory = data_copy("deployments", lambda records: records[0].update(country="XXX"))
    with pytest.raises(DataError) as caught:
        load_dataset(directory)
    assert any(p.record == "dep-ken-nairobi" and p.field == "country" for p in caught.value.problems)


def test_link_tables_run_in_value_order(shipped):
    """Counting per value relies on each value's links being one run (then by record row)."""
    for link, column in ((shipped.record_companies, "company"), (shipped.record_countries, "country"),
                         (shipped.record_technologies, "technology")):
        keys = pd.DataFrame({"code": link[column].cat.codes, "row": link["row"]})
        assert keys.equals(keys.sort_values(["code", "row"]))


def test_text_is_categorical_only_where_it_repeats():
    from dashboard.data.compact import compact_kind

    assert compact_kind(pd.Series(["Niš", "Niš", "Niš", "Nairobi", None])) == "category"
    assert compact_kind(pd.Series(["one summary", "another", "a third", None])) == "str"
    already = pd.Series(["a", "b"], dtype="category")
    assert compact_kind(already, keep_form=True) == already.dtype  # the cache's choice is kept, not recomputed
    assert compact_kind(already) == "str"


def test_curated_text_columns_take_the_compact_form_that_fits(shipped):
    from dashboard.data.compact import TEXT_COLUMNS

    for column in TEXT_COLUMNS:
        values = shipped.records[column].astype(object)
        repeats = values.nunique() <= values.notna().sum() // 2
        assert str(shipped.records[column].dtype) == ("category" if repeats else "str"), column
    assert str(shipped.records["summary"].dtype) == "str"
