"""The filtered view as GeoJSON: one point per located deployment or agreement, and one
Natural Earth country shape per country with its record count."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd

from ..analysis.counts import count_by_country
from ..data import Dataset
from ..data.geo import boundaries
from . import export_frame

POINT_COLUMNS = ["id", "record_type", "company_names", "country", "city", "technology", "mode", "date", "date_precision",
                 "status", "anti_epidemic", "confidence", "disputed", "summary", "source_urls"]


def build(data: Dataset, records: pd.DataFrame) -> bytes:
    located = records[(records["place"] >= 0) & (records["record_type"] != "training")]
    frame = export_frame(data, located)
    points = gpd.GeoDataFrame(
        frame[POINT_COLUMNS].assign(feature="record"),
        geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326",
    )
    counts = count_by_country(data, records)
    shapes = boundaries()[["iso3", "geometry"]].merge(counts, left_on="iso3", right_on="country")
    countries = gpd.GeoDataFrame(shapes[["country", "name", "records"]].assign(feature="country"), geometry=shapes.geometry, crs="EPSG:4326")
    collection = json.loads(points.to_json(drop_id=True))
    collection["features"] += json.loads(countries.to_json(drop_id=True))["features"]
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")
