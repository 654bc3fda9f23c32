"""The broken-input corpus: every case is refused with file, record and field named,
`validate` exits non-zero, the app shows the list, and nothing is half-loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.cli import main
from dashboard.data import DataError, load_dataset
from dashboard.data.validate import parse_tables
from tests.conftest import FIXTURES, GOOD, PROJECT

CORPUS = FIXTURES / "broken"
MANIFEST = yaml.safe_load((CORPUS / "MANIFEST.yaml").read_text(encoding="utf-8"))


def build(tmp_path: Path, case: str) -> Path:
    expected = MANIFEST[case]
    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    table_file = target / f"{expected['table']}.yaml"
    if case.endswith("--missing-table.yaml"):
        table_file.unlink()
    elif case.endswith("--huge-file.yaml"):
        record = "  - {id: dep-x, summary: " + "x" * 1000 + "}\n"
        with table_file.open("w", encoding="utf-8") as handle:
            handle.write("records:\n")
            for _ in range(50 * 1024):  # about 50 MB
                handle.write(record)
    else:
        shutil.copyfile(CORPUS / case, table_file)
    return target


def test_corpus_has_at_least_25_cases():
    assert len(MANIFEST) >= 25
    for case in MANIFEST:
        if not case.endswith(("--missing-table.yaml", "--huge-file.yaml")):
            assert (CORPUS / case).exists(), case


@pytest.mark.parametrize("case", sorted(MANIFEST))
def test_case_is_reported_with_file_record_and_field(tmp_path, case, capsys):
    expected = MANIFEST[case]
    directory = build(tmp_path, case)
    _, problems = parse_tables(directory)
    wanted_file = f"data/{expected['table']}.yaml"
    matches = [
        p for p in problems
        if p.file == wanted_file and p.record == expected["record"] and p.field == expected["field"] and expected["message"] in p.message
    ]
    assert matches, f"expected {wanted_file}:{expected['record']}:{expected['field']}: ...{expected['message']}...; got {[str(p) for p in problems]}"
    with pytest.raises(DataError):
        load_dataset(directory)
    assert main(["validate", "--data-dir", str(directory)]) == 1
    assert str(matches[0]) in capsys.readouterr().out


@pytest.mark.parametrize("case", ["deployments--syntax-error.yaml", "deployments--billion-laughs.yaml", "deployments--not-utf8.yaml",
                                  "events--duplicate-id-across-tables.yaml", "agreements--missing-table.yaml"])
def test_app_lists_the_problems_instead_of_a_traceback(tmp_path, monkeypatch, case):
    monkeypatch.setenv("SAFE_CITY_ATLAS_DATA", str(build(tmp_path, case)))
    at = AppTest.from_file(str(PROJECT / "dashboard" / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "The data did not pass validation"
    assert MANIFEST[case]["message"] in at.code[0].value


def test_bom_and_crlf_are_tolerated_and_lose_nothing(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    path = target / "deployments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    odd, plain = load_dataset(target), load_dataset(GOOD)
    assert odd.records["id"].tolist() == plain.records["id"].tolist()
    assert odd.records["summary"].tolist() == plain.records["summary"].tolist()
