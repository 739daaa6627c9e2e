{% macro read_raw_lines(files) -%}
with latin1_lines as (
    {%- for file in files %}
    select
        {{ sql_literal(file.source_file) }} as source_file,
        {{ sql_literal(file.source_file_version) }} as source_file_version,
        ordinality as source_line,
        line as latin1_text
    from read_csv(
        {{ file_path_literal(file.source_file) }},
        columns = {'line': 'varchar'},
        header = false,
        auto_detect = false,
        delim = chr(65535),
        quote = '',
        escape = '',
        strict_mode = false,
        encoding = 'latin-1',
        max_line_size = {{ var('max_line_bytes') }},
        -- DuckDB's default buffer is 16 lines of the maximum size: 256 MB per file read.
        buffer_size = {{ 2 * var('max_line_bytes') }}
    ) with ordinality
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not files %}
    select
        cast(null as varchar) as source_file,
        cast(null as varchar) as source_file_version,
        cast(null as bigint) as source_line,
        cast(null as varchar) as latin1_text
    where false
    {%- endif %}
),

line_bytes as (
    select
        *,
        case
            -- A byte above 0x7F decodes to a two-byte character: the text grows (no regex, which
            -- costs ten times as much on every line).
            when strlen(latin1_text) <> length(latin1_text)
                then from_hex(array_to_string(
                    list_transform(string_split(latin1_text, ''), lambda c: printf('%02X', ord(c))), ''
                ))
        end as non_ascii_bytes
    from latin1_lines
),

decoded as (
    select
        *,
        try(decode(non_ascii_bytes)) as utf8_text
    from line_bytes
)

select
    source_file,
    source_file_version,
    source_line,
    case
        when non_ascii_bytes is null then latin1_text
        else coalesce(utf8_text, cast(non_ascii_bytes as varchar))
    end as line_text,
    non_ascii_bytes is not null and utf8_text is null as is_invalid_utf8
from decoded
{%- endmacro %}
