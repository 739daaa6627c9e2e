-- One row per product_category_1 seen in the clean sessions.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

totals as (
    select * from {{ ref('int_sessions_aggregated') }}
),

per_category as (
    select
        product_category_1,
        {{ session_click_measures() }},
        count(distinct user_id) as user_count
    from sessions
    group by product_category_1
),

rated as (
    select
        per_category.*,
        {{ click_through_rate('per_category.click_count', 'per_category.click_data_session_count') }}
            as click_through_rate,
        {{ click_through_rate_interval(
            'per_category.click_count', 'per_category.click_data_session_count'
        ) }},
        totals.click_through_rate as overall_click_through_rate
    from per_category
    cross join totals
),

final as (
    select
        product_category_1,
        session_count,
        {{ session_share() }} as session_share,
        {{ session_rank('product_category_1') }} as session_rank,
        user_count,
        click_count,
        click_through_rate,
        click_through_rate_lower,
        click_through_rate_upper,
        {{ safe_divide('click_through_rate', 'overall_click_through_rate') }} as click_through_rate_index
    from rated
)

select * from final
