"""The Store page (streamlit page script): the electronics store's event log."""

from __future__ import annotations

from scripts.dashboard.store_page import render

render()
