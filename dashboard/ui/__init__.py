"""The Streamlit layer: the only place that imports streamlit besides app.py and pages/."""
