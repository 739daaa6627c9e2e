-- The abandoned cart events: every clean cart event of a user in the cart_abandoner segment
-- (carted, never purchased; since such a user bought nothing, all their cart events count),
-- and whether the user emptied it: each removal of a product from the cart, at or after the
-- user's first cart event of that product, empties one of their cart events of it, the
-- earliest first. A cart event not emptied was still in the cart at the user's last event.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

abandoners as (
    select user_id
    from {{ ref('int_users_funnel_states') }}
    where user_segment = 'cart_abandoner'
),

abandoner_events as (
    select events.*
    from events
    inner join abandoners on events.user_id = abandoners.user_id
    where events.event_type in ('cart', 'remove_from_cart')
),

carts as (
    select
        event_id,
        user_id,
        event_at,
        product_id,
        brand,
        price,
        row_number() over (partition by user_id, product_id order by event_at, event_id) as cart_number,
        min(event_at) over (partition by user_id, product_id) as first_cart_at
    from abandoner_events
    where event_type = 'cart'
),

removals as (
    select
        user_id,
        product_id,
        event_at
    from abandoner_events
    where event_type = 'remove_from_cart'
),

removals_after_first_cart as (
    select
        carts.user_id,
        carts.product_id,
        count(*) as removal_count
    from carts
    inner join removals
        on
            carts.user_id = removals.user_id
            and carts.product_id = removals.product_id
            and carts.first_cart_at <= removals.event_at
    where carts.cart_number = 1
    group by carts.user_id, carts.product_id
),

final as (
    select
        carts.event_id,
        carts.user_id,
        carts.event_at,
        carts.product_id,
        carts.brand,
        carts.price,
        carts.cart_number <= coalesce(removals_after_first_cart.removal_count, 0) as is_removed_from_cart
    from carts
    left join removals_after_first_cart
        on
            carts.user_id = removals_after_first_cart.user_id
            and carts.product_id = removals_after_first_cart.product_id
)

select * from final
