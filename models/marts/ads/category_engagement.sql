-- One row per product_category_1 seen in the clean sessions.
-- The query is macro category_engagement_from (macros/models/ads/), shared with the dashboard.
{{ category_engagement_from(ref('int_sessions_enriched'), ref('int_sessions_aggregated')) }}
