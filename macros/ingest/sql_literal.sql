{#- A user-controlled text (a file path, a name) as a SQL string literal, quotes doubled, so
    the value can never end the literal and run as SQL. -#}
{% macro sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{#- A list of values as SQL string literals: ['view', 'cart'] -> 'view', 'cart'. -#}
{% macro sql_string_list(values) -%}
    {%- for value in values -%}
        {{ sql_literal(value) }}{% if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}
