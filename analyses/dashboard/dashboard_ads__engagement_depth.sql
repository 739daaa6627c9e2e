-- ads.engagement_depth, recomputed by its model's own query macro over the dashboard's
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

final as (
    {{ engagement_depth_from('slice_sessions', 'slice_categories') }}
)

select * from final
