{% macro revenue_share(revenue, partition_by=none) -%}
    {{ safe_divide(revenue, 'sum(' ~ revenue ~ ') over (' ~ _partition_clause(partition_by) ~ ')') }}
{%- endmacro %}

{% macro revenue_rank(revenue, purchase_count, name, partition_by=none) -%}
    cast(row_number() over ({{ _partition_clause(partition_by, trailing_space=true) -}}
    order by {{ revenue }} desc, {{ purchase_count }} desc, {{ name }} asc) as bigint)
{%- endmacro %}

{% macro _partition_clause(partition_by, trailing_space=false) -%}
    {%- if partition_by %}partition by {{ partition_by }}{% if trailing_space %} {% endif %}{% endif -%}
{%- endmacro %}
