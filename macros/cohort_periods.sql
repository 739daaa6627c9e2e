{#- The calendar periods cohorts are counted in, defined once for int_user_periods_aggregated,
    cohort_retention, cohort_revenue and user_lifecycle: ISO weeks (starting Monday) and
    calendar months (UTC). A grain is held in a `cohort_grain` column ('week' / 'month'). -#}
{% macro cohort_grains() -%}
    {{ return(['week', 'month']) }}
{%- endmacro %}

{#- Whole periods from `start_date` to `end_date`, both the first day of a period of the grain
    in `cohort_grain`: 0 for the same period. -#}
{% macro cohort_period_number(cohort_grain, start_date, end_date) -%}
    case {{ cohort_grain }}
        {%- for grain in cohort_grains() %}
        when '{{ grain }}' then {{ dbt.datediff(start_date, end_date, grain) }}
        {%- endfor %}
    end
{%- endmacro %}

{#- The first day of the period `period_number` periods after `start_date`, as a date. -#}
{% macro cohort_period_start_date(cohort_grain, start_date, period_number) -%}
    case {{ cohort_grain }}
        {%- for grain in cohort_grains() %}
        when '{{ grain }}' then cast({{ dbt.dateadd(grain, period_number, start_date) }} as date)
        {%- endfor %}
    end
{%- endmacro %}

{#- Every period of every cohort in `relation` (int_user_periods_aggregated), from the cohort's
    own period (period_number 0) to the last period of its grain in which anyone is active,
    quiet periods included: one row per (cohort_grain, cohort_start_date, period_number) with
    period_start_date and cohort_user_count (the cohort's distinct users). The cohort marts
    left-join their measures to it, so a period without activity reports 0, not a gap. Use as
    a CTE body. -#}
{% macro cohort_period_spine(relation) %}
with cohorts as (
    select
        cohort_grain,
        cohort_start_date,
        count(distinct user_id) as cohort_user_count
    from {{ relation }}
    group by cohort_grain, cohort_start_date
),

last_periods as (
    select
        cohort_grain,
        max(period_start_date) as last_period_start_date
    from {{ relation }}
    group by cohort_grain
),

cohort_lengths as (
    select
        cohorts.*,
        {{ cohort_period_number('cohorts.cohort_grain', 'cohorts.cohort_start_date', 'last_periods.last_period_start_date') }}
            as last_period_number
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
)

select
    cohort_grain,
    cohort_start_date,
    period_number,
    {{ cohort_period_start_date('cohort_grain', 'cohort_start_date', 'period_number') }} as period_start_date,
    cohort_user_count
from periods
{% endmacro %}
