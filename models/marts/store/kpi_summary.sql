-- The headline KPIs in one row: reach, event volumes, revenue, order value and conversion.
-- The user-level funnel rates are read from funnel_summary, which owns them.
-- The query is macro kpi_summary_from (macros/models/store/), shared with the dashboard.
{{ kpi_summary_from(ref('int_events_enriched'), ref('funnel_summary'), ref('int_users_funnel_states')) }}
