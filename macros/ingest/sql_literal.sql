{% macro sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{% macro sql_string_list(values) -%}
    {%- for value in values -%}
        {{ sql_literal(value) }}{% if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}
