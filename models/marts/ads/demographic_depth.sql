-- One row per demographic dimension x value seen in the clean sessions: how deep its sessions
-- go ("age levels 2 and 3 hold X % of deep sessions"; depth by city development index).
with demographics as (
    select * from {{ ref('int_session_demographics_unpivoted') }}
),

per_value as (
    select
        demographic_dimension,
        demographic_value,
        {{ session_click_measures() }},
        count(*) filter (where is_deep_engagement) as deep_session_count,
        {{ avg_user_depth('user_depth') }} as avg_user_depth
    from demographics
    group by demographic_dimension, demographic_value
),

final as (
    select
        demographic_dimension,
        demographic_value,
        session_count,
        deep_session_count,
        {{ safe_divide('deep_session_count', 'session_count') }} as deep_session_share_of_value,
        {{ safe_divide(
            'deep_session_count',
            'sum(deep_session_count) over (partition by demographic_dimension)'
        ) }} as deep_session_share,
        avg_user_depth,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }}
    from per_value
)

select * from final
