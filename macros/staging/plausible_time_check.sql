{% macro plausible_time_check(column) -%}
    {{ return('not (' ~ column ~ " >= timestamp '" ~ var('plausible_time_min') ~ "' and "
        ~ column ~ " < timestamp '" ~ var('plausible_time_max') ~ "')") }}
{%- endmacro %}
