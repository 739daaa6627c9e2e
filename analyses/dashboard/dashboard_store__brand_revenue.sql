-- store.brand_revenue, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
with slice_events as (
    {{ dashboard_events_slice() }}
),

final as (
    {{ brand_revenue_from('slice_events') }}
)

select * from final
