{% macro session_click_measures(relation=none) -%}
    {%- set is_clicked = (relation ~ '.' if relation else '') ~ 'is_clicked' -%}
    count(*) as session_count,
    -- A session from a file without an is_click column (AmExpert's test.csv) has no click data:
    -- the click measures count the sessions that have it, and are null where none does.
    count({{ is_clicked }}) as click_data_session_count,
    case when count({{ is_clicked }}) > 0 then count(*) filter (where {{ is_clicked }}) end as click_count
{%- endmacro %}

{% macro click_through_rate(click_count='click_count', session_count='click_data_session_count') -%}
    {{ safe_divide(click_count, session_count) }}
{%- endmacro %}

{% macro click_through_rate_interval(click_count='click_count', session_count='click_data_session_count') -%}
    {{ wilson_lower(click_count, session_count) }} as click_through_rate_lower,
    {{ wilson_upper(click_count, session_count) }} as click_through_rate_upper
{%- endmacro %}
