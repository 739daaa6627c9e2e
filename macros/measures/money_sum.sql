{% macro money_sum(expression, condition=none) -%}
    cast(coalesce(sum({{ expression }}){% if condition %} filter (where {{ condition }}){% endif %}, 0) as decimal(38, 2))
{%- endmacro %}
