-- One row per campaign x demographic dimension x value seen in the clean sessions.
-- The query is macro campaign_segment_performance_from (macros/models/ads/), shared with the dashboard.
{{ campaign_segment_performance_from(
    ref('int_session_demographics_unpivoted'),
    ref('campaign_performance')
) }}
