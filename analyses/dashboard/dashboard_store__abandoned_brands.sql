-- store.abandoned_brands, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
with slice_events as (
    {{ dashboard_events_slice() }}
),

slice_users as (
    {{ user_funnel_states_from('slice_events') }}
),

slice_abandoned_carts as (
    {{ abandoned_cart_events_from('slice_events', 'slice_users') }}
),

final as (
    {{ abandoned_brands_from('slice_abandoned_carts') }}
)

select * from final
