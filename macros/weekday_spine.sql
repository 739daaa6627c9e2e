{#- The seven ISO weekdays as a generated select (never read from data, independent of any
    locale or reference date): weekday_number (integer, ISO: Monday = 1 .. Sunday = 7) and
    weekday_name (English, 'Monday' .. 'Sunday', the names DuckDB's dayname gives). Use as a CTE
    body and rename the columns to the mart's names (activity_by_weekday, activity_heatmap). -#}
{% macro weekday_spine() -%}
    {%- set names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] -%}
    select
        cast(weekday_list.weekday_number as integer) as weekday_number,
        cast(weekday_list.weekday_name as varchar) as weekday_name
    from (
        values
        {%- for name in names %}
        ({{ loop.index }}, '{{ name }}'){% if not loop.last %},{% endif %}
        {%- endfor %}
    ) as weekday_list (weekday_number, weekday_name)
{%- endmacro %}
