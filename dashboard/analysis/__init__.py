"""Pure analysis: pandas in, pandas out. No Streamlit, no plotting."""
