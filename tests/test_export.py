"""The CSV builder: all columns, sources included, formulas neutralised, everything else intact."""

import io

import pandas as pd
import pytest

from dashboard.analysis.filters import Filters
from dashboard.cli import main
from dashboard.export import COLUMNS, export_frame, neutralise, to_csv_bytes
from tests.conftest import GOOD


def read(payload: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(payload), dtype=str, keep_default_na=False, encoding="utf-8")


def test_columns_and_rows(small):
    table = read(to_csv_bytes(small, small.records))
    assert table.columns.tolist() == COLUMNS
    assert sorted(table["id"]) == sorted(small.records["id"])


def test_year_only_date_stays_year_only_in_csv(small):
    table = read(to_csv_bytes(small, small.records)).set_index("id")
    assert table.loc["dep-srb-nis", "date"] == "2020"
    assert table.loc["dep-srb-nis", "date_precision"] == "year"
    assert "2020-01-01" not in table.loc["dep-srb-nis"].to_string()


def test_every_source_version_is_kept_in_order(small):
    row = read(to_csv_bytes(small, small.records)).set_index("id").loc["dep-lbn-thermal"]
    assert row["source_ids"] == "src-test-news | src-test-report"
    assert row["source_claims"] == "10 cameras | 12 cameras"
    assert row["source_urls"] == "https://example.org/a | https://example.org/b"
    assert row["disputed"] == "True"


def test_formula_cells_are_neutralised(small):
    row = read(to_csv_bytes(small, small.records)).set_index("id").loc["dep-lbn-thermal"]
    assert row["summary"].startswith("'=HYPERLINK")


def test_negative_numbers_stay_numbers(small):
    row = read(to_csv_bytes(small, small.records)).set_index("id").loc["dep-ken-nairobi"]
    assert row["lat"] == "-1.2833"


def test_neutralise_rules():
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    for safe in ("Niš", "Mazarrón", "São Vicente", "Côte d'Ivoire", "a=b", "", 5, None):
        assert neutralise(safe) == safe


def test_round_trip_keeps_every_other_value(small):
    """Every cell except neutralised ones reads back exactly as export_frame built it."""
    frame = export_frame(small, small.records).astype(object).where(lambda f: f.notna(), "")
    table = read(to_csv_bytes(small, small.records))
    assert table.shape == frame.shape
    for column in COLUMNS:
        for built, written in zip(frame[column], table[column]):
            built_text = str(built)
            if isinstance(built, float) and built.is_integer():
                built_text = repr(built)
            if isinstance(built, str) and built.startswith(("=", "+", "-", "@", "\t", "\r")):
                assert written == "'" + built
            elif isinstance(built, bool):
                assert written == str(built)
            else:
                assert written == built_text or float(written) == float(built), (column, built, written)
    by_id = table.set_index("id")
    assert "Mazarrón" in by_id.loc["agr-srb-belgrade", "summary"] and "São Vicente" in by_id.loc["agr-srb-belgrade", "summary"]
    assert by_id.loc["dep-srb-nis", "city"] == "Niš"
    assert by_id.loc["trn-seminar", "participating_countries"] == "KEN | CIV"


def test_cli_export_with_no_options_writes_every_record(small, tmp_path, capsys):
    out = tmp_path / "all.csv"
    assert main(["export", "--data-dir", str(GOOD), "--out", str(out)]) == 0
    assert out.read_bytes() == to_csv_bytes(small, Filters.everything().apply(small))
    assert len(read(out.read_bytes())) == len(small.records)


def test_cli_export_filters_match_the_filter_object(small, tmp_path):
    out = tmp_path / "f.csv"
    args = ["export", "--data-dir", str(GOOD), "--company", "huawei", "--country", "SRB", "--from", "2019-01", "--to", "2021-12",
            "--type", "deployment", "--out", str(out)]
    assert main(args) == 0
    expected = Filters(companies=("huawei",), countries=("SRB",), record_types=("deployment",))
    assert out.read_bytes() == to_csv_bytes(small, expected.apply(small))
    assert read(out.read_bytes())["id"].tolist() == ["dep-srb-nis"]


def test_cli_accepts_names_and_plural_types(tmp_path):
    exact, friendly = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["export", "--data-dir", str(GOOD), "--company", "huawei", "--type", "deployment", "--out", str(exact)]) == 0
    assert main(["export", "--data-dir", str(GOOD), "--company", "Huawei", "--type", "deployments", "--out", str(friendly)]) == 0
    assert exact.read_bytes() == friendly.read_bytes() and len(read(exact.read_bytes())) == 2


@pytest.mark.parametrize(
    ("option", "value", "suggestion"),
    [("--company", "Acme", None), ("--company", "huawie", "Huawei"), ("--country", "XXX", None),
     ("--country", "Serbiaa", "Serbia"), ("--technology", "Video surveilance", "Video surveillance"),
     ("--type", "deploymnet", "Deployments"), ("--region", "Southern Eruope", "Southern Europe")],
)
def test_cli_unknown_value_is_an_error_with_suggestions_and_no_file(tmp_path, capsys, option, value, suggestion):
    out = tmp_path / "never.csv"
    assert main(["export", "--data-dir", str(GOOD), option, value, "--out", str(out)]) == 2
    message = capsys.readouterr().err
    assert f"'{value}'" in message
    if suggestion:
        assert f"'{suggestion}'" in message
    assert not out.exists()


def test_cli_takes_labels_names_and_any_case_for_every_vocabulary(small, tmp_path):
    by_id, by_words = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["export", "--data-dir", str(GOOD), "--technology", "video_surveillance", "--country", "SRB",
                 "--region", "Southern Europe", "--out", str(by_id)]) == 0
    assert main(["export", "--data-dir", str(GOOD), "--technology", "VIDEO surveillance", "--country", "serbia",
                 "--region", "southern europe", "--out", str(by_words)]) == 0
    assert by_id.read_bytes() == by_words.read_bytes() and len(read(by_id.read_bytes())) >= 1
