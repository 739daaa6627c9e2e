-- Under funnel_attempts `any`, a user's journey reaches at least the furthest stage any of the
-- user's session journeys reaches (a session journey that buys makes a buying user journey): a
-- session's attempt is also an attempt of the user's, whose other events can only bring its
-- steps earlier. Returns the users with a session journey further than their user journey.
-- Under `first` this need not hold (a later session may convert after the first view's
-- window), so nothing is returned.
with journey_stages as (
    select
        funnel_grain,
        user_id,
        case
            when purchase_at is not null then 3
            when cart_at is not null then 2
            else 1
        end as stage_order
    from {{ ref('int_funnel_journeys_ordered') }}
),

session_stages as (
    select
        user_id,
        max(stage_order) as furthest_session_stage_order
    from journey_stages
    where funnel_grain = 'session'
    group by user_id
),

user_stages as (
    select
        user_id,
        stage_order as user_stage_order
    from journey_stages
    where funnel_grain = 'user'
),

final as (
    select
        session_stages.user_id,
        session_stages.furthest_session_stage_order,
        user_stages.user_stage_order
    from session_stages
    left join user_stages on session_stages.user_id = user_stages.user_id
    where
        user_stages.user_stage_order is null
        or user_stages.user_stage_order < session_stages.furthest_session_stage_order
)

select * from final
{%- if var('funnel_attempts') != 'any' %}
where false
{%- endif %}
