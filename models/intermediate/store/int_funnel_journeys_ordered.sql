-- One row per funnel journey, at two grains: `user` (all of a user's clean events) and
-- `session` (one user's events inside one session). A journey starts at its first view; its cart
-- step is the first cart at or after that view, its purchase step the first purchase at or after
-- that cart, both at most funnel_window_days after the first view. Only the three stage event
-- types take part, named explicitly: any other type (remove_from_cart) is not a funnel step.
-- The query is macro funnel_journeys_from (macros/models/store/), shared with the dashboard.
{{ funnel_journeys_from(ref('int_events_enriched')) }}
