{#- The calendar periods cohorts are counted in, defined once for int_user_periods_aggregated
    and int_cohort_periods_enumerated (which the cohort marts and user_lifecycle read): ISO weeks
    (starting Monday) and calendar months (UTC). A grain is held in a `cohort_grain` column
    ('week' / 'month'); int_hours_enumerated has each grain's first day as `<grain>_start_date`. -#}
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
