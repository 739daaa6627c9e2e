{#- Every calendar date from the first to the last value of `date_column` in `relation`,
    days without rows included, as spine_date: a per-date mart or window reports a quiet day
    as zeros instead of skipping it. Empty when `relation` is. Use as a CTE body. -#}
{% macro date_spine(relation, date_column) -%}
    select cast(spine.day_start as date) as spine_date
    from (
        select
            min({{ date_column }}) as first_date,
            max({{ date_column }}) as last_date
        from {{ relation }}
    ) as bounds
    cross join
        unnest(
            generate_series(
                cast(bounds.first_date as timestamp), cast(bounds.last_date as timestamp), interval 1 day
            )
        ) as spine (day_start)
{%- endmacro %}
