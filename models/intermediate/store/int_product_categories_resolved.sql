-- For each product, the category_code its events most often carry after the backfill.
-- Ties go to the alphabetically first code so the choice is deterministic.
-- The query is macro product_categories_resolved_from (macros/models/store/), shared with the dashboard.
{{ product_categories_resolved_from(ref('int_events_backfilled')) }}
