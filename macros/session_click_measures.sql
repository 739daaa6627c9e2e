{#- The click measures of a group of clean sessions, defined once (docs blocks ads_session_count,
    ads_click_count): sessions, and sessions with is_clicked true. Use inside a select grouped
    by the grain, over rows with is_clicked; `relation` qualifies the column in a select that
    reads more than one relation. -#}
{% macro session_click_measures(relation=none) -%}
    {%- set is_clicked = (relation ~ '.' if relation else '') ~ 'is_clicked' -%}
    count(*) as session_count,
    count(*) filter (where {{ is_clicked }}) as click_count
{%- endmacro %}

{#- Click-through rate, defined once (docs block ads_click_through_rate): clicks / sessions as
    a fraction 0-1, null for a group with no sessions. -#}
{% macro click_through_rate(click_count='click_count', session_count='session_count') -%}
    {{ safe_divide(click_count, session_count) }}
{%- endmacro %}
