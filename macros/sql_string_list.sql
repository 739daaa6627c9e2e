{#- Render a list var as a SQL list of string literals: ['view', 'cart'] -> 'view', 'cart'. -#}
{% macro sql_string_list(values) -%}
    {%- for value in values -%}
        '{{ value | replace("'", "''") }}'{% if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}
