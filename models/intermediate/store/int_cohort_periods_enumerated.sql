-- Every period of every first-seen cohort, quiet periods included: from the cohort's own period
-- (0) to the last period of its grain in which anyone is active, with the cohort's size. The
-- cohort marts left-join their measures to it, so a period without activity reports 0, not a gap.
with user_periods as (
    select * from {{ ref('int_user_periods_aggregated') }}
),

cohorts as (
    select
        cohort_grain,
        cohort_start_date,
        count(distinct user_id) as cohort_user_count
    from user_periods
    group by cohort_grain, cohort_start_date
),

last_periods as (
    select
        cohort_grain,
        max(period_start_date) as last_period_start_date
    from user_periods
    group by cohort_grain
),

cohort_lengths as (
    select
        cohorts.*,
        {{ cohort_period_number(
            'cohorts.cohort_grain', 'cohorts.cohort_start_date', 'last_periods.last_period_start_date'
        ) }} as last_period_number
    from cohorts
    inner join last_periods on cohorts.cohort_grain = last_periods.cohort_grain
),

periods as (
    select
        cohort_lengths.cohort_grain,
        cohort_lengths.cohort_start_date,
        cohort_lengths.cohort_user_count,
        cast(spine.period_number as integer) as period_number
    from cohort_lengths
    cross join unnest(generate_series(0, cohort_lengths.last_period_number)) as spine (period_number)
),

final as (
    select
        cohort_grain,
        cohort_start_date,
        period_number,
        {{ cohort_period_start_date('cohort_grain', 'cohort_start_date', 'period_number') }}
            as period_start_date,
        cohort_user_count
    from periods
)

select * from final
