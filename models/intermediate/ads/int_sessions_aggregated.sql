-- One row: the whole clean session log. The overall click-through rate is defined here once;
-- kpi_summary shows it and the index / share columns of the other marts divide by it.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

final as (
    select
        count(*) as session_count,
        count(distinct user_id) as user_count,
        count(*) filter (where is_clicked) as click_count,
        {{ safe_divide('count(*) filter (where is_clicked)', 'count(*)') }} as click_through_rate,
        {{ avg_user_depth('user_depth') }} as avg_user_depth
    from sessions
)

select * from final
