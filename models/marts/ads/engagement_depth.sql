-- One row per user_depth value (1, 2, 3, ... and `Unknown`) seen in the clean sessions.
-- The query is macro engagement_depth_from (macros/models/ads/), shared with the dashboard.
{{ engagement_depth_from(ref('int_sessions_enriched'), ref('category_engagement')) }}
