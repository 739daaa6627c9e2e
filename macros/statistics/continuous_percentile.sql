{% macro continuous_percentile(expression, fraction) -%}
    {{ return(adapter.dispatch('continuous_percentile')(expression, fraction)) }}
{%- endmacro %}

{% macro default__continuous_percentile(expression, fraction) -%}
    quantile_cont(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}

{% macro spark__continuous_percentile(expression, fraction) -%}
    percentile(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}
