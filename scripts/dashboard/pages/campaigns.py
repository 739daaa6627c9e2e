"""The Campaigns page (streamlit page script): the ad-campaign session log."""

from __future__ import annotations

from scripts.dashboard.campaigns_page import render

render()
