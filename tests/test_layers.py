"""The layers say what they own: no Streamlit below the ui and views, no import circle, and a
company keeps its colour on every page."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT

PACKAGE = PROJECT / "dashboard"
LOWER_LAYERS = ("data", "analysis", "figures", "export")


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """dashboard.* modules imported at module level (imports inside functions are deferred
    on purpose and cannot form a circle at import time)."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("dashboard"):
                if node.module:  # "from . import cache" imports the submodule, not the package's names
                    found.add(target)
                found |= {f"{target}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("dashboard")}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py") if "views" not in p.parts and p.name != "app.py"}
    return {name: {t for t in imports_of(path) if t in modules and t != name} for name, path in modules.items()}


def test_no_streamlit_below_the_ui():
    for layer in LOWER_LAYERS:
        for path in (PACKAGE / layer).rglob("*.py"):
            assert "streamlit" not in path.read_text(encoding="utf-8"), path


def test_no_import_circle():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node, trail):
        if state.get(node) == 1:
            raise AssertionError("import circle: " + " -> ".join(trail + [node]))
        if state.get(node) == 2:
            return
        state[node] = 1
        for target in edges.get(node, ()):
            visit(target, trail + [node])
        state[node] = 2

    for node in edges:
        visit(node, [])


def test_the_circle_check_finds_a_circle(monkeypatch):
    """The check above can fail: a made-up circle is reported."""
    import tests.test_layers as me

    monkeypatch.setattr(me, "graph", lambda: {"a": {"b"}, "b": {"a"}})
    try:
        me.test_no_import_circle()
    except AssertionError as err:
        assert "a -> b -> a" in str(err) or "b -> a -> b" in str(err)
    else:
        raise AssertionError("a circle went unnoticed")


def test_a_company_keeps_its_colour_whatever_the_filters(shipped):
    """Colours are given over the whole dataset, so the map, the timeline and the profiles,
    each drawing a different selection, give Huawei the same colour."""
    from dashboard.analysis.counts import count_by_country
    from dashboard.analysis.filters import Filters
    from dashboard.analysis.markers import city_markers
    from dashboard.analysis.prepared import prepare
    from dashboard.analysis.series import time_series
    from dashboard.figures.maps import record_map
    from dashboard.figures.timeline import timeline
    from dashboard.ui.view import _colours

    prepared = prepare(shipped)
    colours = _colours(prepared, "company")
    seen = {}
    for filters in (Filters(), Filters(companies=("huawei", "hikvision")), Filters(regions=("Eastern Africa",), date_from=None, date_to=None)):
        chosen = filters.mask(shipped)
        series = time_series(shipped, chosen, "Q", "company")
        figure = timeline(series, shipped.events.iloc[:0], colours, prepared.names, "company", (None, None), "t")
        for trace in figure.data:
            if trace.name == prepared.names["huawei"] and getattr(trace, "marker", None) is not None:
                seen.setdefault("timeline", set()).add(trace.marker.color)
        markers = city_markers(shipped, chosen, "company")
        mapped = record_map(count_by_country(shipped, chosen), markers, colours, "company", "m")
        for trace in mapped.data:
            if trace.name == prepared.names["huawei"]:
                seen.setdefault("map", set()).add(trace.marker.color)
    assert seen["timeline"] == seen["map"] == {colours["huawei"]}, seen
    assert _colours(prepare(shipped), "company") == colours  # rebuilt from scratch, the same
