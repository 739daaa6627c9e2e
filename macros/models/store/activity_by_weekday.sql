{#- The query of model activity_by_weekday, reading the relations passed in (events) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
{% macro activity_by_weekday_from(events) -%}
with events as (
    select * from {{ events }}
),

weekday_spine as (
    {{ weekday_spine() }}
),

per_weekday as (
    select
        event_weekday_number,
        {{ activity_metrics() }}
    from events
    group by event_weekday_number
),

final as (
    select
        weekday_spine.weekday_number as event_weekday_number,
        weekday_spine.weekday_name as event_weekday,
        {{ activity_metrics_from('per_weekday') }}
    from weekday_spine
    left join per_weekday on weekday_spine.weekday_number = per_weekday.event_weekday_number
)

select * from final
order by event_weekday_number
{%- endmacro %}
