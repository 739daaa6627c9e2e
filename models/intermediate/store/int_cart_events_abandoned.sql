-- The abandoned cart events: every clean cart event of a user in the cart_abandoner segment
-- (carted, never purchased). Since such a user bought nothing, all their cart events count.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

abandoners as (
    select user_id
    from {{ ref('int_users_funnel_states') }}
    where user_segment = 'cart_abandoner'
),

final as (
    select
        events.event_id,
        events.user_id,
        events.event_at,
        events.product_id,
        events.brand,
        events.price
    from events
    inner join abandoners on events.user_id = abandoners.user_id
    where events.event_type = 'cart'
)

select * from final
