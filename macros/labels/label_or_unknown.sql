{% macro label_or_unknown(expression) -%}
    coalesce(cast({{ expression }} as {{ text_type() }}), {{ unknown_label() }})
{%- endmacro %}

{% macro unknown_label() -%}
    'Unknown'
{%- endmacro %}
