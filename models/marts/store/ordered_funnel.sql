-- The ordered funnel: per grain (user, session) and stage (view -> cart -> purchase), the
-- journeys that took the steps in order within funnel_window_days of their first view, their
-- conversion from the previous stage and how long each step took. store.funnel_summary keeps
-- the case study's order-free counts beside it.
-- The query is macro ordered_funnel_from (macros/models/store/), shared with the dashboard.
{{ ordered_funnel_from(ref('int_funnel_journeys_ordered')) }}
