-- Always 7 x 24 rows: every ISO weekday (Monday = 1) x hour of day, empty cells included
-- with 0 sessions and a null click-through rate.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

weekday_spine as (
    -- From the time spine, not the sessions: a weekday can have no session (Saturday, in the
    -- public log). Its weekend flag is the same macro int_sessions_enriched uses.
    select distinct
        iso_weekday as session_weekday,
        weekday_name as session_weekday_name,
        is_weekend
    from {{ ref('int_hours_enumerated') }}
),

hour_spine as (
    select distinct hour_of_day as session_hour
    from {{ ref('int_hours_enumerated') }}
),

per_cell as (
    select
        session_weekday,
        session_hour,
        {{ session_click_measures() }}
    from sessions
    group by session_weekday, session_hour
),

final as (
    select
        weekday_spine.session_weekday,
        weekday_spine.session_weekday_name,
        weekday_spine.is_weekend,
        hour_spine.session_hour,
        coalesce(per_cell.session_count, 0) as session_count,
        -- An empty cell has no click; a cell of sessions without click data has no click count.
        case when per_cell.session_count is null then 0 else per_cell.click_count end as click_count,
        {{ click_through_rate('per_cell.click_count', 'per_cell.click_data_session_count') }}
            as click_through_rate,
        {{ click_through_rate_interval(
            'per_cell.click_count', 'per_cell.click_data_session_count'
        ) }}
    from weekday_spine
    cross join hour_spine
    left join per_cell
        on
            weekday_spine.session_weekday = per_cell.session_weekday
            and hour_spine.session_hour = per_cell.session_hour
)

select * from final
