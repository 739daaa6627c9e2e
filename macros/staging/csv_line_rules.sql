{% macro csv_line_rules(column_count) -%}
    {{ return([
        ('blank_line', "coalesce(line_text, '') = ''"),
        ('invalid_utf8', 'is_invalid_utf8'),
        ('control_character', regex_contains('line_text', '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]')),
        ('oversized_line', 'length(line_text) > ' ~ var('max_line_characters')),
        ('malformed_quoting', 'field_values is null'),
        ('missing_fields', list_length('field_values') ~ ' < ' ~ column_count),
        ('extra_fields', list_text_from('field_values', column_count + 1) ~ " <> ''"),
    ]) }}
{%- endmacro %}
