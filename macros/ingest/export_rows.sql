{#- Every row of a source's export files, read by the engine's own CSV reader, every column as
    text and named as in the source YAML, whatever order the file's header gives them.

    The readers split lines and commas and leave quotes alone (quote off): one bad line then
    never reaches past itself, where a stray quote makes a quote-aware reader swallow every
    line up to the next quote (DuckDB's did: 49,000 rows of 100,000). The rare line that holds
    a quote is split again by the RFC 4180 rules of csv_line_fields; a quoted line break
    therefore splits its row in two malformed halves. Each line is read into the header's
    columns and eight spare ones: a short line is padded (null: missing_fields), a long one
    spills into the spares (extra_fields; an empty field past the header, a spreadsheet's
    trailing comma, is no value). -#}

{% macro export_rows(source_name, files) -%}
    {%- set layouts = export_layouts(files) -%}
    {%- for layout in layouts %}
    {%- set width = layout.header | length %}
    {%- set spare_width = width + export_spare_columns() %}
    select
        {%- for column in source_column_names(source_name) %}
        {%- set position = header_position(layout.header, column.name) | int %}
        {%- if position > 0 %}
        nullif(
            case when has_quote then {{ list_element('quoted_fields', position) }} else c{{ position }} end, ''
        ) as {{ column.name | lower }},
        {%- else %}
        cast(null as {{ text_type() }}) as {{ column.name | lower }},
        {%- endif %}
        {%- if column.optional %}
        {{ 'true' if position > 0 else 'false' }} as has_{{ column.name | lower }}_column,
        {%- endif %}
        {%- endfor %}
        source_file,
        source_file_version,
        source_line,
        line_text,
        is_invalid_utf8,
        case
            when has_quote and quoted_fields is null then 'malformed_quoting'
            when has_quote and {{ list_length('quoted_fields') }} < {{ width }} then 'missing_fields'
            when has_quote and {{ list_text_from('quoted_fields', width + 1) }} <> '' then 'extra_fields'
            when has_quote then null
            when c{{ width }} is null then 'missing_fields'
            when concat({% for position in range(width + 1, spare_width + 1) %}coalesce(c{{ position }}, ''){{ ', ' if not loop.last }}{% endfor %}) <> ''
                then 'extra_fields'
        end as record_problem
    from (
        select
            *,
            case when has_quote then {{ csv_line_fields('line_text') }} end as quoted_fields
        from (
            select
                *,
                contains(line_text, '"') as has_quote
            from {{ export_scan(source_name, layout) }}
        ) as scanned
    ) as split
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not layouts %}
    select
        {%- for column in source_column_names(source_name) %}
        cast(null as {{ text_type() }}) as {{ column.name | lower }},
        {%- if column.optional %}
        false as has_{{ column.name | lower }}_column,
        {%- endif %}
        {%- endfor %}
        cast(null as {{ text_type() }}) as source_file,
        cast(null as {{ text_type() }}) as source_file_version,
        cast(null as bigint) as source_line,
        cast(null as {{ text_type() }}) as line_text,
        false as is_invalid_utf8,
        cast(null as {{ text_type() }}) as record_problem
    where false
    {%- endif %}
{%- endmacro %}

{% macro _joined_fields(width) -%}
    {#- A line's fields joined back by commas, which with quotes left alone is the line itself (a
        padded field is null, so it adds no comma; past the spare columns it is cut). -#}
    concat_ws(',', {% for position in range(1, width + 1) %}c{{ position }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}

{% macro export_spare_columns() -%}
    {{ return(8) }}
{%- endmacro %}

{% macro source_column_names(source_name) -%}
    {#- The source's columns, in the order of its YAML (the export's own order), with whether a
        file may lack them (config meta optional). None while parsing, before the graph exists. -#}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set node = graph.sources.values() | selectattr('source_name', 'equalto', source_name) | first -%}
    {%- set columns = [] -%}
    {%- for name, column in node.columns.items() -%}
        {%- set meta = (column.config or {}).get('meta', {}) or column.meta or {} -%}
        {%- do columns.append({'name': name, 'optional': meta.get('optional', false)}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}

{% macro export_layouts(files) -%}
    {#- The files grouped by header: each layout is read by one scan. -#}
    {%- set layouts = {} -%}
    {%- for file in files -%}
        {%- set key = file.header | join('\n') -%}
        {%- if key not in layouts -%}
            {%- do layouts.update({key: {'header': file.header, 'files': []}}) -%}
        {%- endif -%}
        {%- do layouts[key]['files'].append(file) -%}
    {%- endfor -%}
    {{ return(layouts.values() | list) }}
{%- endmacro %}

{% macro header_position(header, name) -%}
    {#- 1-based position of a column in a header (names match case aside), 0 when absent. -#}
    {%- set ns = namespace(position=0) -%}
    {%- for found in header -%}
        {%- if ns.position == 0 and found | lower == name | lower -%}{%- set ns.position = loop.index -%}{%- endif -%}
    {%- endfor -%}
    {{ return(ns.position) }}
{%- endmacro %}

{% macro export_scan(source_name, layout) -%}
    {{ return(adapter.dispatch('export_scan')(source_name, layout)) }}
{%- endmacro %}

{% macro default__export_scan(source_name, layout) -%}
    {#- One read_csv over the layout's files, its rejects tables on. The rows come out in file
        order but without a line number or version: load_reader_rejects, a post-hook of the
        loading model, sets both from that order and the lines the reader rejected. -#}
    (
        select
            *,
            filename as source_file,
            cast(null as varchar) as source_file_version,
            cast(null as bigint) as source_line,
            {{ _joined_fields(layout.header | length + export_spare_columns()) }} as line_text,
            -- The reader rejects a line that is not UTF-8 itself.
            false as is_invalid_utf8
        from read_csv(
            [{%- for file in layout.files %}{{ file_path_literal(file.source_file) }}{{ ', ' if not loop.last }}{% endfor %}],
            columns = {
                {%- for position in range(1, layout.header | length + export_spare_columns() + 1) %}
                'c{{ position }}': 'varchar'{{ ',' if not loop.last }}
                {%- endfor %}
            },
            header = true,
            auto_detect = false,
            delim = ',',
            quote = '',
            escape = '',
            encoding = 'utf-8',
            -- Short rows are padded: an empty field reads as '', a missing one as null.
            null_padding = true,
            nullstr = chr(0),
            -- Lines may end in LF, CRLF or a lone CR, mixed in one file.
            strict_mode = false,
            filename = true,
            max_line_size = {{ var('max_line_bytes') }},
            store_rejects = true,
            rejects_table = '{{ reader_rejects_table(source_name, "errors") }}',
            rejects_scan = '{{ reader_rejects_table(source_name, "scans") }}'
        )
    )
{%- endmacro %}

{% macro spark__export_scan(source_name, layout) -%}
    {#- Spark's text source, one read per file: every line, a blank one included, split at LF,
        CRLF and a lone CR as DuckDB's reader splits them, its bytes kept. A file is read in
        splits; within one the lines keep file order (monotonically_increasing_id) and the
        splits are ordered by their start offset, so a line's number is its rank in its file.
        Its fields are split at commas, as DuckDB's reader does with quotes off. -#}
    {%- set width = layout.header | length + export_spare_columns() %}
    (
        select
            {%- for position in range(1, width + 1) %}
            try_element_at(split(raw_text, ',', -1), {{ position }}) as c{{ position }},
            {%- endfor %}
            source_file,
            source_file_version,
            source_line,
            case
                when is_valid_utf8(raw_text) then raw_text
                -- Invalid UTF-8 keeps its bytes, escaped as DuckDB renders a blob as text:
                -- printable ASCII as is, except \ ' " which, like every other byte, become \xHH.
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
        from (
            select
                *,
                row_number() over (partition by source_file order by block_start, row_order) as source_line
            from (
                {%- for file in layout.files %}
                select
                    value as raw_text,
                    {{ sql_literal(file.source_file) }} as source_file,
                    {{ sql_literal(file.source_file_version) }} as source_file_version,
                    input_file_block_start() as block_start,
                    monotonically_increasing_id() as row_order
                from text.`{{ hadoop_path(file.source_file) }}`
                {%- if not loop.last %}
                union all
                {%- endif %}
                {%- endfor %}
            ) as physical_lines
        ) as numbered
        -- The header.
        where source_line > 1
    )
{%- endmacro %}

{% macro reader_rejects_table(source_name, kind) -%}
    {#- The temporary table where DuckDB's reader writes the rows it rejects while a source's
        files load (kind: errors or scans; rows: what load_reader_rejects makes of them). -#}
    {{ source_name }}_export_reader_{{ kind }}
{%- endmacro %}
