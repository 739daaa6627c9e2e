{#- True when an ISO weekday number (Monday = 1 ... Sunday = 7) is Saturday or Sunday. The one
    weekend definition of the session log: int_sessions_enriched flags each session with it,
    and activity_heatmap flags its weekday spine with it, because a weekday can have no
    session at all (the public session log covers Sunday 2 to Friday 7 July 2017, so
    Saturday has none) and its flag cannot be read from the sessions. -#}
{% macro iso_weekday_is_weekend(iso_weekday) -%}
    ({{ iso_weekday }} in (6, 7))
{%- endmacro %}
