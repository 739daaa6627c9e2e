-- One row per funnel stage (view -> cart -> purchase), counted in users. A stage's users are
-- the users with at least one clean event of that type, whatever they did before: the
-- published funnel's definition, so a buyer who never carted still counts as a buyer.
-- The query is macro funnel_summary_from (macros/models/store/), shared with the dashboard.
{{ funnel_summary_from(ref('int_users_funnel_states')) }}
