{#- The checks every raw CSV line passes before its fields are read, in order, as
    (reject_reason, condition) pairs over the columns line_text, is_invalid_utf8 and field_values
    (csv_line_fields). `column_count` is the width of the source's header. Trailing empty
    fields past the header are no values (`a,b,` is `a,b`), as spreadsheets write them. -#}
{% macro csv_line_rules(column_count) -%}
    {{ return([
        ('blank_line', "coalesce(line_text, '') = ''"),
        ('invalid_utf8', 'is_invalid_utf8'),
        ('control_character', "regexp_matches(line_text, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]')"),
        ('oversized_line', 'length(line_text) > ' ~ var('max_line_characters')),
        ('malformed_quoting', 'field_values is null'),
        ('missing_fields', 'len(field_values) < ' ~ column_count),
        ('extra_fields', "array_to_string(field_values[" ~ (column_count + 1) ~ ":], '') <> ''"),
    ]) }}
{%- endmacro %}
