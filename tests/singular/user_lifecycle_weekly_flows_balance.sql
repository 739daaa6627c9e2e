-- Each week's active users are last week's, minus those gone dormant, plus the new and the
-- resurrected (store.user_lifecycle): the four flows account for every change. Returns the
-- weeks where they do not.
with weeks as (
    select
        week_start_date,
        active_user_count,
        new_user_count,
        resurrected_user_count,
        dormant_user_count,
        lag(active_user_count, 1, 0) over (order by week_start_date) as previous_active_user_count
    from {{ ref('user_lifecycle') }}
)

select
    week_start_date,
    previous_active_user_count,
    active_user_count
from weeks
where
    active_user_count
    != previous_active_user_count - dormant_user_count + new_user_count + resurrected_user_count
