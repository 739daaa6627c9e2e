{#- The 24 hours of a day as a generated select, hour_of_day integer 0..23: a mart reporting
    by hour lists every hour, with or without activity. Use as a CTE body and rename the
    column to the mart's name (activity_by_hour, activity_heatmap). -#}
{% macro hour_spine() -%}
    select cast(range as integer) as hour_of_day
    from range(0, 24)
{%- endmacro %}
