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

period_starts as (
    -- The first day of every week and month, from the time spine.
    {% for grain in cohort_grains() -%}
        select distinct
            '{{ grain }}' as cohort_grain,
            {{ grain }}_start_date as period_start_date
        from {{ ref('int_hours_enumerated') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

periods as (
    select
        cohorts.cohort_grain,
        cohorts.cohort_start_date,
        cohorts.cohort_user_count,
        period_starts.period_start_date
    from cohorts
    inner join last_periods on cohorts.cohort_grain = last_periods.cohort_grain
    inner join period_starts
        on
            cohorts.cohort_grain = period_starts.cohort_grain
            and period_starts.period_start_date
            between cohorts.cohort_start_date and last_periods.last_period_start_date
),

final as (
    select
        cohort_grain,
        cohort_start_date,
        cast({{ cohort_period_number('cohort_grain', 'cohort_start_date', 'period_start_date') }} as integer)
            as period_number,
        period_start_date,
        cohort_user_count
    from periods
)

select * from final
