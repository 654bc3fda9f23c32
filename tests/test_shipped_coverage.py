"""The shipped dataset must not shrink silently: minimums from the project's coverage goal."""

import pandas as pd


def test_at_least_200_records_50_countries_15_companies(shipped):
    assert len(shipped.records) >= 200
    assert shipped.record_countries["country"].nunique() >= 50
    assert shipped.record_companies["company"].nunique() >= 15


def test_every_record_cites_a_url_or_a_founding_document_locator(shipped):
    cites = shipped.citations.merge(shipped.sources[["id", "url", "kind"]], left_on="source_id", right_on="id")
    cites = cites[cites["owner_id"].isin(shipped.records["id"])]
    usable = (cites["url"].str.len() > 0) | ((cites["kind"] == "founding_document") & (cites["locator"].str.len() > 0))
    assert set(cites.loc[usable, "owner_id"]) == set(shipped.records["id"])


def test_both_periods_are_covered(shipped):
    years = shipped.records["date_start"].dt.year
    assert (years < 2020).sum() >= 80
    assert (years >= 2020).sum() >= 80


def test_every_record_type_and_confidence_level_occurs(shipped):
    assert set(shipped.records["record_type"]) == {"deployment", "agreement", "training"}
    assert set(shipped.records["confidence"]) == {"high", "medium", "low"}
    assert shipped.records["disputed"].sum() > 0


def test_founding_document_facts_are_present(shipped):
    ids = set(shipped.records["id"])
    for expected in (
        "dep-ken-huawei-videoconf-2020", "dep-pak-huawei-videoconf-2020", "dep-lbn-dahua-thermal-beirut-2020",
        "dep-tha-dahua-thermal-2020", "dep-esp-dji-drones-mazarron-2020", "dep-ita-dji-drones-turin-2020",
        "dep-phl-dji-drones-pasig-2020", "dep-srb-huawei-nis-pilot-2019", "agr-deu-huawei-duisburg-2018",
        "agr-esp-ehang-seville-2020", "trn-2019-bri-smart-cities", "trn-public-opinion-guidance-36-countries",
    ):
        assert expected in ids, expected
    seed_cited = shipped.citations[shipped.citations["source_id"].str.startswith("seed-")]
    assert seed_cited["owner_id"].nunique() >= 40
    assert pd.Series(["fig-csis-2019-huawei-safe-city-agreements", "fig-uscc-2020-smart-city-export-cases"]).isin(shipped.reported_figures["id"]).all()


# The project's minimums per year band (by the year a record's date starts): 100 dated
# 2009-2015, 60 dated 2021, 80 dated 2022-2023, 600 in all. The bands without a target keep
# a floor at what they held when these were reached, so no edit can silently thin a period.
BAND_FLOORS = {(2009, 2015): 100, (2016, 2018): 130, (2019, 2019): 70, (2020, 2020): 105, (2021, 2021): 60, (2022, 2023): 80}


def test_no_year_band_falls_below_its_floor(shipped):
    years = shipped.records["date_start"].dt.year
    for (first, last), floor in BAND_FLOORS.items():
        assert years.between(first, last).sum() >= floor, (first, last)
    assert len(shipped.records) >= 600


def test_every_research_line_is_logged_and_every_band_searched(shipped):
    from dashboard.analysis.reconcile import effort_by_band

    assert shipped.research_queries["line"].nunique() >= 15
    effort = effort_by_band(shipped)
    assert (effort["queries"] > 0).all() and (effort["candidates_read"] > 0).all()


def test_trainings_in_every_period_online_included(shipped):
    trainings = shipped.records[shipped.records["record_type"] == "training"]
    years = trainings["date_start"].dt.year
    for first, last in ((2009, 2015), (2016, 2018), (2019, 2020), (2021, 2021), (2022, 2023)):
        assert years.between(first, last).sum() > 0, (first, last)
    assert trainings["summary"].str.contains("online", case=False).sum() >= 5


def test_carnegie_pairs_are_covered_or_explained(shipped):
    """At least 85% of the Chinese country-supplier pairs in Carnegie's index have a cited
    record; every pair without one carries the reason the research logged."""
    from dashboard.analysis import reconcile

    pairs = reconcile.reference_pairs(shipped)
    covered, total = reconcile.coverage_share(pairs)
    assert total > 0 and covered / total >= 0.85, (covered, total)
    missing = pairs[~pairs["covered"]]
    assert missing["reason"].fillna("").str.len().gt(0).all(), missing[["country", "company"]].values.tolist()
