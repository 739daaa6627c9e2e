-- One row per funnel stage (view -> cart -> purchase), counted in users. A stage's users are
-- the users with at least one clean event of that type, whatever they did before: the
-- published funnel's definition, so a buyer who never carted still counts as a buyer.
with users as (
    select * from {{ ref('int_users_funnel_states') }}
),

stage_users as (
    select
        count(*) filter (where has_viewed) as viewer_count,
        count(*) filter (where has_carted) as carter_count,
        count(*) filter (where has_purchased) as purchaser_count
    from users
),

stages as (
    -- The view stage is the funnel's entry: its previous stage is itself.
    select
        1 as stage_order,
        'view' as funnel_stage,
        viewer_count as stage_user_count,
        viewer_count as previous_stage_user_count,
        viewer_count
    from stage_users
    union all
    select
        2 as stage_order,
        'cart' as funnel_stage,
        carter_count as stage_user_count,
        viewer_count as previous_stage_user_count,
        viewer_count
    from stage_users
    union all
    select
        3 as stage_order,
        'purchase' as funnel_stage,
        purchaser_count as stage_user_count,
        carter_count as previous_stage_user_count,
        viewer_count
    from stage_users
),

rates as (
    select
        stage_order,
        funnel_stage,
        stage_user_count,
        previous_stage_user_count,
        {{ safe_divide('stage_user_count', 'previous_stage_user_count') }} as conversion_from_previous_rate,
        {{ safe_divide('previous_stage_user_count - stage_user_count', 'previous_stage_user_count') }}
            as drop_off_from_previous_rate,
        {{ safe_divide('stage_user_count', 'viewer_count') }} as viewer_share
    from stages
),

largest_drop_off as (
    -- The single stage losing the largest share of the previous stage's users; on a tie the
    -- earlier stage (the leak upstream is met first). No stage when nothing is lost.
    select stage_order
    from rates
    where drop_off_from_previous_rate > 0
    order by drop_off_from_previous_rate desc, stage_order asc
    limit 1
),

final as (
    select
        rates.stage_order,
        rates.funnel_stage,
        rates.stage_user_count,
        rates.previous_stage_user_count,
        rates.conversion_from_previous_rate,
        rates.drop_off_from_previous_rate,
        rates.viewer_share,
        largest_drop_off.stage_order is not null as is_largest_drop_off
    from rates
    left join largest_drop_off on rates.stage_order = largest_drop_off.stage_order
)

select * from final
order by stage_order
