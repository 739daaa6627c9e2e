-- store.funnel_summary, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
with slice_events as (
    {{ dashboard_events_slice() }}
),

slice_users as (
    {{ user_funnel_states_from('slice_events') }}
),

final as (
    {{ funnel_summary_from('slice_users') }}
)

select * from final
