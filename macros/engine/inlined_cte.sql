{#- A CTE that several parts of a query read: inlined into each, as Spark always does. -#}

{% macro inlined_cte() -%}
    {{ return(adapter.dispatch('inlined_cte')()) }}
{%- endmacro %}

{% macro default__inlined_cte() -%}
    not materialized
{%- endmacro %}

{% macro spark__inlined_cte() -%}
{%- endmacro %}
