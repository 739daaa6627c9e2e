-- One row per user: what they did, what they spent, and where they sit in the segments.
-- The segment and the high-value rule are defined once, in int_users_funnel_states.
with users as (
    select * from {{ ref('int_users_funnel_states') }}
),

final as (
    select
        user_id,
        view_count,
        cart_count,
        purchase_count,
        revenue,
        first_event_at,
        last_event_at,
        user_segment,
        is_high_value,
        remove_from_cart_count
    from users
)

select * from final
