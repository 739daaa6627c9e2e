{#- The label of a missing attribute, defined once: a value as text, or 'Unknown' when it is
    missing. A BI tool then groups the gap as a value of its own instead of dropping a null
    group. Typed columns keep the null; only the *_label / reported attribute takes this. -#}
{% macro label_or_unknown(expression) -%}
    coalesce(cast({{ expression }} as varchar), {{ unknown_label() }})
{%- endmacro %}

{#- The literal itself, for a CASE branch that decides missingness some other way. -#}
{% macro unknown_label() -%}
    'Unknown'
{%- endmacro %}
