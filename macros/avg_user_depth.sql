{#- Average engagement depth of a group of sessions: the mean of the known `user_depth` values.
    A session with a missing depth is left out (not counted as 0); null when no session of the
    group has a known depth. ads.kpi_summary (through int_sessions_aggregated) and
    ads.demographic_depth report it; use inside a grouped select. -#}
{% macro avg_user_depth(user_depth_column='user_depth') -%}
    avg(cast({{ user_depth_column }} as double)) filter (where {{ user_depth_column }} is not null)
{%- endmacro %}
