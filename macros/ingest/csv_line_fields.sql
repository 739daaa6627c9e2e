{% macro csv_line_fields(text) -%}
    {{ return(adapter.dispatch('csv_line_fields')(text)) }}
{%- endmacro %}

{% macro default__csv_line_fields(text) -%}
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

{% macro spark__csv_line_fields(text) -%}
    {#- Java's regex engine recurses once per repetition: a quoted line longer than
        max_line_characters (quarantined as oversized_line before its fields matter) is not
        matched, so a megabyte line cannot overflow the stack. -#}
    case
        when not contains({{ text }}, '"') then split({{ text }}, ',', -1)
        when length({{ text }}) > {{ var('max_line_characters') }} then cast(null as array<string>)
        when {{ regex_full_match(text, '(?:"(?:[^"]++|"")*+"|[^,"]*+)(?:,(?:"(?:[^"]++|"")*+"|[^,"]*+))*+') }}
            then transform(
                regexp_extract_all(',' || {{ text }}, r',("(?:[^"]++|"")*+"|[^,"]*+)', 1),
                cell -> case
                    when startswith(cell, '"') then replace(substr(cell, 2, length(cell) - 2), '""', '"')
                    else cell
                end
            )
    end
{%- endmacro %}
