{% macro activity_by_hour_from(events, hours) -%}
with events as (
    select * from {{ events }}
),

hour_spine as (
    select distinct hour_of_day as event_hour
    from {{ hours }}
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
