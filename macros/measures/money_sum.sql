{#- A sum of money, 0 (not null) over no rows, as decimal(38, 2): prices are decimal(18, 2),
    and a sum of even two of the largest overflows that type, so every money aggregate is
    widened to the largest decimal (36 digits before the point). `condition`, when given,
    filters the rows summed. -#}
{% macro money_sum(expression, condition=none) -%}
    cast(coalesce(sum({{ expression }}){% if condition %} filter (where {{ condition }}){% endif %}, 0) as decimal(38, 2))
{%- endmacro %}
