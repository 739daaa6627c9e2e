-- The exclusive segments of user_segments sum to all users of user_summary: every user sits
-- in exactly one of them. Returns a row (a failure) when the totals differ.
with segment_total as (
    select coalesce(sum(user_count), 0) as segmented_user_count
    from {{ ref('user_segments') }}
    where not is_overlay
),

user_total as (
    select count(*) as user_count
    from {{ ref('user_summary') }}
)

select
    segment_total.segmented_user_count,
    user_total.user_count
from segment_total
cross join user_total
where segment_total.segmented_user_count != user_total.user_count
