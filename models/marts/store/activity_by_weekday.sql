-- One row per weekday, Monday..Sunday, always 7: the spine is generated, so a weekday with no
-- event reports zeros instead of going missing.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

weekday_spine as (
    -- 2024-01-01 was a Monday: day n of that week names ISO weekday n.
    select
        cast(range as integer) as event_weekday_number,
        dayname(date '2024-01-01' + cast(range - 1 as integer)) as event_weekday
    from range(1, 8)
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
        weekday_spine.event_weekday_number,
        weekday_spine.event_weekday,
        {{ activity_metrics_from('per_weekday') }}
    from weekday_spine
    left join per_weekday on weekday_spine.event_weekday_number = per_weekday.event_weekday_number
)

select * from final
order by event_weekday_number
