{% macro iso_weekday_is_weekend(iso_weekday) -%}
    ({{ iso_weekday }} in (6, 7))
{%- endmacro %}
