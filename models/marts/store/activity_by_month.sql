-- One row per calendar month (UTC) from the first to the last clean event's month, every
-- month in between included: a month without events reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

bounds as (
    select
        min(event_date) as first_date,
        max(event_date) as last_date
    from events
),

month_spine as (
    select distinct hours.month_text as event_month
    from {{ ref('int_hours_enumerated') }} as hours
    inner join bounds on hours.date_day between bounds.first_date and bounds.last_date
),

per_month as (
    select
        event_month,
        {{ activity_metrics() }}
    from events
    group by event_month
),

final as (
    select
        month_spine.event_month,
        {{ activity_metrics_from('per_month') }}
    from month_spine
    left join per_month on month_spine.event_month = per_month.event_month
)

select * from final
order by event_month
