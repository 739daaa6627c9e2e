{#- A ratio as a double, null (not an error) when the denominator is 0: an empty group has
    no rate, and a BI tool should show a blank rather than 0. -#}
{% macro safe_divide(numerator, denominator) -%}
    cast({{ numerator }} as double) / nullif({{ denominator }}, 0)
{%- endmacro %}
