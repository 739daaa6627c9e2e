-- Every hour of the plausible window (vars plausible_time_min .. plausible_time_max), with the
-- calendar attributes marts group by: the one time spine of the project. A mart that must
-- report every hour, weekday, date or month, with or without activity, selects the distinct
-- values it needs from here (never from the data, which may skip a quiet period).
-- The query is macro hours_enumerated (macros/calendar/), which the dashboard's analyses run too.
{{ config(materialized='table') }}

{{ hours_enumerated() }}
