-- One row per calendar month (UTC) from the first to the last clean event's month, every
-- month in between included: a month without events reports zeros instead of going missing.
-- The query is macro activity_by_month_from (macros/models/store/), shared with the dashboard.
{{ activity_by_month_from(ref('int_events_enriched'), ref('int_hours_enumerated')) }}
