-- Backfill lookup: for each product, the brand its other events most often carry.
-- Ties go to the alphabetically first brand so the choice is deterministic.
-- The query is macro product_brands_resolved_from (macros/models/store/), shared with the dashboard.
{{ product_brands_resolved_from(ref('stg_store__events')) }}
