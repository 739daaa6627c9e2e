{% macro cohort_grains() -%}
    {{ return(['week', 'month']) }}
{%- endmacro %}

{% macro cohort_period_number(cohort_grain, start_date, end_date) -%}
    case {{ cohort_grain }}
        {%- for grain in cohort_grains() %}
        when '{{ grain }}' then {{ dbt.datediff(start_date, end_date, grain) }}
        {%- endfor %}
    end
{%- endmacro %}
