-- One row per hour of day (UTC), 0..23, always 24: the spine is generated, so an hour with no
-- event reports zeros instead of going missing.
-- The query is macro activity_by_hour_from (macros/models/store/), shared with the dashboard.
{{ activity_by_hour_from(ref('int_events_enriched')) }}
