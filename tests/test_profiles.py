"""Profiles, the Europe lens and citations on the tiny dataset, with known answers."""

import datetime as dt

from dashboard.analysis import profiles
from dashboard.analysis.europe import europe_groups, europe_table, outcome
from dashboard.citation import bibtex, plain


def test_country_profile_includes_trainings_its_officials_attended(small):
    records = profiles.of_country(small, small.records, "KEN")
    assert sorted(records["id"]) == ["dep-ken-nairobi", "trn-seminar"]
    numbers = profiles.summary(records)
    assert (numbers["deployments"], numbers["trainings"], numbers["first"], numbers["last"]) == (1, 1, "2014", "2021-10")


def test_company_profile_and_its_sources(small):
    records = profiles.of_company(small, small.records, "huawei")
    assert sorted(records["id"]) == ["agr-srb-belgrade", "dep-ken-nairobi", "dep-srb-nis"]
    cited = profiles.sources_cited(small, records).set_index("id")["records"]
    assert cited.to_dict() == {"src-test-report": 2, "src-test-news": 1}


def test_reported_figures_are_matched_by_whole_words(small):
    assert len(profiles.figures_naming(small, "agreements")) == 1
    assert len(profiles.figures_naming(small, "agree")) == 0


def test_europe_groups_come_from_the_classification_and_the_candidate_list():
    groups = europe_groups().set_index("iso3")["group"]
    assert groups["FRA"] == "EU member" and groups["NOR"] == "EEA (not EU)"
    assert groups["SRB"] == "EU candidate" and groups["GBR"] == "United Kingdom" and groups["BIH"] == "Potential candidate"
    assert "KEN" not in groups


def test_outcome_takes_the_most_final_state(small):
    result = outcome(small.records).set_axis(small.records["id"]).to_dict()
    assert result["agr-srb-belgrade"] == "signed" and result["dep-srb-nis"] == "deployed" and result["dep-lbn-thermal"] == "donated"


def test_europe_table_counts_outcomes_per_country(small):
    table = europe_table(small, small.records).set_index("country")
    assert table.loc["SRB", "group"] == "EU candidate"
    assert (table.loc["SRB", "signed"], table.loc["SRB", "deployed"], table.loc["SRB", "records"]) == (1, 1, 2)
    assert list(table.index) == ["SRB"]


def test_citations_carry_date_and_url_and_stay_valid_bibtex():
    day = dt.date(2026, 11, 22)
    text = plain("Huawei records", "http://localhost:8501/map?company=Huawei", day)
    assert "accessed 22 November 2026" in text and "company=Huawei" in text
    entry = bibtex("Weird {name} \\ here", "http://x/?a=1", day)
    assert entry.count("{") == entry.count("}")
    assert "urldate = {2026-11-22}" in entry and "\\url{http://x/?a=1}" in entry and "Weird name  here" in entry
