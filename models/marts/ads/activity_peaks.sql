-- One row per demographic dimension x value: the hour of day and the weekday with the most
-- sessions (ties go to the earlier hour / the lower ISO weekday).
-- The query is macro activity_peaks_from (macros/models/ads/), shared with the dashboard.
{{ activity_peaks_from(ref('int_session_demographics_unpivoted')) }}
