-- The seed segment_actions as the published store.user_segments carries it: the dashboard reads
-- only the published warehouse, which holds the marts and not the seeds, so a filtered
-- user_segments takes its labels and actions from here (scripts/dashboard/queries.py).
with published_segments as (
    select * from {{ ref('user_segments') }}
),

final as (
    select
        user_segment as segment_code,
        segment_label,
        display_order,
        is_overlay,
        behaviour,
        recommended_action
    from published_segments
)

select * from final
