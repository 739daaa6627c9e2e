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

{#- The click-through rate's Wilson 95 % interval (macro wilson_lower / wilson_upper; docs blocks
    ads_click_through_rate_lower / _upper), as the two columns click_through_rate_lower and
    click_through_rate_upper, null for a group with no sessions. -#}
{% macro click_through_rate_interval(click_count='click_count', session_count='session_count') -%}
    {{ wilson_lower(click_count, session_count) }} as click_through_rate_lower,
    {{ wilson_upper(click_count, session_count) }} as click_through_rate_upper
{%- endmacro %}
