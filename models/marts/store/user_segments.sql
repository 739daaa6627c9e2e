-- One row per segment of the segment_actions seed: the four exclusive behaviour segments,
-- which partition all users, then the high-value overlay; users, share of all users, and the
-- recommended action. A segment with no users still gets its row, with 0.
-- The query is macro user_segments_from (macros/models/store/), shared with the dashboard.
{{ user_segments_from(ref('int_users_funnel_states'), ref('segment_actions')) }}
