-- One row per first-seen cohort (week and month grains) and period since: the cohort's revenue
-- in the period, its cumulative revenue per cohort user (the LTV curve) and how many of its
-- buyers so far have bought more than once.
with user_periods as (
    select * from {{ ref('int_user_periods_aggregated') }}
),

spine as (
    select * from {{ ref('int_cohort_periods_enumerated') }}
),

user_cumulative as (
    select
        user_id,
        cohort_grain,
        cohort_start_date,
        period_number,
        sum(purchase_count) over (
            partition by user_id, cohort_grain
            order by period_number
            rows between unbounded preceding and current row
        ) as cumulative_purchase_count
    from user_periods
),

user_milestones as (
    -- The period in which each user's first and second purchase events fall.
    select
        user_id,
        cohort_grain,
        cohort_start_date,
        min(period_number) filter (where cumulative_purchase_count >= 1) as first_purchase_period_number,
        min(period_number) filter (where cumulative_purchase_count >= 2) as repeat_purchase_period_number
    from user_cumulative
    group by user_id, cohort_grain, cohort_start_date
),

new_buyers as (
    select
        cohort_grain,
        cohort_start_date,
        first_purchase_period_number as period_number,
        count(*) as new_purchaser_count
    from user_milestones
    where first_purchase_period_number is not null
    group by cohort_grain, cohort_start_date, first_purchase_period_number
),

new_repeaters as (
    select
        cohort_grain,
        cohort_start_date,
        repeat_purchase_period_number as period_number,
        count(*) as new_repeat_purchaser_count
    from user_milestones
    where repeat_purchase_period_number is not null
    group by cohort_grain, cohort_start_date, repeat_purchase_period_number
),

period_revenue as (
    select
        cohort_grain,
        cohort_start_date,
        period_number,
        sum(purchase_count) as purchase_count,
        sum(revenue) as revenue
    from user_periods
    group by cohort_grain, cohort_start_date, period_number
),

per_period as (
    select
        spine.*,
        cast(coalesce(period_revenue.purchase_count, 0) as bigint) as purchase_count,
        cast(coalesce(period_revenue.revenue, 0) as decimal(38, 2)) as revenue,
        coalesce(new_buyers.new_purchaser_count, 0) as new_purchaser_count,
        coalesce(new_repeaters.new_repeat_purchaser_count, 0) as new_repeat_purchaser_count
    from spine
    left join period_revenue
        on
            spine.cohort_grain = period_revenue.cohort_grain
            and spine.cohort_start_date = period_revenue.cohort_start_date
            and spine.period_number = period_revenue.period_number
    left join new_buyers
        on
            spine.cohort_grain = new_buyers.cohort_grain
            and spine.cohort_start_date = new_buyers.cohort_start_date
            and spine.period_number = new_buyers.period_number
    left join new_repeaters
        on
            spine.cohort_grain = new_repeaters.cohort_grain
            and spine.cohort_start_date = new_repeaters.cohort_start_date
            and spine.period_number = new_repeaters.period_number
),

cumulative as (
    select
        *,
        cast(sum(revenue) over cohort_to_date as decimal(38, 2)) as cumulative_revenue,
        cast(sum(new_purchaser_count) over cohort_to_date as bigint) as cumulative_purchaser_count,
        cast(sum(new_repeat_purchaser_count) over cohort_to_date as bigint) as repeat_purchaser_count
    from per_period
    window cohort_to_date as (
        partition by cohort_grain, cohort_start_date
        order by period_number
        rows between unbounded preceding and current row
    )
),

final as (
    select
        cohort_grain,
        cohort_start_date,
        period_number,
        period_start_date,
        cohort_user_count,
        purchase_count,
        revenue,
        cumulative_revenue,
        cast({{ safe_divide('cumulative_revenue', 'cohort_user_count') }} as decimal(38, 2))
            as cumulative_revenue_per_user,
        cumulative_purchaser_count,
        repeat_purchaser_count,
        {{ safe_divide('repeat_purchaser_count', 'cumulative_purchaser_count') }} as repeat_purchase_rate
    from cumulative
)

select * from final
order by cohort_grain desc, cohort_start_date asc, period_number asc
