-- ads.demographic_engagement, recomputed by its model's own query macro over the dashboard's
-- slice of ads.sessions_cleaned (filters bound as parameters: macros/dashboard/).
with slice_sessions as (
    {{ dashboard_sessions_slice() }}
),

slice_demographics as (
    {{ session_demographics_from('slice_sessions') }}
),

final as (
    {{ demographic_engagement_from('slice_demographics') }}
)

select * from final
