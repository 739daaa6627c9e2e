{#- The fields of one CSV line (RFC 4180: comma-separated, a field may be double-quoted with
    `""` for a quote inside), as a list of text, or null when the quoting is malformed (an
    unterminated quote, a quote inside an unquoted field). Lines without a quote, nearly all
    of them, take the plain split. A quoted newline cannot occur: lines are split first, so
    its two halves are each malformed. -#}
{% macro csv_line_fields(text) -%}
    case
        when not contains({{ text }}, '"') then string_split({{ text }}, ',')
        when regexp_full_match({{ text }}, '(?:"(?:[^"]|"")*"|[^,"]*)(?:,(?:"(?:[^"]|"")*"|[^,"]*))*')
            then list_transform(
                regexp_extract_all(',' || {{ text }}, ',("(?:[^"]|"")*"|[^,"]*)', 1),
                lambda cell: case
                    when starts_with(cell, '"') then replace(cell[2:-2], '""', '"')
                    else cell
                end
            )
    end
{%- endmacro %}
