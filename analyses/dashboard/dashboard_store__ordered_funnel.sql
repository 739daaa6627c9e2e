-- store.ordered_funnel, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
with slice_events as (
    {{ dashboard_events_slice() }}
),

slice_journeys as (
    {{ funnel_journeys_from('slice_events') }}
),

final as (
    {{ ordered_funnel_from('slice_journeys') }}
)

select * from final
