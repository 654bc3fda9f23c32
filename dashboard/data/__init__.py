"""Data layer: load and validate the curated tables. No Streamlit here."""

from .dataset import Dataset
from .load import load_dataset
from .problems import DataError, Problem

__all__ = ["DataError", "Dataset", "Problem", "load_dataset"]
