-- One row per user: how far down the funnel they went, what they spent, and the exclusive
-- behaviour segment and high-value overlay that user_summary and user_segments expose.
with events as (
    select * from {{ ref('stg_store__events') }}
),

per_user as (
    select
        user_id,
        {{ event_type_measures() }},
        min(event_at) as first_event_at,
        max(event_at) as last_event_at
    from events
    group by user_id
),

high_value_threshold as (
    -- Continuous percentile of buyers' revenue: buyers at or above it are high-value. As a
    -- double: quantile_cont over a decimal truncates the interpolated value to the cent.
    select {{ continuous_percentile('revenue', var('high_value_quantile')) }} as revenue_threshold
    from per_user
    where purchase_count > 0
),

final as (
    select
        per_user.user_id,
        per_user.view_count,
        per_user.cart_count,
        per_user.purchase_count,
        per_user.remove_from_cart_count,
        per_user.revenue,
        per_user.first_event_at,
        per_user.last_event_at,
        per_user.view_count > 0 as has_viewed,
        per_user.cart_count > 0 as has_carted,
        per_user.purchase_count > 0 as has_purchased,
        -- Exclusive segments, counted in purchase events (the published definition).
        case
            when per_user.purchase_count >= 2 then 'multi_purchase'
            when per_user.purchase_count = 1 then 'single_purchase'
            when per_user.cart_count > 0 then 'cart_abandoner'
            else 'view_only'
        end as user_segment,
        per_user.purchase_count > 0
        and per_user.revenue >= high_value_threshold.revenue_threshold as is_high_value
    from per_user
    cross join high_value_threshold
)

select * from final
