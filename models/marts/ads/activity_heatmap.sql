-- Always 7 x 24 rows: every ISO weekday (Monday = 1) x hour of day, empty cells included
-- with 0 sessions and a null click-through rate.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

weekdays as (
    select cast(unnest(generate_series(1, 7)) as integer) as session_weekday
),

hours as (
    select cast(unnest(generate_series(0, 23)) as integer) as session_hour
),

per_cell as (
    select
        session_weekday,
        session_hour,
        count(*) as session_count,
        count(*) filter (where is_clicked) as click_count
    from sessions
    group by session_weekday, session_hour
),

final as (
    select
        weekdays.session_weekday,
        -- 2024-01-01 is a Monday: day n of that week has ISO weekday n.
        dayname(date '2024-01-01' + weekdays.session_weekday - 1) as session_weekday_name,
        weekdays.session_weekday in (6, 7) as is_weekend,
        hours.session_hour,
        coalesce(per_cell.session_count, 0) as session_count,
        coalesce(per_cell.click_count, 0) as click_count,
        {{ safe_divide('per_cell.click_count', 'per_cell.session_count') }} as click_through_rate
    from weekdays
    cross join hours
    left join per_cell
        on
            weekdays.session_weekday = per_cell.session_weekday
            and hours.session_hour = per_cell.session_hour
)

select * from final
