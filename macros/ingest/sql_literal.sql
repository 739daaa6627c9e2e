{% macro sql_literal(value) -%}
    {{ return(adapter.dispatch('sql_literal')(value)) }}
{%- endmacro %}

{% macro default__sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__sql_literal(value) -%}
    {#- Spark reads backslash escapes in literals: the backslash is escaped first. -#}
    '{{ value | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

{% macro sql_string_list(values) -%}
    {%- for value in values -%}
        {{ sql_literal(value) }}{% if not loop.last %}, {% endif %}
    {%- endfor -%}
{%- endmacro %}
