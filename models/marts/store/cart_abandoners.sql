-- One row per cart abandoner: how much they carted, what it was worth, when they last carted,
-- the brand they abandoned most, and how many carts they emptied versus left.
with abandoned_carts as (
    select * from {{ ref('int_cart_events_abandoned') }}
),

per_user as (
    select
        user_id,
        count(*) as cart_count,
        count(distinct product_id) as carted_product_count,
        {{ money_sum("price") }} as abandoned_value,
        max(event_at) as last_cart_at,
        count(*) filter (where is_removed_from_cart) as removed_cart_count,
        count(*) filter (where not is_removed_from_cart) as left_cart_count
    from abandoned_carts
    group by user_id
),

per_user_brand as (
    select
        user_id,
        brand,
        count(*) as brand_cart_count,
        sum(price) as brand_abandoned_value
    from abandoned_carts
    group by user_id, brand
),

most_abandoned_brands as (
    -- Most cart events; ties: the higher abandoned value, then the brand first in byte order.
    select
        user_id,
        brand as most_abandoned_brand
    from per_user_brand
    qualify
        row_number() over (
            partition by user_id
            order by brand_cart_count desc, brand_abandoned_value desc, brand asc
        ) = 1
),

final as (
    select
        per_user.user_id,
        per_user.cart_count,
        per_user.carted_product_count,
        per_user.abandoned_value,
        per_user.last_cart_at,
        most_abandoned_brands.most_abandoned_brand,
        per_user.removed_cart_count,
        per_user.left_cart_count
    from per_user
    inner join most_abandoned_brands on per_user.user_id = most_abandoned_brands.user_id
)

select * from final
order by abandoned_value desc, user_id asc
