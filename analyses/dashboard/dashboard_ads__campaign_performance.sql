-- ads.campaign_performance, recomputed by its model's own query macro over the dashboard's
-- slice of ads.sessions_cleaned (filters bound as parameters: macros/dashboard/).
with slice_sessions as (
    {{ dashboard_sessions_slice() }}
),

final as (
    {{ campaign_performance_from('slice_sessions') }}
)

select * from final
