"""The dashboard's entry point: `streamlit run scripts/dashboard/app.py` (`make dashboard`
starts it through `python -m scripts.dashboard`, which compiles the filtered queries first)."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="ecommerce_analytics dashboard", layout="wide")
navigation = st.navigation(
    [
        st.Page("pages/store.py", title="Store", url_path="store", default=True),
        st.Page("pages/campaigns.py", title="Campaigns", url_path="campaigns"),
    ]
)
navigation.run()
