-- One row per brand (as exported, 'Unknown' included) that cart abandoners carted: how many
-- abandoners, how many cart events and what value they left behind.
with abandoned_carts as (
    select * from {{ ref('int_cart_events_abandoned') }}
),

final as (
    select
        brand,
        count(distinct user_id) as abandoning_user_count,
        count(*) as cart_count,
        {{ money_sum("price") }} as abandoned_value,
        count(*) filter (where is_removed_from_cart) as removed_cart_count,
        count(*) filter (where not is_removed_from_cart) as left_cart_count
    from abandoned_carts
    group by brand
)

select * from final
order by abandoned_value desc, brand asc
