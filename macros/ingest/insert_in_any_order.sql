{% macro insert_in_any_order() -%}
    {{ return(adapter.dispatch('insert_in_any_order')()) }}
{%- endmacro %}

{% macro default__insert_in_any_order() -%}
    {#- Session scope: dbt-duckdb opens a new cursor for every node, so no other model sees it. -#}
    set session preserve_insertion_order = false
{%- endmacro %}

{% macro spark__insert_in_any_order() -%}
    {#- Spark has no such setting: its writers already write their partitions in parallel. -#}
{%- endmacro %}
