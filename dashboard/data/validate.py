"""Every check on the curated tables, collecting all problems before anything is shown."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from .geo_paths import BOUNDARIES
from .problems import Problem
from .schema import OPTIONAL_TABLES, RECORD_TABLES, RESEARCH_FOLDER, TABLES, ResearchLog
from .yamlio import read_document, read_table

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SEED_REGISTER = Path(__file__).resolve().parents[2] / "seeds" / "register.yaml"


@dataclass
class Parsed:
    tables: dict[str, list]  # table name -> validated models, in file order
    files: dict[str, str]  # table name -> file name used in messages
    unchecked_coordinates: list[str]  # record ids whose country is too small for the 1:110m map
    research: list | None = None  # (file name, ResearchLog) per research line


def _field_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path or "-"


def _errors(error_source: ValidationError, display: str, label: str, line: int | None = None) -> list[Problem]:
    problems = []
    for error in error_source.errors():
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field (check its spelling)"
        where = f" (line {line})" if line is not None else ""
        problems.append(Problem(display, label, _field_path(error["loc"]), f"{message}{where}"))
    return problems


def _parse_table(name: str, path: Path, display: str) -> tuple[list, list[Problem]]:
    if name in OPTIONAL_TABLES and not path.exists():
        return [], []
    rows, problems = read_table(path, display)
    model = TABLES[name]
    parsed = []
    for position, (raw, line) in enumerate(rows):
        record_id = raw.get("id") if isinstance(raw, dict) else None
        label = str(record_id) if record_id else f"#{position + 1}"
        if not isinstance(raw, dict):
            problems.append(Problem(display, label, "-", f"line {line}: a record must be a mapping of fields"))
            continue
        try:
            parsed.append(model.model_validate(raw))
        except ValidationError as err:
            problems += _errors(err, display, label, line)
    return parsed, problems


def research_files(data_dir: Path) -> list[Path]:
    folder = data_dir / RESEARCH_FOLDER
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _parse_research(data_dir: Path) -> tuple[list, list[Problem]]:
    """Every research log in data/research/, one line each; a broken log is named like a table."""
    logs, problems = [], []
    for path in research_files(data_dir):
        display = f"{data_dir.name}/{RESEARCH_FOLDER}/{path.name}"
        _, document, found = read_document(path, display)
        problems += found
        if found:
            continue
        label = str(document.get("line", "-")) if isinstance(document, dict) else "-"
        try:
            logs.append((display, ResearchLog.model_validate(document)))
        except ValidationError as err:
            problems += _errors(err, display, label)
    return logs, problems


def seed_register(data_dir: Path) -> Path:
    """The seeds/register.yaml beside a data folder, or the project's own."""
    beside = data_dir.parent / "seeds" / "register.yaml"
    return beside if beside.exists() else SEED_REGISTER


def parse_tables(data_dir: Path | None = None) -> tuple[Parsed, list[Problem]]:
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    register = seed_register(data_dir)
    problems: list[Problem] = []
    tables: dict[str, list] = {}
    files: dict[str, str] = {}
    for name in TABLES:
        path = data_dir / f"{name}.yaml"
        files[name] = f"{data_dir.name}/{path.name}"
        tables[name], found = _parse_table(name, path, files[name])
        problems += found
    seeds, found = _parse_table("sources", register, f"seeds/{register.name}")
    problems += found
    tables["sources"] = seeds + tables["sources"]
    research, found = _parse_research(data_dir)
    problems += found
    parsed = Parsed(tables, files, [], research)
    problems += _cross_checks(parsed, data_dir)
    return parsed, problems


def _cross_checks(parsed: Parsed, data_dir: Path) -> list[Problem]:
    tables, files = parsed.tables, parsed.files
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name, rows in tables.items():
        for row in rows:
            if row.id in seen:
                problems.append(Problem(files[name], row.id, "id", f"duplicate id (also in {seen[row.id]})"))
            else:
                seen[row.id] = files[name]
    sources = {row.id for row in tables["sources"]}
    companies = {row.id for row in tables["companies"]}
    technologies = {row.id for row in tables["technologies"]}
    for name in ("companies", "technologies", *RECORD_TABLES, "events", "reported_figures"):
        for row in tables[name]:
            for i, citation in enumerate(row.sources):
                if citation.source not in sources:
                    problems.append(Problem(files[name], row.id, f"sources[{i}].source", f"unknown source '{citation.source}'"))
            for i, company in enumerate(getattr(row, "companies", [])):
                if company not in companies:
                    problems.append(Problem(files[name], row.id, f"companies[{i}]", f"unknown company '{company}'"))
            for i, tech in enumerate(getattr(row, "technology", [])):
                if tech not in technologies:
                    problems.append(Problem(files[name], row.id, f"technology[{i}]", f"unknown technology '{tech}'"))
    for name in RECORD_TABLES:
        for row in tables[name]:
            for i, milestone in enumerate(row.milestones):
                if milestone.source not in sources:
                    problems.append(Problem(files[name], row.id, f"milestones[{i}].source", f"unknown source '{milestone.source}'"))
    problems += _research_checks(parsed, set(seen))
    problems += _coordinate_checks(parsed, data_dir)
    return problems


def _research_checks(parsed: Parsed, ids: set[str]) -> list[Problem]:
    """A log may only point at records that exist, and each line is logged once."""
    problems, lines = [], {}
    for display, log in parsed.research or []:
        if log.line in lines:
            problems.append(Problem(display, log.line, "line", f"line name also used in {lines[log.line]}"))
        lines[log.line] = display
        for i, candidate in enumerate(log.candidates):
            for record in candidate.records:
                if record not in ids:
                    problems.append(Problem(display, log.line, f"candidates[{i}].records", f"unknown record '{record}'"))
        for i, pair in enumerate(log.aigs_pairs):
            for record in pair.records:
                if record not in ids:
                    problems.append(Problem(display, log.line, f"aigs_pairs[{i}].records", f"unknown record '{record}'"))
    return problems


def _coordinate_checks(parsed: Parsed, data_dir: Path) -> list[Problem]:
    located = [
        (name, row.id, row.country, row.lat, row.lon)
        for name in ("deployments", "agreements")
        for row in parsed.tables[name]
        if row.lat is not None
    ]
    if not located:
        return []
    from . import geo  # geopandas is imported only when coordinates are checked, not by the cached app start

    points = pd.DataFrame(located, columns=["table", "id", "country", "lat", "lon"])
    boundaries = data_dir / "boundaries" / BOUNDARIES.name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # distances in degrees are what we want here
        misplaced, unchecked = geo.misplaced_points(points, boundaries if boundaries.exists() else BOUNDARIES)
    parsed.unchecked_coordinates = unchecked["id"].tolist()
    return [
        Problem(
            parsed.files[row.table], row.id, "lat/lon",
            f"({row.lat}, {row.lon}) lies {row.distance:.1f} degrees outside {row.country}",
        )
        for row in misplaced.itertuples()
    ]
