-- How much of the event log and its revenue lacks a brand or a category_code, before and after
-- the catalog backfill. One row per gap kind and backfill stage; 'either' counts an event once
-- even when it lacks both attributes, so brand + category - both = either (no double counting).
-- The query is macro catalog_completeness_from (macros/models/store/), shared with the dashboard.
{{ catalog_completeness_from(ref('int_events_backfilled')) }}
