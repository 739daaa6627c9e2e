-- Revenue by category at two levels in one table: one row per category_code as exported
-- ('Unknown' where missing) and one per top-level category (the code's first segment), told
-- apart by category_level. Share and rank are computed within each level.
-- The query is macro category_revenue_from (macros/models/store/), shared with the dashboard.
{{ category_revenue_from(ref('int_events_enriched')) }}
