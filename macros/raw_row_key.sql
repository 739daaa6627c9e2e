{#- The key of a distinct raw row: an md5 over every raw value in `columns` (extra values
    included), a null written as ''. Exact duplicates are collapsed before this is taken, so
    distinct rows have distinct content and each gets its own stable key. -#}
{% macro raw_row_key(columns) -%}
    md5(concat_ws('|'
    {%- for column in columns %}, coalesce({{ column }}, ''){% endfor -%}
    ))
{%- endmacro %}
