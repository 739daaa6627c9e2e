-- One row per first-seen cohort (week and month grains) and period since: how many of the
-- cohort's users were active, and how many bought, in that period.
with user_periods as (
    select * from {{ ref('int_user_periods_aggregated') }}
),

spine as (
    select * from {{ ref('int_cohort_periods_enumerated') }}
),

period_activity as (
    -- One row per user and active period, so count(*) counts active users.
    select
        cohort_grain,
        cohort_start_date,
        period_number,
        count(*) as active_user_count,
        count(*) filter (where purchase_count > 0) as purchasing_user_count
    from user_periods
    group by cohort_grain, cohort_start_date, period_number
),

final as (
    select
        spine.cohort_grain,
        spine.cohort_start_date,
        spine.period_number,
        spine.period_start_date,
        spine.cohort_user_count,
        coalesce(period_activity.active_user_count, 0) as active_user_count,
        coalesce(period_activity.purchasing_user_count, 0) as purchasing_user_count,
        {{ safe_divide('coalesce(period_activity.active_user_count, 0)', 'spine.cohort_user_count') }}
            as retention_rate,
        {{ safe_divide('coalesce(period_activity.purchasing_user_count, 0)', 'spine.cohort_user_count') }}
            as purchasing_user_rate
    from spine
    left join period_activity
        on
            spine.cohort_grain = period_activity.cohort_grain
            and spine.cohort_start_date = period_activity.cohort_start_date
            and spine.period_number = period_activity.period_number
)

select * from final
order by cohort_grain desc, cohort_start_date asc, period_number asc
