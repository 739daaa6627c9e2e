{% macro most_frequent_value(relation, key_column, value_column, where) -%}
    select
        {{ key_column }},
        {{ value_column }}
    from (
        select
            {{ key_column }},
            {{ value_column }},
            count(*) as value_count
        from {{ relation }}
        where {{ where }}
        group by {{ key_column }}, {{ value_column }}
    ) as value_counts
    qualify row_number() over (
        partition by {{ key_column }} order by value_count desc, {{ value_column }} asc
    ) = 1
{%- endmacro %}
