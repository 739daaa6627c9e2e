{#- One row per `key_column` value: the `value_column` value most frequent among the rows of
    `relation` that pass `where` (the rows whose value is known), ties to the alphabetically first
    so the choice is deterministic. Renders a select with the columns `key_column`, `value_column`.
    The rule of the catalog backfill (brand per product, category_code per category_id) and of
    the attributes a product is reported under (README: "most frequent known value, ties
    alphabetical"). -#}
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
