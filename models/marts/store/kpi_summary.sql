-- The headline KPIs in one row: reach, event volumes, revenue, order value and conversion.
-- The user-level funnel rates are read from funnel_summary, which owns them.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

funnel as (
    select * from {{ ref('funnel_summary') }}
),

event_totals as (
    select
        min(event_at) as period_start_at,
        max(event_at) as period_end_at,
        count(distinct user_id) as user_count,
        -- Events with an empty session have a null session_id and add no session.
        count(distinct session_id) as session_count,
        {{ event_type_measures() }}
    from events
),

buyers as (
    select count(*) filter (where has_purchased and not has_carted) as direct_purchaser_count
    from {{ ref('int_users_funnel_states') }}
),

funnel_rates as (
    select
        any_value(stage_user_count) filter (where funnel_stage = 'purchase') as purchaser_count,
        any_value(conversion_from_previous_rate) filter (where funnel_stage = 'cart')
            as view_to_cart_user_rate,
        any_value(conversion_from_previous_rate) filter (where funnel_stage = 'purchase')
            as cart_to_purchase_user_rate,
        any_value(viewer_share) filter (where funnel_stage = 'purchase')
            as overall_funnel_user_rate
    from funnel
),

final as (
    select
        event_totals.period_start_at,
        event_totals.period_end_at,
        event_totals.user_count,
        event_totals.session_count,
        event_totals.view_count,
        event_totals.cart_count,
        event_totals.purchase_count,
        event_totals.revenue,
        cast(
            {{ safe_divide('event_totals.revenue', 'event_totals.purchase_count') }} as decimal(18, 2)
        ) as average_order_value,
        {{ safe_divide('funnel_rates.purchaser_count', 'event_totals.user_count') }} as user_conversion_rate,
        funnel_rates.view_to_cart_user_rate,
        funnel_rates.cart_to_purchase_user_rate,
        funnel_rates.overall_funnel_user_rate,
        {{ safe_divide('event_totals.purchase_count', 'event_totals.cart_count') }}
            as cart_to_purchase_event_rate,
        event_totals.remove_from_cart_count,
        buyers.direct_purchaser_count
    from event_totals
    cross join funnel_rates
    cross join buyers
)

select * from final
