"""Plotly figure builders: (DataFrame, options) -> Figure. No Streamlit here."""
