-- One row: the report's KPI cards. Every figure is read from the model that defines it.
-- The query is macro ads_kpi_summary_from (macros/models/ads/), shared with the dashboard.
{{ config(alias='kpi_summary') }}

{{ ads_kpi_summary_from(
    ref('int_sessions_aggregated'),
    ref('category_engagement'),
    ref('campaign_performance')
) }}
