{#- Text -> BIGINT for identifiers, or null when the text is not a plain digit string.
    Stricter than try_cast, which accepts '1.5e18' or '12.0': an id written through a float
    has already lost precision and must be rejected, not rounded. -#}
{% macro parse_integer_id(column) -%}
    case when regexp_full_match({{ column }}, '[0-9]+') then try_cast({{ column }} as bigint) end
{%- endmacro %}
