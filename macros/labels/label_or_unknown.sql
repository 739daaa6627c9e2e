{% macro label_or_unknown(expression) -%}
    coalesce(cast({{ expression }} as varchar), {{ unknown_label() }})
{%- endmacro %}

{% macro unknown_label() -%}
    'Unknown'
{%- endmacro %}
