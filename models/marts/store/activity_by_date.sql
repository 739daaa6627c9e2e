-- One row per calendar date (UTC) from the first to the last clean event's date, every date
-- in between included: a day without events reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

dates as (
    {{ date_spine('events', 'event_date') }}
),

date_spine as (
    select spine_date as event_date
    from dates
),

per_date as (
    select
        event_date,
        {{ activity_metrics() }}
    from events
    group by event_date
),

final as (
    select
        date_spine.event_date,
        {{ activity_metrics_from('per_date') }}
    from date_spine
    left join per_date on date_spine.event_date = per_date.event_date
)

select * from final
order by event_date
