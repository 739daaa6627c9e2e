-- One row per demographic dimension x value x product_category_1 seen in the clean sessions.
with demographics as (
    select * from {{ ref('int_session_demographics_unpivoted') }}
),

per_cell as (
    select
        demographic_dimension,
        demographic_value,
        product_category_1,
        {{ session_click_measures() }}
    from demographics
    group by demographic_dimension, demographic_value, product_category_1
),

value_totals as (
    select
        *,
        cast(sum(session_count) over (
            partition by demographic_dimension, demographic_value
        ) as bigint) as value_session_count
    from per_cell
),

final as (
    select
        demographic_dimension,
        demographic_value,
        product_category_1,
        session_count,
        value_session_count,
        {{ safe_divide('session_count', 'value_session_count') }} as session_share_of_value,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }}
    from value_totals
)

select * from final
