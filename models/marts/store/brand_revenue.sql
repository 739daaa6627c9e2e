-- One row per brand as exported ('Unknown' where missing) with any clean event: funnel event
-- counts, revenue, its share of all revenue and its revenue rank.
-- The query is macro brand_revenue_from (macros/models/store/), shared with the dashboard.
{{ brand_revenue_from(ref('int_events_enriched')) }}
