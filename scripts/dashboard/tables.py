"""How a mart's rows read in a dashboard table: the report's formats, chosen by column name
(scripts/formatting.py), so a table reads like the cards and the report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from scripts.formatting import format_value, is_fraction


def table_view(
    frame: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The rows as st.dataframe shows them and its column_config (headers from `labels`, by
    column). P-values become the report's text (`< 0.0001`, else four decimals): as floats the
    grid prints every digit of a tiny one (`0.000000000000000000002`). Rates and shares show as
    percentages with two decimals, lifts signed, counts with thousands separators and dates as
    dates, as the cards and the report write them; they stay numbers (rates in percent), so
    they still sort."""
    labels = labels or {}
    shown = frame.copy()
    config: dict[str, Any] = {}
    for column in frame.columns:
        label = labels.get(column, column)
        if column.endswith("_p_value"):
            shown[column] = [
                format_value(column, None if pd.isna(value) else float(value)) for value in frame[column]
            ]
            config[column] = st.column_config.TextColumn(label)
        elif is_fraction(column) or column.endswith("_lift"):
            shown[column] = frame[column] * 100
            sign = "+" if column.endswith("_lift") else ""
            config[column] = st.column_config.NumberColumn(label, format=f"%{sign}.2f%%")
        elif column.endswith("_date"):
            # Read back through pandas as a timestamp: a date shows as one, without 00:00:00.
            config[column] = st.column_config.DateColumn(label, format="YYYY-MM-DD")
        elif column.endswith("_count"):
            config[column] = st.column_config.NumberColumn(label, format="localized")
        elif column in labels:
            config[column] = st.column_config.Column(label)
    return shown, config


def table(frame: pd.DataFrame, labels: Mapping[str, str] | None = None) -> None:
    shown, config = table_view(frame, labels)
    st.dataframe(shown, hide_index=True, column_config=config)
