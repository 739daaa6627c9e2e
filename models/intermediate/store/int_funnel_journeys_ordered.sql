-- One row per funnel journey, at two grains: `user` (all of a user's clean events) and
-- `session` (one user's events inside one session). A journey starts at its first view; its cart
-- step is the first cart at or after that view, its purchase step the first purchase at or after
-- that cart, both at most funnel_window_days after the first view. Only the three stage event
-- types take part, named explicitly: any other type (remove_from_cart) is not a funnel step.
with events as (
    select
        user_id,
        session_id,
        event_type,
        event_at,
        event_month,
        product_id,
        brand,
        category_top_level
    from {{ ref('int_events_enriched') }}
    where event_type in ('view', 'cart', 'purchase')
),

journey_events as (
    -- journey_key identifies a journey within its grain: the user, or the user and session.
    select
        'user' as funnel_grain,
        cast(user_id as {{ text_type() }}) as journey_key,
        cast(null as {{ text_type() }}) as session_id,
        user_id,
        event_type,
        event_at,
        event_month,
        product_id,
        brand,
        category_top_level
    from events
    union all
    select
        'session' as funnel_grain,
        cast(user_id as {{ text_type() }}) || '|' || session_id as journey_key,
        session_id,
        user_id,
        event_type,
        event_at,
        event_month,
        product_id,
        brand,
        category_top_level
    from events
    where session_id is not null
),

ranked_views as (
    -- The first view opens the journey; same-second views are ordered by their attributes so
    -- the attributed product is deterministic.
    select
        *,
        row_number() over (
            partition by funnel_grain, journey_key
            order by event_at, product_id, category_top_level, brand
        ) as view_rank
    from journey_events
    where event_type = 'view'
),

entries as (
    select
        funnel_grain,
        journey_key,
        user_id,
        session_id,
        event_at as first_view_at,
        {{ dbt.dateadd('day', var('funnel_window_days'), 'event_at') }} as window_end_at,
        event_month as first_view_month,
        product_id as first_view_product_id,
        brand as first_view_brand,
        category_top_level as first_view_category_top_level
    from ranked_views
    where view_rank = 1
),

cart_steps as (
    select
        entries.funnel_grain,
        entries.journey_key,
        min(carts.event_at) as cart_at
    from entries
    inner join journey_events as carts
        on
            entries.funnel_grain = carts.funnel_grain
            and entries.journey_key = carts.journey_key
    where
        carts.event_type = 'cart'
        and carts.event_at >= entries.first_view_at
        and carts.event_at <= entries.window_end_at
    group by entries.funnel_grain, entries.journey_key
),

purchase_steps as (
    -- The earliest cart is the best start for a purchase: any purchase after a later cart is
    -- also after it, so taking the first cart never loses a conversion.
    select
        cart_steps.funnel_grain,
        cart_steps.journey_key,
        min(purchases.event_at) as purchase_at
    from cart_steps
    inner join entries
        on
            cart_steps.funnel_grain = entries.funnel_grain
            and cart_steps.journey_key = entries.journey_key
    inner join journey_events as purchases
        on
            cart_steps.funnel_grain = purchases.funnel_grain
            and cart_steps.journey_key = purchases.journey_key
    where
        purchases.event_type = 'purchase'
        and purchases.event_at >= cart_steps.cart_at
        and purchases.event_at <= entries.window_end_at
    group by cart_steps.funnel_grain, cart_steps.journey_key
),

final as (
    select
        entries.funnel_grain,
        entries.journey_key,
        entries.user_id,
        entries.session_id,
        entries.first_view_at,
        entries.first_view_month,
        entries.first_view_product_id,
        entries.first_view_brand,
        entries.first_view_category_top_level,
        cart_steps.cart_at,
        purchase_steps.purchase_at,
        {{ dbt.datediff('entries.first_view_at', 'cart_steps.cart_at', 'second') }}
            as cart_seconds_from_view,
        {{ dbt.datediff('cart_steps.cart_at', 'purchase_steps.purchase_at', 'second') }}
            as purchase_seconds_from_cart
    from entries
    left join cart_steps
        on
            entries.funnel_grain = cart_steps.funnel_grain
            and entries.journey_key = cart_steps.journey_key
    left join purchase_steps
        on
            entries.funnel_grain = purchase_steps.funnel_grain
            and entries.journey_key = purchase_steps.journey_key
)

select * from final
