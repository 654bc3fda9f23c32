"""The filtered view as a Frictionless Data Package: CSV files plus datapackage.json with a
schema for every field and the sources, zipped."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pandas as pd

from ..data import Dataset
from . import export_frame, frame_to_csv

LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
FIELD_TYPES = {"lat": "number", "lon": "number", "value_usd": "number", "country_count": "integer",
               "anti_epidemic": "boolean", "disputed": "boolean"}
DESCRIPTIONS = {
    "id": "Stable record id", "record_type": "deployment, agreement or training", "date": "As precise as the sources give it: YYYY, YYYY-MM or YYYY-MM-DD",
    "date_precision": "day, month or year: a year-only date is the whole year, never 1 January",
    "companies": "Company ids, ' | '-separated", "country": "ISO 3166-1 alpha-3 code (deployments and agreements)",
    "participating_countries": "ISO 3166-1 alpha-3 codes of a training's participants, ' | '-separated",
    "source_ids": "Ids of the sources, ' | '-separated; the other source_* columns follow the same order",
    "confidence": "high: official document or two independent outlets; medium: one reputable outlet; low: trade press or company marketing alone",
}


def _schema(frame: pd.DataFrame, key: str | None = None) -> dict:
    fields = [{"name": c, "type": FIELD_TYPES.get(c, "string"), **({"description": DESCRIPTIONS[c]} if c in DESCRIPTIONS else {})} for c in frame.columns]
    return {"fields": fields, **({"primaryKey": key} if key else {})}


def build(data: Dataset, records: pd.DataFrame, description: str, view_url: str = "") -> bytes:
    """Zip bytes holding records.csv, sources.csv, companies.csv and datapackage.json."""
    frame = export_frame(data, records)
    cited = data.citations[data.citations["owner_id"].isin(records["id"])]["source_id"].unique()
    sources = data.sources[data.sources["id"].isin(cited)][["id", "title", "authors", "publisher", "date", "url", "kind"]]
    used = data.record_companies[data.record_companies["row"].isin(records.index)]["company"].astype(str).unique()
    companies = data.companies[data.companies["id"].isin(used)].assign(aliases=lambda t: t["aliases"].map(lambda a: " | ".join(a or [])))
    companies = companies[["id", "name", "aliases", "sector", "headquarters", "ownership", "entity_list_date"]]
    tables = {"records": (frame, "id"), "sources": (sources, "id"), "companies": (companies, "id")}
    package = {
        "name": "safe-city-atlas-view",
        "title": "Safe City Atlas: " + description,
        "description": description + (f". View: {view_url}" if view_url else ""),
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "licenses": [LICENCE],
        "sources": [{"title": row.title, **({"path": row.url} if row.url else {})} for row in sources.itertuples()],
        "resources": [
            {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": _schema(table, key)}
            for name, (table, key) in tables.items()
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
        for name, (table, _) in tables.items():
            archive.writestr(f"{name}.csv", frame_to_csv(table))
    return buffer.getvalue()
