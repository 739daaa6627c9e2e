-- One row: the whole clean session log. kpi_summary shows its overall click-through rate, and
-- the index / share columns of the other marts divide by it.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

totals as (
    select
        {{ session_click_measures() }},
        count(distinct user_id) as user_count,
        {{ avg_user_depth('user_depth') }} as avg_user_depth
    from sessions
),

final as (
    select
        session_count,
        user_count,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }},
        avg_user_depth
    from totals
)

select * from final
