"""The filter registry: one declaration drives the dataclass, the CLI, the URL and the
sentence, and every place recognises values the same way."""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.analysis.filters import Filters
from dashboard.analysis.registry import BY_KEY, FILTERS, describe, names_of, vocabularies
from dashboard.analysis.vocabulary import NoRecords, UnknownValue
from dashboard.cli import main, parser
from dashboard.data import load_dataset
from dashboard.data.text import fold, matches, query_words
from tests.conftest import GOOD, PROJECT

APP = str(PROJECT / "dashboard" / "app.py")


def add_company(records):
    """A listed company that no record names."""
    records.append({"id": "megvii", "name": "Megvii", "sources": [{"source": "src-test-report", "locator": "p. 4"}]})


def fields_of(spec) -> set[str]:
    return set(spec.field) if isinstance(spec.field, tuple) else {spec.field}


def test_every_filters_field_has_exactly_one_registry_entry():
    declared = [name for spec in FILTERS for name in fields_of(spec)]
    assert sorted(declared) == sorted(f.name for f in dataclasses.fields(Filters))
    assert len({spec.key for spec in FILTERS}) == len(FILTERS)


def test_every_registry_entry_has_a_cli_option_and_they_are_distinct():
    options = {opt for action in parser()._subparsers._group_actions[0].choices["export"]._actions for opt in action.option_strings}
    flags = [flag for spec in FILTERS for flag in (spec.cli if isinstance(spec.cli, tuple) else (spec.cli,))]
    assert len(flags) == len(set(flags)) and set(flags) <= options


def test_values_resolve_by_id_name_any_case_and_accents(small):
    known = vocabularies(small)
    assert known["company"].resolve("HUAWEI") == known["company"].resolve("huawei") == "huawei"
    assert known["country"].resolve("serbia") == known["country"].resolve("srb") == "SRB"
    assert known["country"].resolve("cote d'ivoire") == "CIV"
    assert known["technology"].resolve("VIDEO SURVEILLANCE") == "video_surveillance"
    with pytest.raises(UnknownValue) as err:
        known["company"].resolve("huawie")
    assert "Huawei" in err.value.suggestions


def test_a_known_value_without_records_is_named_not_emptied(data_copy, tmp_path, capsys):
    folder = data_copy("companies", add_company)
    data = load_dataset(folder, use_cache=False)
    known = vocabularies(data)
    assert "megvii" not in known["company"].ids  # not offered in the sidebar
    with pytest.raises(NoRecords):
        known["company"].resolve("MEGVII")
    out = tmp_path / "never.csv"
    assert main(["export", "--data-dir", str(folder), "--company", "megvii", "--out", str(out)]) == 2
    assert "'Megvii' has no records" in capsys.readouterr().err and not out.exists()


def test_search_folds_case_and_accents_and_matches_word_starts(small):
    text = small.search_text
    ids = lambda query: sorted(small.records["id"][matches(text, query)])  # noqa: E731
    assert ids("sao vicente") == ids("São Vicente") == ["agr-srb-belgrade"]
    assert ids("nis") == ["dep-srb-nis"]  # starts a word ("Niš"), never inside one
    assert ids("NAIROBI police") == ["dep-ken-nairobi"]  # every word must match
    assert ids("nairobi seminar") == []
    assert "dep-ken-nairobi" in ids("kenya")  # country names are searchable
    assert ids('"memorandum with"') == ["agr-srb-belgrade"] and ids('"with memorandum"') == []
    assert query_words('  "Safe City"  Niš ') == ["safe city", "nis"] and fold("São") == "sao"


def test_search_is_a_filter_in_the_mask_and_the_sentence(small):
    filters = Filters(search="mazarron", date_from=None, date_to=None)
    assert list(filters.apply(small)["id"]) == ["agr-srb-belgrade"]
    assert describe(filters, names_of(vocabularies(small))).endswith("matching 'mazarron'")
    assert Filters(search="   ").mask(small).sum() == Filters().mask(small).sum()


def test_cli_search(tmp_path):
    out = tmp_path / "a.csv"
    assert main(["export", "--data-dir", str(GOOD), "--search", "SAO vicente", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("agr-srb-belgrade") == 1


def test_place_filters_count_only_the_chosen_countries(small):
    from dashboard.analysis.counts import count_by_country, totals

    filters = Filters(countries=("KEN",), date_from=None, date_to=None)
    chosen, places = filters.mask(small), filters.place_links(small)
    assert "trn-seminar" in set(small.records["id"][chosen])  # the seminar of Kenya and Côte d'Ivoire is selected
    assert totals(small, chosen, places).countries == 1
    assert list(count_by_country(small, chosen, places)["country"]) == ["KEN"]
    assert set(count_by_country(small, chosen)["country"]) == {"KEN", "CIV"}  # without the rule, CIV would count
    region = Filters(regions=("Western Africa",), date_from=None, date_to=None)
    assert list(count_by_country(small, region.mask(small), region.place_links(small))["country"]) == ["CIV"]


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(GOOD))
    return AppTest.from_file(APP, default_timeout=60)


def test_url_values_are_recognised_in_any_case_and_rewritten(app):
    app.query_params.update({"company": ["huawei"], "country": ["serbia"], "type": ["deployments"], "q": ["nis"],
                             "period": ["2009-01", "2023-12"], "region": ["SOUTHERN europe"],
                             "technology": ["video SURVEILLANCE"], "rule": ["overlaps"], "epidemic": ["FALSE"]})
    app.run()
    assert not app.exception
    assert app.multiselect(key="region").value == ["Southern Europe"]
    assert app.multiselect(key="technology").value == ["video_surveillance"]
    assert app.radio(key="rule").value == "overlaps"
    assert app.multiselect(key="company").value == ["huawei"]
    assert app.multiselect(key="country").value == ["SRB"]
    assert app.multiselect(key="type").value == ["deployment"]
    assert app.text_input(key="q").value == "nis"
    assert not app.sidebar.caption or "not used" not in " ".join(c.value for c in app.sidebar.caption)
    sentence = " ".join(c.value for c in app.caption)
    assert "Huawei deployments of Video surveillance in Serbia and Southern Europe" in sentence and "matching 'nis'" in sentence.replace("\\", "")


def test_url_with_a_known_value_without_records_says_so(monkeypatch, data_copy):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(data_copy("companies", add_company)))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"company": ["megvii"]})
    at.run()
    text = " ".join(c.value for c in at.sidebar.caption).replace("\\", "")
    assert "company 'Megvii' (no records)" in text
    assert at.multiselect(key="company").value == []


def test_every_multiple_choice_filter_has_a_sidebar_widget_with_its_options(app, small):
    app.run()
    known = vocabularies(small)
    for key, spec in BY_KEY.items():
        if key in known:
            assert app.multiselect(key=key).options == [known[key].shown[i] for i in known[key].ids], key


def test_row_positions_are_checked(small):
    import dataclasses

    from dashboard.data.dataset import check_row_positions

    assert check_row_positions(small) is small
    shuffled = dataclasses.replace(small, records=small.records.iloc[::-1])
    with pytest.raises(ValueError, match="row position"):
        check_row_positions(shuffled)
    links = small.record_companies.assign(row=small.record_companies["row"] + 100)
    with pytest.raises(ValueError, match="outside"):
        check_row_positions(dataclasses.replace(small, record_companies=links))
