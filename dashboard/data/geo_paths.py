"""Where the boundaries live; kept apart from geo.py so naming them does not import geopandas."""

from pathlib import Path

BOUNDARIES = Path(__file__).resolve().parents[2] / "data" / "boundaries" / "ne_110m_admin_0_countries.geojson"
