-- One row per ISO week of the log: active users split into new, returning and resurrected,
-- and the users lost to dormancy that week.
with user_weeks as (
    select
        user_id,
        cohort_start_date,
        period_start_date as week_start_date
    from {{ ref('int_user_periods_aggregated') }}
    where cohort_grain = 'week'
),

bounds as (
    select
        min(week_start_date) as first_week,
        max(week_start_date) as last_week
    from user_weeks
),

week_spine as (
    select distinct hours.week_start_date
    from {{ ref('int_hours_enumerated') }} as hours
    inner join bounds on hours.week_start_date between bounds.first_week and bounds.last_week
),

classified as (
    -- An active user-week: new in the user's first week, returning when also active the
    -- week before, resurrected when back after at least one inactive week.
    select
        current_week.week_start_date,
        current_week.week_start_date = current_week.cohort_start_date as is_new,
        previous_week.user_id is not null as was_active_previous_week
    from user_weeks as current_week
    left join user_weeks as previous_week
        on
            current_week.user_id = previous_week.user_id
            and previous_week.week_start_date
            = cast({{ dbt.dateadd('week', -1, 'current_week.week_start_date') }} as date)
),

active_counts as (
    select
        week_start_date,
        count(*) as active_user_count,
        count(*) filter (where is_new) as new_user_count,
        count(*) filter (where not is_new and was_active_previous_week) as returning_user_count,
        count(*) filter (where not is_new and not was_active_previous_week) as resurrected_user_count
    from classified
    group by week_start_date
),

dormant_counts as (
    -- Active one week and not the next: dormant in the next week.
    select
        cast({{ dbt.dateadd('week', 1, 'this_week.week_start_date') }} as date) as week_start_date,
        count(*) as dormant_user_count
    from user_weeks as this_week
    left join user_weeks as next_week
        on
            this_week.user_id = next_week.user_id
            and next_week.week_start_date
            = cast({{ dbt.dateadd('week', 1, 'this_week.week_start_date') }} as date)
    where next_week.user_id is null
    group by this_week.week_start_date
),

final as (
    select
        week_spine.week_start_date,
        coalesce(active_counts.active_user_count, 0) as active_user_count,
        coalesce(active_counts.new_user_count, 0) as new_user_count,
        coalesce(active_counts.returning_user_count, 0) as returning_user_count,
        coalesce(active_counts.resurrected_user_count, 0) as resurrected_user_count,
        coalesce(dormant_counts.dormant_user_count, 0) as dormant_user_count
    from week_spine
    left join active_counts on week_spine.week_start_date = active_counts.week_start_date
    left join dormant_counts on week_spine.week_start_date = dormant_counts.week_start_date
)

select * from final
order by week_start_date
