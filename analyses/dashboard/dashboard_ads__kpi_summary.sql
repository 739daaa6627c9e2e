-- ads.kpi_summary, recomputed by its model's own query macro over the dashboard's
-- slice of ads.sessions_cleaned (filters bound as parameters: macros/dashboard/).
with slice_sessions as (
    {{ dashboard_sessions_slice() }}
),

slice_totals as (
    {{ sessions_aggregated_from('slice_sessions') }}
),

slice_categories as (
    {{ category_engagement_from('slice_sessions', 'slice_totals') }}
),

slice_campaigns as (
    {{ campaign_performance_from('slice_sessions') }}
),

final as (
    {{ ads_kpi_summary_from('slice_totals', 'slice_categories', 'slice_campaigns') }}
)

select * from final
