{#- Use the configured schema name as-is (`staging`, `store`, `ads`) instead of dbt's
    default `<target_schema>_<custom>`: BI tools and the docs address marts as store.kpi_summary. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
