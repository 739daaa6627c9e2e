-- One row per user: how far down the funnel they went, what they spent, and the exclusive
-- behaviour segment and high-value overlay that user_summary and user_segments expose.
-- The query is macro user_funnel_states_from (macros/models/store/), shared with the dashboard.
{{ user_funnel_states_from(ref('stg_store__events')) }}
