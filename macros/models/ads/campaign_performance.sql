{% macro campaign_performance_from(sessions) -%}
with sessions as (
    select * from {{ sessions }}
),

per_campaign as (
    select
        campaign_id,
        {{ session_click_measures() }}
    from sessions
    group by campaign_id
),

final as (
    select
        campaign_id,
        session_count,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }},
        {{ session_share() }} as session_share,
        {{ session_rank('campaign_id') }} as session_rank
    from per_campaign
)

select * from final
{%- endmacro %}
