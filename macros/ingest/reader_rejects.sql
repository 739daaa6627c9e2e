{% macro load_reader_rejects(source_name) -%}
    {{ return(adapter.dispatch('load_reader_rejects')(source_name)) }}
{%- endmacro %}

{% macro spark__load_reader_rejects(source_name) -%}
    {#- Spark's text source returns every line, numbered: nothing to add. -#}
{%- endmacro %}

{% macro default__load_reader_rejects(source_name) -%}
    {#- Post-hook of a loading model on DuckDB, after the load's commit, on the connection whose
        scan filled the rejects tables, in one transaction of its own: until it commits, the
        loaded rows have no version, so a file it did not finish is forgotten and loaded again. The reader skipped blank lines and rejected the lines that
        are not UTF-8 or too long; its rows carry no line number. A census of the same files,
        read as whole lines (blank ones included), finds the blank lines; both kinds are
        inserted as rows with their reason, and every row just loaded gets its line number and
        file version from its place among the lines that are not rows of the scan. Renders no
        SQL of its own. -#}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set errors = reader_rejects_table(source_name, 'errors') -%}
    {%- set scans = reader_rejects_table(source_name, 'scans') -%}
    {%- set census_errors = reader_rejects_table(source_name, 'census_errors') -%}
    {%- set census_scans = reader_rejects_table(source_name, 'census_scans') -%}
    {%- set skipped = reader_rejects_table(source_name, 'skipped_lines') -%}
    {%- set census = reader_rejects_table(source_name, 'census') -%}
    {%- set found = run_query(
        "select count(*) from duckdb_tables() where temporary and table_name = '" ~ scans ~ "'"
    ).columns[0].values()[0] -%}
    {%- if found == 0 -%}{{ return('') }}{%- endif -%}
    {%- set loaded_files = run_query(
        'select source_file from ' ~ this ~ ' where source_line is null union select file_path from temp.main.'
        ~ scans ~ ' order by 1'
    ).columns[0].values() -%}
    {%- if not loaded_files -%}{{ return('') }}{%- endif -%}
    {%- set versions = input_file_versions_values(input_files(source_name)) -%}

    {%- call statement('reader_census') -%}
    create or replace temp table {{ census }} as
        select
            filename as source_file,
            min(ordinality) as first_ordinal,
            list(ordinality) filter (where line is null) as blank_ordinals
        from read_csv(
            [{%- for path in loaded_files %}{{ file_path_literal(path) }}{{ ', ' if not loop.last }}{% endfor %}],
            columns = {'line': 'varchar'},
            header = false,
            auto_detect = false,
            delim = chr(1),
            quote = '',
            escape = '',
            strict_mode = false,
            filename = true,
            max_line_size = {{ var('max_line_bytes') }},
            store_rejects = true,
            rejects_table = '{{ census_errors }}',
            rejects_scan = '{{ census_scans }}'
        ) with ordinality
        group by filename
    {%- endcall -%}

    {%- call statement('reader_skipped_lines') -%}
    create or replace temp table {{ skipped }} as
    with census as (
        select * from {{ census }}
    ),

    -- The census has no row for a line it rejects either: its n-th row is its n-th line plus the
    -- lines it rejected before that.
    census_rejects as (
        select
            census_scans.file_path as source_file,
            census_errors.line - row_number() over (
                partition by census_scans.file_path order by census_errors.line
            ) + 1 as first_row_after
        -- A table the census made: a statement cannot read a rejects table its own scan fills.
        from (select distinct scan_id, file_id, line from temp.main.{{ census_errors }}) as census_errors
        inner join temp.main.{{ census_scans }} as census_scans
            on census_errors.scan_id = census_scans.scan_id and census_errors.file_id = census_scans.file_id
    ),

    blank_rows as (
        select
            source_file,
            unnest(blank_ordinals) - first_ordinal + 1 as census_row
        from census
    ),

    blank_lines as (
        select
            blank_rows.source_file,
            blank_rows.census_row + (
                select count(*)
                from census_rejects
                where
                    census_rejects.source_file = blank_rows.source_file
                    and census_rejects.first_row_after <= blank_rows.census_row
            ) as source_line,
            'blank_line' as reject_reason,
            cast(null as varchar) as line_text
        from blank_rows
    ),

    reader_errors as (
        select
            scans.file_path as source_file,
            errors.line as source_line,
            errors.error_type,
            errors.csv_line,
            -- A line may break several rules: its first error.
            row_number() over (
                partition by scans.file_path, errors.line
                order by errors.byte_position, errors.column_idx
            ) as error_number
        from temp.main.{{ errors }} as errors
        inner join temp.main.{{ scans }} as scans
            on errors.scan_id = scans.scan_id and errors.file_id = scans.file_id
    ),

    rejected_lines as (
        select
            source_file,
            source_line,
            {{ reader_error_reason('error_type') }} as reject_reason,
            -- The reader folds the blank lines above a rejected line into its text; the census
            -- counts them.
            nullif(ltrim(csv_line, chr(13) || chr(10)), '') as line_text
        from reader_errors
        where error_number = 1
    ),

    headers as (
        select
            source_file,
            1 as source_line,
            cast(null as varchar) as reject_reason,
            cast(null as varchar) as line_text
        from census
    )

    select * from headers
    union all
    select * from blank_lines
    union all
    select * from rejected_lines
    {%- endcall -%}

    {%- call statement('reader_skipped_lines_inserted') -%}
    insert into {{ this }} (source_file, source_file_version, source_line, reject_reason, line_text)
    select
        skipped.source_file,
        input_files.source_file_version,
        skipped.source_line,
        skipped.reject_reason,
        skipped.line_text
    from {{ skipped }} as skipped
    inner join {{ versions }}
        on skipped.source_file = input_files.source_file
    where skipped.reject_reason is not null
    {%- endcall -%}

    {#- The rows of a file were written in its order, so the k-th lies k - 1 rows after the
        first; its line is k plus the lines above it that are no row of the scan. -#}
    {%- call statement('loaded_rows_numbered') -%}
    update {{ this }} as target
    set
        source_line = target.rowid - segments.first_rowid + 1 + segments.skipped_count,
        source_file_version = segments.source_file_version
    from (
        with loaded as (
            select
                source_file,
                min(rowid) as first_rowid
            from {{ this }}
            where source_line is null
            group by source_file
        ),

        skipped_lines as (
            select
                source_file,
                source_line,
                row_number() over (partition by source_file order by source_line) as skipped_count
            from {{ skipped }}
        ),

        -- The rows after the n-th skipped line and up to the next: n lines further down.
        segment_starts as (
            select
                source_file,
                skipped_count,
                source_line - skipped_count as rows_before,
                lead(source_line - skipped_count) over (
                    partition by source_file order by source_line
                ) as rows_until
            from skipped_lines
        )

        select
            loaded.source_file,
            input_files.source_file_version,
            loaded.first_rowid,
            segment_starts.skipped_count,
            segment_starts.rows_before,
            segment_starts.rows_until
        from segment_starts
        inner join loaded on segment_starts.source_file = loaded.source_file
        inner join {{ versions }} on segment_starts.source_file = input_files.source_file
    ) as segments
    where
        target.source_line is null
        and target.source_file = segments.source_file
        and target.rowid - segments.first_rowid + 1 > segments.rows_before
        and (segments.rows_until is null or target.rowid - segments.first_rowid + 1 <= segments.rows_until)
    {%- endcall -%}

    {%- call statement('reader_rejects_dropped') -%}
    drop table temp.main.{{ skipped }};
    drop table temp.main.{{ census }};
    drop table temp.main.{{ errors }};
    drop table temp.main.{{ scans }};
    drop table temp.main.{{ census_errors }};
    drop table temp.main.{{ census_scans }}
    {%- endcall -%}
    {#- The transaction dbt began with this hook's first query. -#}
    {%- do adapter.commit() -%}
{%- endmacro %}

{% macro reader_error_reason(error_type) -%}
    {#- DuckDB's reader error types, in the reasons' vocabulary (docs block line_reject_reasons).
        With quotes off and short lines padded, the reader rejects only these two kinds. -#}
    case cast({{ error_type }} as varchar)
        when 'INVALID ENCODING' then 'invalid_utf8'
        when 'LINE SIZE OVER MAXIMUM' then 'oversized_line'
        else cast({{ error_type }} as varchar)
    end
{%- endmacro %}
