{% macro sessions_aggregated_from(sessions) -%}
with sessions as (
    select * from {{ sessions }}
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
{%- endmacro %}
