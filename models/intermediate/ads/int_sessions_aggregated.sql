-- One row: the whole clean session log. kpi_summary shows its overall click-through rate, and
-- the index / share columns of the other marts divide by it.
-- The query is macro sessions_aggregated_from (macros/models/ads/), shared with the dashboard.
{{ sessions_aggregated_from(ref('int_sessions_enriched')) }}
