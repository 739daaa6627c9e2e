-- ads.campaign_segment_performance, recomputed by its model's own query macro over the dashboard's
-- slice of ads.sessions_cleaned (filters bound as parameters: macros/dashboard/).
with slice_sessions as (
    {{ dashboard_sessions_slice() }}
),

slice_demographics as (
    {{ session_demographics_from('slice_sessions') }}
),

slice_campaigns as (
    {{ campaign_performance_from('slice_sessions') }}
),

final as (
    {{ campaign_segment_performance_from('slice_demographics', 'slice_campaigns') }}
)

select * from final
