{#- Text -> an integer type for a categorical code, or null when the text is not one. The
    code may be written as a float (`10.0`), as pandas exports nullable integer columns;
    anything with a real fraction, a sign or letters gives null. Identifiers use the stricter
    parse_integer_id. -#}
{% macro parse_integer_code(column, data_type='integer') -%}
    try_cast(regexp_extract({{ column }}, '^([0-9]+)(\.0*)?$', 1) as {{ data_type }})
{%- endmacro %}
