"""The documentation cannot fall behind the code: the README's example validation errors
are exactly what the validator prints for those mistakes, and every URL parameter the app
reads is one the link checker knows."""

from __future__ import annotations

import re

from dashboard.cli import main
from tests.conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_readme_validation_example_is_real(data_copy, capsys):
    def change(records):
        records[0]["country"] = "KE"
        records[1]["lat"], records[1]["lon"] = 44.80, 30.46  # Niš moved far east, into the Black Sea

    directory = data_copy("deployments", change)
    assert main(["validate", "--data-dir", str(directory)]) == 1
    printed = capsys.readouterr().out
    block = README.split("A broken file looks like this:")[1].split("```")[1]
    examples = [line.strip() for line in block.strip().splitlines()]
    assert examples, "the README shows example errors"
    for line in examples:
        assert line in printed, f"README example not produced by the validator: {line}\n{printed}"


def test_every_bound_widget_key_is_a_filter_or_a_known_page_parameter(shipped):
    from dashboard.analysis.prepared import prepare
    from dashboard.analysis.registry import FILTERS
    from dashboard.ui.page_controls import PAGE_CHOICES
    from dashboard.ui.urlstate import FREE_TEXT, page_parameters

    source = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "dashboard").rglob("*.py"))
    bound = set(re.findall(r'key="([a-z_]+)",[^\n]*bind="query-params"', source)) | set(
        re.findall(r'key="([a-z_]+)", bind="query-params"', source))
    bound |= {"profile", "profile_company"}  # via ui.profile.choose
    bound |= {choice.key for choice in PAGE_CHOICES}  # drawn by ui.page_controls
    filters = {spec.key for spec in FILTERS}
    known = filters | set(page_parameters(prepare(shipped))) | FREE_TEXT
    assert "colour_by" in bound and bound <= known, bound - known
    assert not filters & set(page_parameters(prepare(shipped))), "a page control reuses a filter's URL key"


def test_readme_filter_table_is_generated_from_the_registry():
    from dashboard.analysis.registry import options_table

    block = README.split("<!-- filters:start")[1].split("<!-- filters:end -->")[0]
    assert block.split("-->", 1)[1].strip() == options_table(), "regenerate the README table from registry.options_table()"
