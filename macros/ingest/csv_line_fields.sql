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
