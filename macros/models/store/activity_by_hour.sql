{#- The query of model activity_by_hour, reading the relations passed in (events) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
{% macro activity_by_hour_from(events) -%}
with events as (
    select * from {{ events }}
),

hours as (
    {{ hour_spine() }}
),

hour_spine as (
    select hour_of_day as event_hour
    from hours
),

per_hour as (
    select
        event_hour,
        {{ activity_metrics() }}
    from events
    group by event_hour
),

final as (
    select
        hour_spine.event_hour,
        {{ activity_metrics_from('per_hour') }}
    from hour_spine
    left join per_hour on hour_spine.event_hour = per_hour.event_hour
)

select * from final
order by event_hour
{%- endmacro %}
