{% macro spark__cast(field, type) -%}
    {#- dbt's cast on Spark, which the contract check and unit-test fixtures use with the types
        the YAML declares: DuckDB's varchar is Spark's string (Spark wants varchar(n)). -#}
    cast({{ field }} as {{ 'string' if type | trim | lower == 'varchar' else type }})
{%- endmacro %}
