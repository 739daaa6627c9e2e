{% macro read_raw_lines(files) -%}
    {{ return(adapter.dispatch('read_raw_lines')(files)) }}
{%- endmacro %}

{% macro default__read_raw_lines(files) -%}
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


{% macro spark__read_raw_lines(files) -%}
{#- Spark's text source, one read per file: it splits lines at LF, CRLF and a lone CR, as
    DuckDB's reader does, and keeps the bytes as they are. A file is read in splits (blocks of
    spark.sql.files.maxPartitionBytes; a .gz is one block); within a block the rows come in file
    order, which monotonically_increasing_id keeps, and the blocks are ordered by their start
    offset, so a line's number is the lines of the earlier blocks plus its rank in its block. -#}
with physical_lines as (
    {%- for file in files %}
    select
        {{ sql_literal(file.source_file) }} as source_file,
        concat(
            cast(_metadata.file_size as string), '@',
            cast(unix_micros(_metadata.file_modification_time) as string)
        ) as source_file_version,
        _metadata.file_block_start as block_start,
        monotonically_increasing_id() as row_id,
        value as raw_text
    from text.`{{ _hadoop_path(file.source_file) }}`
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not files %}
    select
        cast(null as string) as source_file,
        cast(null as string) as source_file_version,
        cast(null as bigint) as block_start,
        cast(null as bigint) as row_id,
        cast(null as string) as raw_text
    where false
    {%- endif %}
),

blocks as (
    select
        source_file,
        block_start,
        coalesce(sum(count(*)) over (
            partition by source_file order by block_start
            rows between unbounded preceding and 1 preceding
        ), 0) as earlier_line_count
    from physical_lines
    group by source_file, block_start
),

numbered as (
    select
        physical_lines.*,
        blocks.earlier_line_count + row_number() over (
            partition by physical_lines.source_file, physical_lines.block_start
            order by physical_lines.row_id
        ) as source_line
    from physical_lines
    inner join blocks
        on physical_lines.source_file = blocks.source_file
        and physical_lines.block_start = blocks.block_start
)

select
    source_file,
    source_file_version,
    source_line,
    case
        when is_valid_utf8(raw_text) then raw_text
        -- Invalid UTF-8 keeps its bytes, escaped as DuckDB renders a blob as text: printable
        -- ASCII as is, except \ ' " which, like every other byte, become \xHH.
        else array_join(transform(
            sequence(1, octet_length(raw_text)),
            position -> case
                when conv(hex(substr(cast(raw_text as binary), position, 1)), 16, 10) between 32 and 126
                    and hex(substr(cast(raw_text as binary), position, 1)) not in ('22', '27', '5C')
                    then cast(substr(cast(raw_text as binary), position, 1) as string)
                else concat('\\x', hex(substr(cast(raw_text as binary), position, 1)))
            end
        ), '')
    end as line_text,
    not is_valid_utf8(raw_text) as is_invalid_utf8
from numbered
{%- endmacro %}

{% macro _hadoop_path(path) -%}
    {#- A path as Spark's file sources take it: Hadoop expands * ? [ ] { } as a glob, so each is
        escaped with a backslash (the backslash first); a backtick ends the quoted name, so it
        is doubled. -#}
    {%- set escaped = [] -%}
    {%- for character in path -%}
        {%- if character == '`' -%}
            {%- do escaped.append('``') -%}
        {%- elif character in '\\*?[]{}' -%}
            {%- do escaped.append('\\' ~ character) -%}
        {%- else -%}
            {%- do escaped.append(character) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ escaped | join('') }}
{%- endmacro %}
