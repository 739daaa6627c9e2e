"""The ads (session log) marts, recomputed independently from the raw CI file with pandas.

Written from the spec (session-engagement-report.md, the issue and the marts' YAML
decisions), not from the SQL: clean the raw text, then rebuild every mart and compare it with
the warehouse. Counts must match exactly, rates to 1e-9. The cleaning is also reconciled
with the generator's manifest (what it planted).
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest

from scripts.run_pipeline import CI, sample_files
from tests.python.ads_reference import DEMOGRAPHICS, DIRTY_REASONS, REJECT_REASONS, UNKNOWN, clean_sessions
from tests.python.compare import RATE_TOLERANCE, assert_mart_equals, plain
from tests.python.stats_reference import holm_adjusted, two_proportion_p_value, wilson_interval

CI_SESSIONS = sample_files(CI)["sessions"][0]


@pytest.fixture(scope="module")
def cleaned(raw_session_lines: list) -> dict:
    return clean_sessions(raw_session_lines)


@pytest.fixture(scope="module")
def sessions(cleaned: dict) -> pd.DataFrame:
    return cleaned["sessions"]


@pytest.fixture(scope="module")
def long_demographics(sessions: pd.DataFrame) -> pd.DataFrame:
    """One row per session x demographic dimension."""
    frames = []
    for dimension in DEMOGRAPHICS:
        frame = sessions.drop(columns=[f"demo_{d}" for d in DEMOGRAPHICS]).copy()
        frame["demographic_dimension"] = dimension
        frame["demographic_value"] = sessions[f"demo_{dimension}"].to_numpy()
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _top(counts: pd.Series) -> tuple[int, int]:
    """The key with the most sessions; a tie goes to the lowest key."""
    best = counts.max()
    return int(min(counts[counts == best].index)), int(best)


def _rate(numerator, denominator):
    return numerator / denominator if denominator else None


def _with_ctr_interval(expected: pd.DataFrame) -> pd.DataFrame:
    """The CTR's Wilson 95 % bounds from each row's click_count and session_count."""
    bounds = [
        wilson_interval(int(x), int(n))
        for x, n in zip(expected["click_count"], expected["session_count"], strict=False)
    ]
    return expected.assign(
        click_through_rate_lower=[lower for lower, _ in bounds],
        click_through_rate_upper=[upper for _, upper in bounds],
    )


# ------------------------------------------------------------------ cleaning vs the manifest


def test_cleaning_matches_the_manifest(cleaned: dict, sessions_manifest: dict) -> None:
    manifest = sessions_manifest
    assert cleaned["raw_rows"] == manifest["rows"]
    assert cleaned["duplicates"] == manifest["exact_duplicate_rows"]
    for reason in DIRTY_REASONS:
        assert cleaned["reasons"].get(reason, 0) == manifest["dirty_rows"][reason], reason
    assert cleaned["reasons"].get("conflicting_session_id", 0) == manifest["conflicting_session_rows"]
    assert cleaned["conflicting_ids"] == manifest["conflicting_session_ids"]
    # The conflicting originals are part of the manifest's clean rows; both rows are quarantined.
    assert len(cleaned["sessions"]) == manifest["clean_rows"] - manifest["conflicting_session_ids"]


def test_pipeline_audit(read_mart, cleaned: dict, sessions_manifest: dict) -> None:
    reasons = cleaned["reasons"]
    expected = pd.DataFrame(
        [
            {
                "dataset_name": "sessions",
                "source_file": source_file,
                "is_total": source_file == "(all files)",
                "raw_row_count": cleaned["raw_rows"],
                "duplicate_row_count": cleaned["duplicates"],
                "deduplicated_row_count": cleaned["raw_rows"] - cleaned["duplicates"],
                "rejected_row_count": sum(reasons.values()),
                **{f"rejected_{reason}_count": reasons.get(reason, 0) for reason in REJECT_REASONS},
                "clean_row_count": len(cleaned["sessions"]),
                "source_file_count": 1,
                "ignored_columns": None if source_file == "(all files)" else "",
                "conflicting_session_id_count": cleaned["conflicting_ids"],
            }
            # The CI session log is one file: its row and the total row agree.
            for source_file in ("(all files)", str(CI_SESSIONS))
        ]
    )
    audit = read_mart("ads.pipeline_audit")
    assert_mart_equals(audit, expected, ["dataset_name", "source_file"])
    row = audit[audit.is_total].iloc[0]
    # The generator's record of the rows it wrote: the audit's raw rows are the file's.
    assert row.raw_row_count == sessions_manifest["rows"]
    assert row.raw_row_count == row.duplicate_row_count + row.rejected_row_count + row.clean_row_count
    assert row.duplicate_row_count == sessions_manifest["exact_duplicate_rows"]
    assert row.rejected_conflicting_session_id_count == sessions_manifest["conflicting_session_rows"]
    for reason in DIRTY_REASONS:
        assert row[f"rejected_{reason}_count"] == sessions_manifest["dirty_rows"][reason], reason


def test_quarantine_keeps_file_line_text_and_reason(build_warehouse, cleaned: dict) -> None:
    """Each rejected line once, at its first occurrence, with its exact text and its reason."""
    rows = build_warehouse.execute(
        "select source_file, source_line, reject_reason, line_text from staging.stg_ads__sessions_rejected"
    ).fetchall()
    expected = cleaned["rejected"][["source_file", "source_line", "reject_reason", "line_text"]]
    assert sorted(rows) == sorted(expected.itertuples(index=False, name=None))


# ------------------------------------------------------------------ marts


def test_sessions_cleaned(read_mart, sessions: pd.DataFrame) -> None:
    """The published session fact table holds exactly the reference's clean sessions."""
    mart = read_mart("ads.sessions_cleaned")
    expected = sessions.assign(
        gender_label=sessions["demo_gender"],
        age_level_label=sessions["demo_age_level"],
        city_development_label=sessions["demo_city_development_index"],
        user_group_label=sessions["demo_user_group_id"],
    )[
        [
            "session_id",
            "session_at",
            "user_id",
            "campaign_id",
            "product_category_1",
            "is_clicked",
            "gender_label",
            "age_level_label",
            "city_development_label",
            "user_group_label",
            "user_depth_label",
            "session_hour",
            "session_weekday",
            "is_returning_user",
        ]
    ]
    assert_mart_equals(mart[list(expected.columns)], expected, ["session_id"])


def test_kpi_summary(read_mart, sessions: pd.DataFrame) -> None:
    total = len(sessions)
    clicks = int(sessions["is_clicked"].sum())
    category, category_sessions = _top(sessions.groupby("product_category_1").size())
    campaign, campaign_sessions = _top(sessions.groupby("campaign_id").size())
    expected = pd.DataFrame(
        [
            {
                "session_count": total,
                "user_count": sessions["user_id"].nunique(),
                "click_count": clicks,
                "click_through_rate": clicks / total,
                "avg_user_depth": float(pd.to_numeric(sessions["user_depth"]).dropna().mean()),
                "top_product_category_1": category,
                "top_product_category_session_count": category_sessions,
                "top_product_category_session_share": category_sessions / total,
                "top_campaign_id": campaign,
                "top_campaign_session_count": campaign_sessions,
                "top_campaign_session_share": campaign_sessions / total,
            }
        ]
    )
    assert_mart_equals(read_mart("ads.kpi_summary"), _with_ctr_interval(expected), ["session_count"])


def test_category_engagement(read_mart, sessions: pd.DataFrame) -> None:
    total = len(sessions)
    overall_ctr = sessions["is_clicked"].sum() / total
    grouped = sessions.groupby("product_category_1")
    expected = pd.DataFrame(
        {
            "session_count": grouped.size(),
            "user_count": grouped["user_id"].nunique(),
            "click_count": grouped["is_clicked"].sum(),
        }
    ).reset_index()
    expected["session_share"] = expected["session_count"] / total
    expected["click_through_rate"] = expected["click_count"] / expected["session_count"]
    expected["click_through_rate_index"] = expected["click_through_rate"] / overall_ctr
    ranked = expected.sort_values(["session_count", "product_category_1"], ascending=[False, True])
    expected["session_rank"] = pd.Series(range(1, len(ranked) + 1), index=ranked.index)
    assert_mart_equals(
        read_mart("ads.category_engagement"), _with_ctr_interval(expected), ["product_category_1"]
    )


def test_demographic_engagement(read_mart, long_demographics: pd.DataFrame) -> None:
    keys = ["demographic_dimension", "demographic_value", "product_category_1"]
    grouped = long_demographics.groupby(keys)
    expected = pd.DataFrame(
        {
            "session_count": grouped.size(),
            "click_count": grouped["is_clicked"].sum(),
        }
    ).reset_index()
    per_value = long_demographics.groupby(["demographic_dimension", "demographic_value"]).size()
    expected["value_session_count"] = [
        per_value[(d, v)]
        for d, v in zip(expected["demographic_dimension"], expected["demographic_value"], strict=False)
    ]
    expected["session_share_of_value"] = expected["session_count"] / expected["value_session_count"]
    expected["click_through_rate"] = expected["click_count"] / expected["session_count"]
    assert_mart_equals(read_mart("ads.demographic_engagement"), _with_ctr_interval(expected), keys)


def test_campaign_performance(read_mart, sessions: pd.DataFrame) -> None:
    grouped = sessions.groupby("campaign_id")
    expected = pd.DataFrame(
        {
            "session_count": grouped.size(),
            "click_count": grouped["is_clicked"].sum(),
        }
    ).reset_index()
    expected["click_through_rate"] = expected["click_count"] / expected["session_count"]
    expected["session_share"] = expected["session_count"] / len(sessions)
    ranked = expected.sort_values(["session_count", "campaign_id"], ascending=[False, True])
    expected["session_rank"] = pd.Series(range(1, len(ranked) + 1), index=ranked.index)
    assert_mart_equals(read_mart("ads.campaign_performance"), _with_ctr_interval(expected), ["campaign_id"])


def test_campaign_segment_performance(
    read_mart, sessions: pd.DataFrame, long_demographics: pd.DataFrame, dbt_vars: dict
) -> None:
    keys = ["campaign_id", "demographic_dimension", "demographic_value"]
    grouped = long_demographics.groupby(keys)
    expected = pd.DataFrame(
        {
            "session_count": grouped.size(),
            "click_count": grouped["is_clicked"].sum(),
        }
    ).reset_index()
    campaigns = sessions.groupby("campaign_id").agg(
        campaign_session_count=("session_id", "size"), campaign_click_count=("is_clicked", "sum")
    )
    campaigns["campaign_click_through_rate"] = (
        campaigns["campaign_click_count"] / campaigns["campaign_session_count"]
    )
    campaigns["campaign_session_share"] = campaigns["campaign_session_count"] / len(sessions)
    expected = expected.join(campaigns, on="campaign_id")
    expected["session_share_of_campaign"] = expected["session_count"] / expected["campaign_session_count"]
    expected["click_through_rate"] = expected["click_count"] / expected["session_count"]
    expected["click_through_rate_lift"] = [
        None if campaign_ctr == 0 else ctr / campaign_ctr - 1
        for ctr, campaign_ctr in zip(
            expected["click_through_rate"], expected["campaign_click_through_rate"], strict=False
        )
    ]
    # Each segment against the rest of its campaign; Holm across the campaign's segments.
    expected["lift_p_value"] = [
        two_proportion_p_value(int(x), int(n), int(cx - x), int(cn - n))
        for x, n, cx, cn in zip(
            expected["click_count"],
            expected["session_count"],
            expected["campaign_click_count"],
            expected["campaign_session_count"],
            strict=False,
        )
    ]
    expected["lift_adjusted_p_value"] = None
    for _campaign, rows in expected.groupby("campaign_id"):
        expected.loc[rows.index, "lift_adjusted_p_value"] = pd.Series(
            holm_adjusted([plain(p) for p in rows["lift_p_value"]]), index=rows.index, dtype=object
        )
    level = dbt_vars["segment_significance_level"]
    expected["is_lift_significant"] = [
        p is not None and not pd.isna(p) and p < level for p in expected["lift_adjusted_p_value"]
    ]
    expected["is_best_responding_segment"] = _best_responding(expected)
    mart = read_mart("ads.campaign_segment_performance")
    assert_mart_equals(mart, _with_ctr_interval(expected), keys)
    # The rule has teeth on this sample: some lifts are significant, most are not.
    assert 0 < mart["is_lift_significant"].sum() < len(mart)


def _best_responding(segments: pd.DataFrame) -> list[bool]:
    """Per campaign, the known segment with the highest lift among those holding at least an
    even share of the campaign's sessions in their dimension (1 / its number of values there,
    Unknown counted; compared exactly, as fractions) whose lift is positive and significant
    after Holm's adjustment; a tie goes to the lower dimension, then value. A campaign with no
    click has no lift, hence no best segment; nor has one whose lifts are all within noise."""
    best = set()
    for _campaign, campaign_rows in segments.groupby("campaign_id"):
        candidates = []
        for _dimension, rows in campaign_rows.groupby("demographic_dimension"):
            for row in rows.itertuples():
                even_share = Fraction(row.session_count, row.campaign_session_count) >= Fraction(1, len(rows))
                lift = plain(row.click_through_rate_lift)
                responds = lift is not None and lift > 0 and row.is_lift_significant
                if row.demographic_value != UNKNOWN and responds and even_share:
                    candidates.append(row)
        if candidates:
            winner = min(
                candidates,
                key=lambda row: (
                    -row.click_through_rate_lift,
                    row.demographic_dimension,
                    row.demographic_value,
                ),
            )
            best.add(winner.Index)
    return [index in best for index in segments.index]


def test_engagement_depth(read_mart, sessions: pd.DataFrame, dbt_vars: dict) -> None:
    threshold = dbt_vars["deep_engagement_min_depth"]
    top_category, _ = _top(sessions.groupby("product_category_1").size())
    rows = []
    for label, group in sessions.groupby("user_depth_label"):
        depth = None if label == UNKNOWN else int(label)
        if depth is None:
            band = UNKNOWN
        elif depth >= threshold:
            band = "deep"
        elif depth == threshold - 1:
            band = "medium"
        else:
            band = "shallow"
        users = group["user_id"].nunique()
        returning = group.loc[group["is_returning_user"], "user_id"].nunique()
        in_top = int((group["product_category_1"] == top_category).sum())
        clicks = int(group["is_clicked"].sum())
        rows.append(
            {
                "user_depth_label": label,
                "user_depth": depth,
                "engagement_depth_band": band,
                "is_deep_engagement": depth is not None and depth >= threshold,
                "session_count": len(group),
                "user_count": users,
                "click_count": clicks,
                "click_through_rate": clicks / len(group),
                "top_category_session_count": in_top,
                "top_category_session_share": in_top / len(group),
                "returning_user_count": returning,
                "returning_user_rate": returning / users,
            }
        )
    assert_mart_equals(
        read_mart("ads.engagement_depth"), _with_ctr_interval(pd.DataFrame(rows)), ["user_depth_label"]
    )


def test_activity_heatmap(read_mart, sessions: pd.DataFrame) -> None:
    counts = sessions.groupby(["session_weekday", "session_hour"]).agg(
        session_count=("session_id", "size"), click_count=("is_clicked", "sum")
    )
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    rows = []
    for weekday in range(1, 8):
        for hour in range(24):
            n, clicks = (0, 0)
            if (weekday, hour) in counts.index:
                n, clicks = counts.loc[(weekday, hour)].tolist()
            rows.append(
                {
                    "session_weekday": weekday,
                    "session_weekday_name": names[weekday - 1],
                    "is_weekend": weekday >= 6,
                    "session_hour": hour,
                    "session_count": int(n),
                    "click_count": int(clicks),
                    "click_through_rate": _rate(clicks, n),
                }
            )
    heatmap = read_mart("ads.activity_heatmap")
    assert len(heatmap) == 7 * 24
    assert_mart_equals(heatmap, _with_ctr_interval(pd.DataFrame(rows)), ["session_weekday", "session_hour"])


def test_activity_peaks(read_mart, long_demographics: pd.DataFrame) -> None:
    rows = []
    for (dimension, value), group in long_demographics.groupby(
        ["demographic_dimension", "demographic_value"]
    ):
        hour, hour_sessions = _top(group.groupby("session_hour").size())
        weekday, weekday_sessions = _top(group.groupby("session_weekday").size())
        rows.append(
            {
                "demographic_dimension": dimension,
                "demographic_value": value,
                "session_count": len(group),
                "peak_session_hour": hour,
                "peak_hour_session_count": hour_sessions,
                "peak_hour_session_share": hour_sessions / len(group),
                "peak_session_weekday": weekday,
                "peak_weekday_name": group.loc[
                    group["session_weekday"] == weekday, "session_weekday_name"
                ].iloc[0],
                "peak_weekday_session_count": weekday_sessions,
                "peak_weekday_session_share": weekday_sessions / len(group),
            }
        )
    assert_mart_equals(
        read_mart("ads.activity_peaks"), pd.DataFrame(rows), ["demographic_dimension", "demographic_value"]
    )


def test_demographic_depth(read_mart, long_demographics: pd.DataFrame, dbt_vars: dict) -> None:
    """Deep = depth at or above the threshold; shares of the value's sessions and of the
    dimension's deep sessions; average over known depths only."""
    threshold = dbt_vars["deep_engagement_min_depth"]
    frame = long_demographics.assign(
        depth=pd.to_numeric(long_demographics["user_depth"]),
    )
    frame["is_deep"] = frame["depth"].ge(threshold).fillna(False)
    rows = []
    for (dimension, value), group in frame.groupby(["demographic_dimension", "demographic_value"]):
        deep = int(group["is_deep"].sum())
        clicks = int(group["is_clicked"].sum())
        known = group["depth"].dropna()
        rows.append(
            {
                "demographic_dimension": dimension,
                "demographic_value": value,
                "session_count": len(group),
                "deep_session_count": deep,
                "deep_session_share_of_value": deep / len(group),
                "avg_user_depth": float(known.mean()) if len(known) else None,
                "click_count": clicks,
                "click_through_rate": clicks / len(group),
            }
        )
    expected = _with_ctr_interval(pd.DataFrame(rows))
    deep_per_dimension = expected.groupby("demographic_dimension")["deep_session_count"].transform("sum")
    expected["deep_session_share"] = [
        _rate(deep, total)
        for deep, total in zip(expected["deep_session_count"], deep_per_dimension, strict=False)
    ]
    mart = read_mart("ads.demographic_depth")
    assert_mart_equals(mart, expected, ["demographic_dimension", "demographic_value"])
    # Each dimension's deep sessions are shared out completely among its values.
    for dimension, shares in mart.groupby("demographic_dimension")["deep_session_share"]:
        assert abs(shares.sum() - 1) <= RATE_TOLERANCE, dimension
