"""One broken fixture per validation rule: each names the file, the record and the field."""

import datetime as dt

import pytest

from dashboard.cli import main
from dashboard.data.validate import parse_tables


def set_field(index, **values):
    def change(records):
        records[index].update(values)

    return change


def drop_field(index, name):
    def change(records):
        records[index].pop(name)

    return change


def append(record):
    def change(records):
        records.append(record)

    return change


TOMORROW = (dt.date.today() + dt.timedelta(days=40)).strftime("%Y-%m")

CASES = [
    ("required field", "deployments", drop_field(0, "summary"), "dep-ken-nairobi", "summary", "Field required"),
    ("required sources", "deployments", set_field(0, sources=[]), "dep-ken-nairobi", "sources", "at least 1"),
    ("mode vocabulary", "deployments", set_field(0, mode="gift"), "dep-ken-nairobi", "mode", "Input should be"),
    ("status vocabulary", "agreements", set_field(0, status="maybe"), "agr-srb-belgrade", "status", "Input should be"),
    ("confidence vocabulary", "deployments", set_field(1, confidence="certain"), "dep-srb-nis", "confidence", "Input should be"),
    ("technology vocabulary", "deployments", set_field(0, technology=["laser"]), "dep-ken-nairobi", "technology[0]", "unknown technology"),
    ("unknown company", "agreements", set_field(0, companies=["acme"]), "agr-srb-belgrade", "companies[0]", "unknown company"),
    ("iso3 code", "deployments", set_field(0, country="KE"), "dep-ken-nairobi", "country", "ISO 3166-1 alpha-3"),
    ("training country codes", "trainings", set_field(0, countries=["KEN", "Kenya"]), "trn-seminar", "countries[1]", "ISO 3166-1"),
    ("unparseable date", "deployments", set_field(0, date="spring 2014"), "dep-ken-nairobi", "date", "is not a date"),
    ("date before 2000", "deployments", set_field(0, date="1999"), "dep-ken-nairobi", "date", "before 2000"),
    ("future date", "deployments", set_field(0, date=TOMORROW), "dep-ken-nairobi", "date", "in the future"),
    ("dangling source", "deployments", set_field(0, sources=[{"source": "src-nowhere", "locator": "p. 1"}]), "dep-ken-nairobi", "sources[0].source", "unknown source"),
    ("locator required", "deployments", set_field(0, sources=[{"source": "src-test-news"}]), "dep-ken-nairobi", "sources[0].locator", "Field required"),
    ("disputed needs a note", "deployments", set_field(0, disputed=True), "dep-ken-nairobi", "-", "dispute_note"),
    ("lat without lon", "deployments", drop_field(0, "lon"), "dep-ken-nairobi", "-", "both lat and lon"),
    ("coordinates in the wrong country", "deployments", set_field(0, lat=44.80, lon=20.46), "dep-ken-nairobi", "lat/lon", "outside KEN"),
    ("coordinates in the sea", "deployments", set_field(0, lat=-10.0, lon=60.0), "dep-ken-nairobi", "lat/lon", "outside KEN"),
    ("unknown field", "deployments", set_field(0, colour="red"), "dep-ken-nairobi", "colour", "unknown field"),
    ("duplicate id across tables", "events", set_field(0, id="dep-ken-nairobi"), "dep-ken-nairobi", "id", "duplicate id"),
    ("source url scheme", "sources", set_field(0, url="javascript:alert(1)"), "src-test-news", "url", "http"),
    ("event category", "events", set_field(0, category="gossip"), "evt-who-pandemic", "category", "Input should be"),
    ("interval out of order", "deployments", set_field(0, date="2019/2016"), "dep-ken-nairobi", "date", "must end after"),
    ("interval with one bound", "deployments", set_field(0, date="2019/"), "dep-ken-nairobi", "date", "is not an interval"),
    ("milestone stage", "deployments", set_field(0, milestones=[{"stage": "rumoured", "date": "2014", "source": "src-test-news", "locator": "p. 1"}]),
     "dep-ken-nairobi", "milestones[0].stage", "Input should be"),
    ("milestone source", "deployments", set_field(0, milestones=[{"stage": "announced", "date": "2014", "source": "src-nowhere", "locator": "p. 1"}]),
     "dep-ken-nairobi", "milestones[0].source", "unknown source"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_rule_names_file_record_and_field(data_copy, case, capsys):
    _, table, change, record, field, message = case
    directory = data_copy(table, change)
    _, problems = parse_tables(directory)
    matching = [p for p in problems if p.record == record and p.field == field and message in p.message]
    assert matching, f"no problem for {record}:{field} containing {message!r}; got {[str(p) for p in problems]}"
    assert matching[0].file.endswith(".yaml")
    assert main(["validate", "--data-dir", str(directory)]) == 1
    printed = capsys.readouterr().out
    assert str(matching[0]) in printed


def test_yaml_syntax_error_names_the_line(data_copy):
    directory = data_copy()
    path = directory / "deployments.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[5].strip() == "city: Nairobi"
    lines[5] = "    city: [Nairobi"
    path.write_text("\n".join(lines), encoding="utf-8")
    _, problems = parse_tables(directory)
    syntax = [p for p in problems if p.file.endswith("deployments.yaml") and "YAML syntax error" in p.message]
    assert syntax and "line 7" in syntax[0].message, [str(p) for p in problems]


def test_every_problem_is_reported_not_just_the_first(data_copy):
    def change(records):
        records[0]["mode"] = "gift"
        records[1]["country"] = "ZZZ"

    _, problems = parse_tables(data_copy("deployments", change))
    assert {(p.record, p.field) for p in problems} >= {("dep-ken-nairobi", "mode"), ("dep-srb-nis", "country")}


def test_shipped_data_validates(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "records" in out and "countries" in out and "dates" in out
