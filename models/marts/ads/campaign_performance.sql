-- One row per campaign with a clean session: its sessions, clicks, click-through rate,
-- share of all sessions and rank by sessions (1 = most; ties go to the lower campaign_id).
-- The query is macro campaign_performance_from (macros/models/ads/), shared with the dashboard.
{{ campaign_performance_from(ref('int_sessions_enriched')) }}
