"""Charts that respect counts and readers: whole-number ticks, no empty panels, titles that
wrap and sit clear of the toolbar, labels in words rather than keys."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis.series import time_series
from dashboard.data import load_dataset
from dashboard.figures.compare import rate_bars
from dashboard.figures.maps import record_map
from dashboard.figures.theme import TITLE_CHARACTERS, TOOLBAR_PX, count_ticks, titled
from dashboard.figures.timeline import milestone_strip, timeline
from tests.conftest import GOOD


@pytest.fixture(scope="module")
def data():
    return load_dataset(GOOD)


WINDOW = (pd.Timestamp("2009-01-01"), pd.Timestamp("2023-12-31"))


def no_events(data):
    return data.events.iloc[0:0]


def test_small_counts_get_a_tick_per_record_and_never_a_half():
    assert count_ticks(3) == {"tickformat": ",d", "dtick": 1}
    assert "dtick" not in count_ticks(40)  # plotly's own steps on a long range are whole numbers
    assert count_ticks(40)["tickformat"] == ",d"


def test_a_long_title_wraps_and_the_figure_grows_to_keep_its_drawing_area():
    title = "Records per year, 2018-01 to 2019-12 against 2020-01 to 2021-12 (most records first)"
    one_line, wrapped = titled("Short", 300), titled(title, 300)
    lines = wrapped["title"]["text"].removeprefix("<b>").removesuffix("</b>").split("<br>")
    assert len(lines) > 1 and all(len(line) <= TITLE_CHARACTERS for line in lines)
    assert wrapped["height"] - wrapped["margin"]["t"] == one_line["height"] - one_line["margin"]["t"] == 300
    assert wrapped["title"]["pad"]["t"] == TOOLBAR_PX  # below the toolbar's strip


def test_markup_in_a_title_is_shown_as_text():
    assert "&lt;a href" in titled("<a href='x'>Acme</a>", 300)["title"]["text"]


def test_a_subtitle_sits_under_the_title_in_smaller_type_and_adds_its_lines():
    plain, with_scope = titled("Records in 12 countries", 300), titled("Records in 12 countries", 300, "All records, dated wholly in 2019-01 to 2021-12")
    assert "font-size:12px" in with_scope["title"]["text"] and "2019-01" in with_scope["title"]["text"]
    assert with_scope["margin"]["t"] > plain["margin"]["t"]


def test_timeline_leaves_out_the_events_panel_when_no_event_falls_in_the_window(data):
    series = time_series(data, pd.Series(True, index=data.records.index).to_numpy(), "Q", "company")
    with_events = timeline(series, data.events, {}, {}, "company", WINDOW, "t")
    without = timeline(series, no_events(data), {}, {}, "company", WINDOW, "t")
    labels = lambda figure: [a.text for a in figure.layout.annotations]  # noqa: E731
    assert "Events" in labels(with_events)
    assert "Events" not in labels(without)
    assert without.layout.height < with_events.layout.height
    assert without.layout.yaxis2.dtick == 1  # a handful of records: one tick per record


def test_timeline_draws_event_categories_in_words(data):
    series = time_series(data, pd.Series(True, index=data.records.index).to_numpy(), "Q", "company")
    figure = timeline(series, data.events, {}, {}, "company", WINDOW, "t")
    categories = {y for trace in figure.data if trace.yaxis == "y" for y in trace.y}
    assert categories and not any("_" in c for c in categories)


def test_year_only_panel_appears_only_with_year_only_records(data):
    series = time_series(data, pd.Series(True, index=data.records.index).to_numpy(), "Q", "company")
    labels = lambda figure: " ".join(a.text for a in figure.layout.annotations)  # noqa: E731
    dated = series[~series["year_only"]]
    assert "dated only to a year" in labels(timeline(series, no_events(data), {}, {}, "company", WINDOW, "t"))
    assert "dated only to a year" not in labels(timeline(dated, no_events(data), {}, {}, "company", WINDOW, "t"))


def test_map_colour_bar_counts_whole_records():
    counts = pd.DataFrame({"country": ["SRB", "KEN"], "name": ["Serbia", "Kenya"], "records": [1, 2]})
    figure = record_map(counts, None, {}, "company", "t")
    assert figure.data[0].colorbar.dtick == 1 and figure.data[0].colorbar.tickformat == ",d"


def test_before_after_bars_are_horizontal_with_the_largest_first():
    table = pd.DataFrame({"company": ["zte", "huawei"], "Before": [1, 4], "After": [2, 6],
                          "Before per year": [0.5, 2.0], "After per year": [1.0, 3.0]})
    figure = rate_bars(table, "company", "Before", "After", {"huawei": "Huawei", "zte": "ZTE"}, "t")
    assert figure.data[0].orientation == "h"
    assert list(figure.data[0].y) == ["Huawei", "ZTE"] and figure.layout.yaxis.autorange == "reversed"


def test_milestone_stages_read_as_words():
    stages = pd.DataFrame({"stage": ["mou", "contract"], "date": ["2012", "2013"], "summary": ["a", "b"],
                           "date_start": pd.to_datetime(["2012-01-01", "2013-01-01"]), "date_end": pd.to_datetime(["2012-12-31", "2013-12-31"])})
    figure = milestone_strip(stages, WINDOW, "t")
    assert {trace.name for trace in figure.data} == {"MoU", "Contract"}
