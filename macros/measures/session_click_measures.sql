{% macro session_click_measures(relation=none) -%}
    {%- set is_clicked = (relation ~ '.' if relation else '') ~ 'is_clicked' -%}
    count(*) as session_count,
    count(*) filter (where {{ is_clicked }}) as click_count
{%- endmacro %}

{% macro click_through_rate(click_count='click_count', session_count='session_count') -%}
    {{ safe_divide(click_count, session_count) }}
{%- endmacro %}

{% macro click_through_rate_interval(click_count='click_count', session_count='session_count') -%}
    {{ wilson_lower(click_count, session_count) }} as click_through_rate_lower,
    {{ wilson_upper(click_count, session_count) }} as click_through_rate_upper
{%- endmacro %}
