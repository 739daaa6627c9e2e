{% macro _param(name, names) -%}
    ${{ names.index(name) + 1 }}
{%- endmacro %}

{% macro _in_list(column, name, element_type, names) -%}
    {%- set values = 'cast(' ~ _param(name, names) ~ ' as ' ~ element_type ~ ' [])' -%}
    (len({{ values }}) = 0 or list_contains({{ values }}, {{ column }}))
{%- endmacro %}
