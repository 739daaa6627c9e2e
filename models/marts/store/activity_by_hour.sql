-- One row per hour of day (UTC), 0..23, always 24: the spine is generated, so an hour with no
-- event reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
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
