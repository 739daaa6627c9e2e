-- store.activity_by_month, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
with slice_events as (
    {{ dashboard_events_slice() }}
),

spine as (
    {{ hours_enumerated() }}
),

final as (
    {{ activity_by_month_from('slice_events', 'spine') }}
)

select * from final
