"""Data layer: load and validate the curated tables. No Streamlit here."""

from .load import Dataset, load_dataset
from .problems import DataError, Problem

__all__ = ["DataError", "Dataset", "Problem", "load_dataset"]
