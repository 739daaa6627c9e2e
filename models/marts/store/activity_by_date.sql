-- One row per calendar date (UTC) from the first to the last clean event's date, every date
-- in between included: a day without events reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

bounds as (
    select
        min(event_date) as first_date,
        max(event_date) as last_date
    from events
),

date_spine as (
    select distinct hours.date_day as event_date
    from {{ ref('int_hours_enumerated') }} as hours
    inner join bounds on hours.date_day between bounds.first_date and bounds.last_date
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
