"""Country boundaries (Natural Earth admin-0, 1:110m) and the point-in-country check."""

from __future__ import annotations

import functools
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .geo_paths import BOUNDARIES
# 1:110m outlines are coarse: a coastal city can fall a few km into the sea. Half a degree
# (about 55 km) accepts that and still catches a point in the wrong country or mid-ocean.
TOLERANCE_DEGREES = 0.5


@functools.lru_cache(maxsize=4)
def boundaries(path: Path = BOUNDARIES) -> gpd.GeoDataFrame:
    return gpd.read_file(path)[["iso3", "name", "geometry"]]


def misplaced_points(points: pd.DataFrame, path: Path = BOUNDARIES) -> pd.DataFrame:
    """Rows of `points` (id, country, lat, lon) farther than the tolerance from their country.

    Countries too small to appear at 1:110m (Singapore, Bahrain, Mauritius...) cannot be
    checked; they are returned in `unchecked` so the summary can say so.
    """
    shapes = boundaries(path).dissolve("iso3")
    known = points["country"].isin(shapes.index)
    checked = points[known]
    geometry = gpd.points_from_xy(checked["lon"], checked["lat"], crs="EPSG:4326")
    country_shapes = gpd.GeoSeries(shapes.loc[checked["country"], "geometry"].values, crs="EPSG:4326")
    distance = gpd.GeoSeries(geometry, crs="EPSG:4326").distance(country_shapes, align=False)
    result = checked.assign(distance=distance.values)
    result = result[result["distance"] > TOLERANCE_DEGREES]
    return result, points[~known]
