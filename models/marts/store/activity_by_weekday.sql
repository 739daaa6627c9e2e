-- One row per weekday, Monday..Sunday, always 7: the weekdays come from the time spine, so a
-- weekday with no event reports zeros instead of going missing.
-- The query is macro activity_by_weekday_from (macros/models/store/), shared with the dashboard.
{{ activity_by_weekday_from(ref('int_events_enriched'), ref('int_hours_enumerated')) }}
