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
        product_id,
        brand,
        category_top_level
    from {{ ref('int_events_enriched') }}
    where event_type in ('view', 'cart', 'purchase')
),

session_journeys as (
    -- One pass over the events, per user and session (an aggregate, not a window and
    -- self-joins). The first view opens the journey: the smallest record, compared field by
    -- field, so same-second views are ordered by their attributes and the attributed product
    -- is deterministic. The cart and purchase times are kept as lists for the step rules below.
    -- Events without a session form one group per user: they count at the user grain only.
    select
        user_id,
        session_id,
        min({{ record([
            ('event_at', 'event_at'), ('product_id', 'product_id'),
            ('category_top_level', 'category_top_level'), ('brand', 'brand'),
        ]) }}) filter (where event_type = 'view') as first_view,
        {{ list_agg('event_at') }} filter (where event_type = 'cart') as cart_times,
        {{ list_agg('event_at') }} filter (where event_type = 'purchase') as purchase_times
    from events
    group by user_id, session_id
),

user_journeys as (
    -- A user's journey rolls up their sessions' (far fewer rows than re-reading the events).
    -- Only sessions with carts (purchases) add a list: DuckDB's list() keeps nulls, and a
    -- [null] per user cost a list for every one of them (a third of this step at 10M).
    select
        user_id,
        min(first_view) as first_view,
        flatten({{ list_agg('cart_times') }} filter (where cart_times is not null)) as cart_times,
        flatten({{ list_agg('purchase_times') }} filter (where purchase_times is not null))
            as purchase_times
    from session_journeys
    group by user_id
),

journeys as (
    -- A journey is keyed by its grain, user and session (null at the user grain).
    select
        'user' as funnel_grain,
        user_id,
        cast(null as {{ text_type() }}) as session_id,
        first_view,
        cart_times,
        purchase_times
    from user_journeys
    union all
    select
        'session' as funnel_grain,
        user_id,
        session_id,
        first_view,
        cart_times,
        purchase_times
    from session_journeys
    where session_id is not null
),

entries as (
    -- Qualified throughout: first_view is a record, and first_view.event_at reads its field.
    select
        journeys.funnel_grain,
        journeys.user_id,
        journeys.session_id,
        journeys.first_view.event_at as first_view_at,
        {{ dbt.dateadd('day', var('funnel_window_days'), 'journeys.first_view.event_at') }} as window_end_at,
        {{ year_month_text('journeys.first_view.event_at') }} as first_view_month,
        journeys.first_view.product_id as first_view_product_id,
        journeys.first_view.brand as first_view_brand,
        journeys.first_view.category_top_level as first_view_category_top_level,
        journeys.cart_times,
        journeys.purchase_times
    from journeys
    where journeys.first_view is not null
),

cart_steps as (
    -- The cart step: the first cart at or after the first view, within the window.
    select
        *,
        {{ list_min_where(
            'cart_times', 'cart_at', 'cart_at >= first_view_at and cart_at <= window_end_at'
        ) }} as cart_at
    from entries
),

purchase_steps as (
    -- The purchase step: the first purchase at or after that cart, within the window. The
    -- earliest cart is the best start for a purchase: any purchase after a later cart is also
    -- after it, so taking the first cart never loses a conversion.
    select
        *,
        {{ list_min_where(
            'purchase_times', 'purchase_at', 'purchase_at >= cart_at and purchase_at <= window_end_at'
        ) }} as purchase_at
    from cart_steps
),

final as (
    select
        funnel_grain,
        user_id,
        session_id,
        first_view_at,
        first_view_month,
        first_view_product_id,
        first_view_brand,
        first_view_category_top_level,
        cart_at,
        purchase_at,
        {{ dbt.datediff('first_view_at', 'cart_at', 'second') }}
            as cart_seconds_from_view,
        {{ dbt.datediff('cart_at', 'purchase_at', 'second') }}
            as purchase_seconds_from_cart
    from purchase_steps
)

select * from final
