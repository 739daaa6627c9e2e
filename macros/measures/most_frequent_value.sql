{% macro most_frequent_value(relation, key_column, value_column, where) -%}
    select
        {{ key_column }},
        {{ value_column }}
    from {{ relation }}
    where {{ where }}
    group by {{ key_column }}, {{ value_column }}
    qualify row_number() over (
        partition by {{ key_column }} order by count(*) desc, {{ value_column }} asc
    ) = 1
{%- endmacro %}
