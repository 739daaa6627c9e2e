{#- The continuous (linearly interpolated) percentile of a group's values, as a double: the
    value at rank (n - 1) * fraction of the sorted non-null values. Null for a group with no
    value. One macro so that a port to another engine changes one place (Spark: percentile). -#}
{% macro continuous_percentile(expression, fraction) -%}
    quantile_cont(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}
