-- One row per user_depth value (1, 2, 3, ... and `Unknown`) seen in the clean sessions.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

top_category as (
    -- The top category as category_engagement ranks it (session_rank 1), so this mart and
    -- the KPI card name the same one.
    select product_category_1 as top_product_category_1
    from {{ ref('category_engagement') }}
    where session_rank = 1
),

per_depth as (
    select
        sessions.user_depth_label,
        any_value(sessions.user_depth) as user_depth,
        any_value(sessions.engagement_depth_band) as engagement_depth_band,
        any_value(sessions.is_deep_engagement) as is_deep_engagement,
        {{ session_click_measures('sessions') }},
        count(distinct sessions.user_id) as user_count,
        count(*) filter (
            where sessions.product_category_1 = top_category.top_product_category_1
        ) as top_category_session_count,
        count(distinct sessions.user_id) filter (where sessions.is_returning_user) as returning_user_count
    from sessions
    cross join top_category
    group by sessions.user_depth_label
),

final as (
    select
        user_depth_label,
        user_depth,
        engagement_depth_band,
        is_deep_engagement,
        session_count,
        user_count,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }},
        top_category_session_count,
        {{ safe_divide('top_category_session_count', 'session_count') }} as top_category_session_share,
        returning_user_count,
        {{ safe_divide('returning_user_count', 'user_count') }} as returning_user_rate
    from per_depth
)

select * from final
