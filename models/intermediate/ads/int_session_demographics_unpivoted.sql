-- One row per clean session and demographic dimension (4 per session): the value the session
-- has on that dimension, `Unknown` when missing. The marts that slice by "a demographic value"
-- read this, so the four dimensions and their labels are defined here once.
-- The query is macro session_demographics_from (macros/models/ads/), shared with the dashboard.
{{ session_demographics_from(ref('int_sessions_enriched')) }}
