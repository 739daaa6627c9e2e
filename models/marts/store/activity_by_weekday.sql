-- One row per weekday, Monday..Sunday, always 7: the weekdays come from the time spine, so a
-- weekday with no event reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

weekday_spine as (
    select distinct
        iso_weekday as weekday_number,
        weekday_name
    from {{ ref('int_hours_enumerated') }}
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
