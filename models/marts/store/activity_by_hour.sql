-- One row per hour of day (UTC), 0..23, always 24: the hours come from the time spine, so an
-- hour with no event reports zeros instead of going missing.
-- The query is macro activity_by_hour_from (macros/models/store/), shared with the dashboard.
{{ activity_by_hour_from(ref('int_events_enriched'), ref('int_hours_enumerated')) }}
