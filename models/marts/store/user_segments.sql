-- One row per segment of the segment_actions seed: the four exclusive behaviour segments,
-- which partition all users, then the high-value overlay; users, share of all users, and the
-- recommended action. A segment with no users still gets its row, with 0.
with users as (
    select * from {{ ref('int_users_funnel_states') }}
),

segment_actions as (
    select * from {{ ref('segment_actions') }}
),

exclusive_counts as (
    select
        user_segment as segment_code,
        count(*) as user_count
    from users
    group by user_segment
),

overlay_counts as (
    select
        'high_value' as segment_code,
        count(*) filter (where is_high_value) as user_count
    from users
),

segment_counts as (
    select
        segment_code,
        user_count
    from exclusive_counts
    union all
    select
        segment_code,
        user_count
    from overlay_counts
),

all_users as (
    select count(*) as total_user_count
    from users
),

joined as (
    -- Full join: a segment missing from the seed shows up with a null label (a failing test)
    -- rather than vanishing.
    select
        coalesce(segment_actions.segment_code, segment_counts.segment_code) as user_segment,
        segment_actions.segment_label,
        segment_actions.display_order,
        segment_actions.is_overlay,
        coalesce(segment_counts.user_count, 0) as user_count,
        segment_actions.behaviour,
        segment_actions.recommended_action
    from segment_actions
    full outer join segment_counts on segment_actions.segment_code = segment_counts.segment_code
),

final as (
    select
        joined.display_order,
        joined.user_segment,
        joined.segment_label,
        joined.is_overlay,
        joined.user_count,
        {{ safe_divide('joined.user_count', 'all_users.total_user_count') }} as user_share,
        joined.behaviour,
        joined.recommended_action
    from joined
    cross join all_users
)

select * from final
order by display_order
