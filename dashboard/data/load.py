"""Turn validated tables into typed pandas DataFrames: the one object the app and CLI use."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pandas as pd

from .countries import classification, country_name
from .dates import PRECISIONS, FuzzyDate
from .problems import DataError
from .schema import RECORD_TABLES, Confidence, Mode, Status
from . import cache
from .compact import compact_text
from .geo_paths import BOUNDARIES
from .validate import DATA_DIR, Parsed, parse_tables, research_files, seed_register
from .dataset import (CANDIDATE_COLUMNS, MILESTONE_COLUMNS, PAIR_COLUMNS, QUERY_COLUMNS, RECORD_TYPES,
                      REFERENCE_COLUMNS, Dataset, check_row_positions, empty_milestones)


def load_dataset(data_dir: Path | str | None = None, use_cache: bool = True) -> Dataset:
    """Load and validate every table; raise DataError listing all problems, never half-load.

    With use_cache, a Parquet copy made by an earlier successful load of byte-identical
    files is read instead of revalidating (see data/cache.py).
    """
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    key = cache.fingerprint(source_files(data_dir)) if use_cache else None
    if key and (cached := cache.read(key)) is not None:
        return cached
    parsed, problems = parse_tables(data_dir)
    if problems:
        raise DataError(problems)
    data = build_dataset(parsed)
    if key:
        cache.write(key, data)
    return data


def source_files(data_dir: Path) -> list[Path]:
    """Every file whose bytes decide the dataset."""
    from .schema import TABLES

    boundaries = data_dir / "boundaries" / "ne_110m_admin_0_countries.geojson"
    return ([data_dir / f"{name}.yaml" for name in TABLES] + research_files(data_dir)
            + [seed_register(data_dir), boundaries if boundaries.exists() else BOUNDARIES])


def _date_columns(frame: pd.DataFrame, column: str = "date") -> pd.DataFrame:
    values = frame.pop(column)
    frame[column] = [d.text for d in values]
    frame[f"{column}_precision"] = pd.Categorical([d.precision for d in values], categories=list(PRECISIONS))
    frame[f"{column}_start"] = pd.to_datetime([d.start for d in values]).astype("datetime64[ms]")
    frame[f"{column}_end"] = pd.to_datetime([d.end for d in values]).astype("datetime64[ms]")
    return frame


def with_month_codes(records: pd.DataFrame) -> pd.DataFrame:
    """The months of each date's start and end as integers (pandas period ordinals). The date
    filter works in whole months, so it compares these: four small-integer comparisons
    instead of four on datetimes, a few ms per filter change at a million records."""
    for edge in ("start", "end"):
        records[f"{edge}_month"] = records[f"date_{edge}"].dt.to_period("M").array.asi8.astype("int32")
    return records


def _fields(model, exclude=(), keep_dates=("date",)) -> dict:
    """Model fields as a plain dict; dates become their text except those kept for _date_columns."""
    row = {}
    for name in type(model).model_fields:
        if name in exclude:
            continue
        value = getattr(model, name)
        if isinstance(value, FuzzyDate) and name not in keep_dates:
            value = value.text
        row[name] = value
    return row


def _records_frame(parsed: Parsed) -> pd.DataFrame:
    rows = []
    for table in RECORD_TABLES:
        for model in parsed.tables[table]:
            row = _fields(model, exclude={"sources"})
            row["record_type"] = RECORD_TYPES[table]
            row["companies"] = list(model.companies)
            row["technology"] = list(model.technology)
            row["countries"] = [model.country] if table != "trainings" else list(model.countries)
            rows.append(row)
    columns = [
        "id", "record_type", "title", "organiser", "companies", "country", "countries", "country_count",
        "city", "lat", "lon", "technology", "mode", "date", "end_date", "status", "anti_epidemic",
        "confidence", "disputed", "dispute_note", "value_usd", "summary",
    ]
    frame = pd.DataFrame(rows).reindex(columns=columns)
    frame = with_month_codes(_date_columns(frame))
    # one integer per distinct located place, so maps can group by it cheaply
    located = frame["lat"].notna()
    frame["place"] = -1
    frame.loc[located, "place"] = frame[located].groupby(["lat", "lon", "city"], sort=False).ngroup()
    return frame




def _link(records: pd.DataFrame, column: str, name: str, categories: list | None = None) -> pd.DataFrame:
    """(row, name): `row` is the record's position in `records`, so a selection of records
    picks its links by array lookup instead of matching ids (and a million ids are not
    repeated in three more tables; `records["id"]` gives them back). A value listed twice
    on one record is linked once. With `categories`, the value is categorical and the links
    are ordered by value, then row: each value's records are one contiguous run, so counting
    a selection per value needs no sort or groupby."""
    values = records[column].explode().dropna()
    link = pd.DataFrame({"row": values.index.to_numpy(dtype="int64"), name: values.to_numpy()})
    link = link.drop_duplicates(["row", name], ignore_index=True)
    if categories is not None:
        link[name] = pd.Categorical(link[name], categories=categories)
        link = link.sort_values([name, "row"], kind="stable", ignore_index=True, na_position="first")
    return link


def mark_first_in_region(record_countries: pd.DataFrame) -> None:
    """A training's participants can share a region: counts per region read only each
    record's first link to it, so the record counts once there."""
    record_countries["first_in_region"] = ~record_countries.duplicated(["row", "region"]).to_numpy()


def _milestones(parsed: Parsed) -> pd.DataFrame:
    """One row per dated stage; `row` is the record's position in `records` (same order as
    _records_frame), so a page selects a selection's milestones by array lookup."""
    records = (row for table in RECORD_TABLES for row in parsed.tables[table])
    rows = [
        {"row": position, "record_id": row.id, "stage": m.stage, "date": m.date, "source_id": m.source,
         "locator": m.locator, "note": m.note}
        for position, row in enumerate(records) for m in row.milestones
    ]
    if not rows:
        return empty_milestones()
    frame = _date_columns(pd.DataFrame(rows))
    return frame.sort_values(["row", "date_start"], kind="stable")[MILESTONE_COLUMNS].reset_index(drop=True)


def _research(parsed: Parsed) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    queries, candidates, pairs = [], [], []
    for _, log in parsed.research or []:
        line = {"line": log.line, "region": log.region, "period_from": log.period.start, "period_to": log.period.end}
        queries += [line | {"query": q.query, "relevant": q.relevant} for q in log.queries]
        candidates += [line | c.model_dump() | {"records": "; ".join(c.records)} for c in log.candidates]
        pairs += [{"line": log.line} | p.model_dump() | {"records": "; ".join(p.records)} for p in log.aigs_pairs]
    return (
        pd.DataFrame(queries, columns=QUERY_COLUMNS),
        pd.DataFrame(candidates, columns=CANDIDATE_COLUMNS).astype({"year": "Int64"}),
        pd.DataFrame(pairs, columns=PAIR_COLUMNS),
    )


def _reference(parsed: Parsed) -> pd.DataFrame:
    rows = [r.model_dump(exclude={"id", "note"}) for r in parsed.tables.get("aigs_2022", [])]
    frame = pd.DataFrame(rows, columns=REFERENCE_COLUMNS)
    for column in ("suppliers_named", "chinese_suppliers"):
        frame[column] = frame[column].map("; ".join)  # flat text: Parquet and CSV keep it as written
    return frame


# One marker, wherever a title is shown or exported, for a title the page itself did not show.
TITLE_MARKERS = {"headline": "", "from_url": " [title rebuilt from the page address]",
                 "described": " [no headline shown; our description]"}


def build_dataset(parsed: Parsed) -> Dataset:
    records = _records_frame(parsed)
    technologies = pd.DataFrame([t.model_dump(exclude={"sources"}) for t in parsed.tables["technologies"]])
    companies = pd.DataFrame([_fields(c, exclude={"sources"}, keep_dates=()) for c in parsed.tables["companies"]])
    country_codes = sorted({c for cs in records["countries"] for c in cs} | set(records["country"].dropna()))
    countries = classification().reindex(country_codes).reset_index()
    countries["name"] = countries["iso3"].map(country_name)
    countries["region"] = countries["region"].fillna("Unknown")

    records["record_type"] = pd.Categorical(records["record_type"], categories=list(RECORD_TYPES.values()))
    records["mode"] = pd.Categorical(records["mode"], categories=list(get_args(Mode)))
    records["status"] = pd.Categorical(records["status"], categories=list(get_args(Status)))
    records["confidence"] = pd.Categorical(records["confidence"], categories=list(get_args(Confidence)))
    records["country"] = pd.Categorical(records["country"], categories=country_codes)
    records["country_count"] = records["country_count"].astype("Int64")
    records["value_usd"] = pd.to_numeric(records["value_usd"]).astype("Float64")
    records["anti_epidemic"] = records["anti_epidemic"].astype(bool)
    records["disputed"] = records["disputed"].astype(bool)
    region_of = countries.set_index("iso3")["region"]
    records["region"] = pd.Categorical(records["country"].map(region_of).astype("object"), categories=sorted(region_of.unique()))
    records = compact_text(records)

    record_companies = _link(records, "companies", "company", companies["id"].tolist())
    record_countries = _link(records, "countries", "country", country_codes)
    record_countries["region"] = pd.Categorical(record_countries["country"].astype(object).map(region_of), categories=sorted(region_of.unique()))
    mark_first_in_region(record_countries)
    record_technologies = _link(records, "technology", "technology", technologies["id"].tolist())

    citations = pd.DataFrame(
        [
            {"owner_id": row.id, "table": table, "position": i, "source_id": c.source, "locator": c.locator, "claim": c.claim}
            for table, rows in parsed.tables.items() if table not in ("sources",)
            for row in rows for i, c in enumerate(getattr(row, "sources", []))
        ],
        columns=["owner_id", "table", "position", "source_id", "locator", "claim"],
    )
    sources = pd.DataFrame([_fields(s, keep_dates=()) for s in parsed.tables["sources"]])
    sources[["date", "accessed"]] = sources[["date", "accessed"]].fillna("").astype("string")
    sources["title"] = sources["title"] + sources["title_kind"].map(TITLE_MARKERS)
    sources["authors"] = sources["authors"].map("; ".join)

    events = pd.DataFrame([_fields(e, exclude={"sources"}) for e in parsed.tables["events"]])
    events = _date_columns(events) if len(events) else events
    figures = pd.DataFrame([_fields(f, exclude={"sources"}, keep_dates=()) for f in parsed.tables["reported_figures"]])
    if len(figures):
        figures["date"] = figures["date"].fillna("")

    queries, candidates, pairs = _research(parsed)
    return check_row_positions(Dataset(
        records=records,
        record_companies=record_companies,
        record_countries=record_countries,
        record_technologies=record_technologies,
        citations=citations,
        sources=sources,
        companies=companies,
        technologies=technologies,
        events=events,
        reported_figures=figures,
        countries=countries,
        milestones=_milestones(parsed),
        research_queries=queries,
        research_candidates=candidates,
        research_pairs=pairs,
        reference_countries=_reference(parsed),
        unchecked_coordinates=parsed.unchecked_coordinates,
    ))
