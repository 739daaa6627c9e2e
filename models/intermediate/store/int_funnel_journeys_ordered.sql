-- One row per funnel journey, at two grains: `user` (all of a user's clean events) and
-- `session` (one user's events inside one session). Every view opens an attempt; an attempt's
-- cart step is the first cart at or after its view, its purchase step the first purchase at or
-- after that cart, both at most funnel_window_days after the attempt's view. Var
-- funnel_attempts picks which attempt is the journey: `first`, the first view's (Mixpanel
-- classic), or `any` (the default), the attempt that reaches the furthest step, the earliest
-- view among those that tie. Only the three stage event types take part, named explicitly: any
-- other type (remove_from_cart) is not a funnel step.
{%- set funnel_attempts = var('funnel_attempts') %}
{%- if funnel_attempts not in ['any', 'first'] %}
    {{ exceptions.raise_compiler_error(
        "var funnel_attempts must be 'any' or 'first', got '" ~ funnel_attempts ~ "'"
    ) }}
{%- endif %}
{%- set view_record = record([
    ('event_at', 'event_at'), ('product_id', 'product_id'),
    ('category_top_level', 'category_top_level'), ('brand', 'brand'),
]) %}
{%- set attempt_window_end = '(' ~ dbt.dateadd(
    'day', var('funnel_window_days'), 'attempt.attempt_view.event_at'
) ~ ')' %}
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
    -- self-joins). The first view is the smallest record, compared field by field, so
    -- same-second views are ordered by their attributes and the attributed product is
    -- deterministic. The cart and purchase times are kept as lists for the step rules below;
    -- under `any`, so are the views (each opens an attempt).
    -- Events without a session form one group per user: they count at the user grain only.
    select
        user_id,
        session_id,
        min({{ view_record }}) filter (where event_type = 'view') as first_view,
        {% if funnel_attempts == 'any' %}
            {{ list_agg(view_record) }} filter (where event_type = 'view') as view_records,
        {% endif %}
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
        {% if funnel_attempts == 'any' %}
            flatten({{ list_agg('view_records') }} filter (where view_records is not null)) as view_records,
        {% endif %}
        flatten({{ list_agg('cart_times') }} filter (where cart_times is not null)) as cart_times,
        flatten({{ list_agg('purchase_times') }} filter (where purchase_times is not null))
            as purchase_times
    from session_journeys
    group by user_id
),

journeys as (
    -- A journey is keyed by its grain, user and session (null at the user grain); only groups
    -- with a view are journeys.
    select
        'user' as funnel_grain,
        user_id,
        cast(null as {{ text_type() }}) as session_id,
        first_view,
        {% if funnel_attempts == 'any' %}
            view_records,
        {% endif %}
        cart_times,
        purchase_times
    from user_journeys
    where first_view is not null
    union all
    select
        'session' as funnel_grain,
        user_id,
        session_id,
        first_view,
        {% if funnel_attempts == 'any' %}
            view_records,
        {% endif %}
        cart_times,
        purchase_times
    from session_journeys
    where session_id is not null and first_view is not null
),
{%- if funnel_attempts == 'first' %}

    first_attempts as (
        -- `first`: the journey is the attempt of its first view. The cart step is the first cart
        -- at or after the first view, within the window; the purchase step the first purchase at
        -- or after that cart, within the window. The earliest cart is the best start for a
        -- purchase: any purchase after a later cart is also after it, so taking the first cart
        -- never loses a conversion.
        select
            journeys.funnel_grain,
            journeys.user_id,
            journeys.session_id,
            journeys.first_view as attempt_view,
            journeys.first_view.event_at as attempt_view_at,
            {{ dbt.dateadd('day', var('funnel_window_days'), 'journeys.first_view.event_at') }} as window_end_at,
            journeys.cart_times,
            journeys.purchase_times
        from journeys
    ),

    cart_steps as (
        select
            *,
            {{ list_min_where(
                'cart_times', 'cart_at',
                'cart_at >= attempt_view_at and cart_at <= window_end_at'
            ) }} as cart_at
        from first_attempts
    ),

    attempt_steps as (
        select
            funnel_grain,
            user_id,
            session_id,
            attempt_view,
            cart_at,
            {{ list_min_where(
                'purchase_times', 'purchase_at', 'purchase_at >= cart_at and purchase_at <= window_end_at'
            ) }} as purchase_at
        from cart_steps
    ),
{%- else %}

    cart_purchases as (
        -- `any`: each cart with the first purchase at or after it (no window yet). A journey
        -- without a cart has no list: every attempt of it stops at its view.
        select
            *,
            {{ list_transform('cart_times', 'cart_time', record([
                ('cart_at', 'cart_time'),
                ('purchase_at', list_min_where('purchase_times', 'purchase_time', 'purchase_time >= cart_time')),
            ])) }} as cart_steps
        from journeys
    ),

    view_attempts as (
        -- Each view opens an attempt: its cart step is the first cart at or after the view, and the
        -- purchase step the first purchase at or after that cart (the smallest cart_steps record
        -- at or after the view: ordered by cart_at first). Per journey, over its own lists: no join
        -- of views and carts; journeys without a cart skip the lists.
        select
            cart_purchases.funnel_grain,
            cart_purchases.user_id,
            cart_purchases.session_id,
            cart_purchases.first_view,
            case
                when cart_purchases.cart_steps is not null
                    then {{ list_transform('cart_purchases.view_records', 'view_record', record([
                        ('attempt_view', 'view_record'),
                        ('steps', list_min_where(
                            'cart_purchases.cart_steps', 'cart_step', 'cart_step.cart_at >= view_record.event_at'
                        )),
                    ])) }}
            end as attempts
        from cart_purchases
    ),

    chosen_attempts as (
        -- Each attempt's steps count within funnel_window_days of its own view (edge included).
        -- The journey's attempt is the smallest record: fewest missed steps (the furthest-
        -- reaching), then the earliest view, same-second views ordered as the first view is.
        select
            *,
            {{ list_min(list_transform('attempts', 'attempt', record([
                ('missed_steps',
                    'case when attempt.steps.cart_at <= ' ~ attempt_window_end ~ ' then case when '
                    ~ 'attempt.steps.purchase_at <= ' ~ attempt_window_end ~ ' then 0 else 1 end else 2 end'),
                ('attempt_view', 'attempt.attempt_view'),
                ('cart_at',
                    'case when attempt.steps.cart_at <= ' ~ attempt_window_end ~ ' then attempt.steps.cart_at end'),
                ('purchase_at',
                    'case when attempt.steps.purchase_at <= ' ~ attempt_window_end
                    ~ ' then attempt.steps.purchase_at end'),
            ]))) }} as chosen
        from view_attempts
    ),

    attempt_steps as (
        -- A journey without a cart is its first view's attempt.
        select
            chosen_attempts.funnel_grain,
            chosen_attempts.user_id,
            chosen_attempts.session_id,
            coalesce(chosen_attempts.chosen.attempt_view, chosen_attempts.first_view) as attempt_view,
            chosen_attempts.chosen.cart_at,
            chosen_attempts.chosen.purchase_at
        from chosen_attempts
    ),
{%- endif %}

final as (
    -- Qualified throughout: attempt_view is a record, and attempt_view.event_at reads its field.
    -- The first_view_* names are kept (BI-facing): they describe the journey's attempt's view.
    select
        attempt_steps.funnel_grain,
        attempt_steps.user_id,
        attempt_steps.session_id,
        attempt_steps.attempt_view.event_at as first_view_at,
        {{ year_month_text('attempt_steps.attempt_view.event_at') }} as first_view_month,
        attempt_steps.attempt_view.product_id as first_view_product_id,
        attempt_steps.attempt_view.brand as first_view_brand,
        attempt_steps.attempt_view.category_top_level as first_view_category_top_level,
        attempt_steps.cart_at,
        attempt_steps.purchase_at,
        {{ dbt.datediff('attempt_steps.attempt_view.event_at', 'attempt_steps.cart_at', 'second') }}
            as cart_seconds_from_view,
        {{ dbt.datediff('attempt_steps.cart_at', 'attempt_steps.purchase_at', 'second') }}
            as purchase_seconds_from_cart
    from attempt_steps
)

select * from final
