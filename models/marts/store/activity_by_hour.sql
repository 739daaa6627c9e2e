-- One row per hour of day (UTC), 0..23, always 24: the hours come from the time spine, so an
-- hour with no event reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

hour_spine as (
    select distinct hour_of_day as event_hour
    from {{ ref('int_hours_enumerated') }}
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
