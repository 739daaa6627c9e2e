{% macro parse_integer_id(column) -%}
    case when {{ regex_full_match(column, '[0-9]+') }} then try_cast({{ column }} as bigint) end
{%- endmacro %}

{% macro parse_integer_code(column, data_type='integer') -%}
    try_cast({{ regex_extract(column, '^([0-9]+)(\\.0*)?$', 1) }} as {{ data_type }})
{%- endmacro %}
