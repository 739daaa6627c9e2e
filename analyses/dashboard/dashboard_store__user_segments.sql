-- store.user_segments, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
-- Segment labels and actions are read from the published store.user_segments.
with slice_events as (
    {{ dashboard_events_slice() }}
),

slice_users as (
    {{ user_funnel_states_from('slice_events') }}
),

published_segment_actions as (
    -- The seed's labels and actions, as the published mart carries them (the seed itself is
    -- not published).
    select
        display_order,
        user_segment as segment_code,
        segment_label,
        is_overlay,
        behaviour,
        recommended_action
    from {{ ref('user_segments') }}
),

final as (
    {{ user_segments_from('slice_users', 'published_segment_actions') }}
)

select * from final
