{#- The de-duplication rule of every source, defined once: one row per distinct raw row of
    `relation`, with duplicate_count = its exact copies beyond the first. Every raw column
    takes part, extra_values included: a ragged row is not a duplicate of the well-formed row
    it starts like. -#}
{% macro distinct_raw_rows(relation) -%}
    select
        *,
        count(*) - 1 as duplicate_count
    from {{ relation }}
    group by all
{%- endmacro %}
