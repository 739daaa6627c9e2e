-- Always 7 x 24 rows: every ISO weekday (Monday = 1) x hour of day, empty cells included
-- with 0 sessions and a null click-through rate.
-- The query is macro activity_heatmap_from (macros/models/ads/), shared with the dashboard.
{{ activity_heatmap_from(ref('int_sessions_enriched'), ref('int_hours_enumerated')) }}
