-- MetricFlow's time spine: one row per calendar day from the first to the last day of either
-- clean log, every day in between included (the two logs are years apart; ~1,300 rows).
with log_bounds as (
    -- Each log's first and last day; an empty log adds nulls, which min / max ignore.
    select min(event_date) as log_date from {{ ref('events_cleaned') }}
    union all
    select max(event_date) as log_date from {{ ref('events_cleaned') }}
    union all
    select min(session_date) as log_date from {{ ref('sessions_cleaned') }}
    union all
    select max(session_date) as log_date from {{ ref('sessions_cleaned') }}
),

days as (
    {{ date_spine('log_bounds', 'log_date') }}
),

final as (
    select spine_date as date_day
    from days
)

select * from final
order by date_day
