{% macro record_rules() -%}
    {#- The rules on a line as a whole, checked before its values, in this order: its text, then
        its shape as export_rows split it (record_problem). DuckDB's reader itself rejects a line
        that is not UTF-8 or longer than var max_line_bytes and skips a blank one;
        load_reader_rejects gives those the same reasons. -#}
    {{ return([
        ('blank_line', "coalesce(line_text, '') = ''"),
        ('invalid_utf8', 'is_invalid_utf8'),
        ('control_character', regex_contains('line_text', '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]')),
        ('oversized_line', 'length(line_text) > ' ~ var('max_line_characters')),
        ('malformed_quoting', "record_problem = 'malformed_quoting'"),
        ('missing_fields', "record_problem = 'missing_fields'"),
        ('extra_fields', "record_problem = 'extra_fields'"),
    ]) }}
{%- endmacro %}
