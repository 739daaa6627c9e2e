{% macro pipeline_audit_counts(source_name, dataset_name, rows, duplicates, rejected, clean, reject_reasons) %}
{#- One row for the whole dataset, then one per input file. Each count is read from the relation
    holding those rows: raw rows from the loaded rows, copies from the duplicates (in the file
    where each copy sits), quarantined and clean rows from their first occurrences. The
    dataset's raw rows are counted again over all rows, and its duplicates are the copies its
    kept rows count, so the files add up to the total by a second route
    (tests/singular/pipeline_audit_files_add_up_to_the_total.sql). -#}
{%- set files = input_files(source_name) -%}
with ignored_columns as (
    select *
    from (values
        {%- for file in files %}
        ({{ sql_literal(file.source_file) }}, {{ sql_literal(file.ignored_columns | join(', ')) }})
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
        {%- if not files %}
        (cast(null as {{ text_type() }}), cast(null as {{ text_type() }}))
        {%- endif %}
    ) as ignored (source_file, ignored_columns)
),

raw_rows as (
    select
        source_file,
        count(*) as raw_row_count
    from {{ rows }}
    group by source_file
),

copies as (
    select
        source_file,
        count(*) as duplicate_row_count
    from {{ duplicates }}
    group by source_file
),

rejected_rows as (
    select
        source_file,
        {% for reason in reject_reasons -%}
            count(*) filter (where reject_reason = '{{ reason }}') as rejected_{{ reason }}_count,
        {% endfor -%}
        count(*) as rejected_row_count,
        coalesce(sum(duplicate_count), 0) as kept_copy_count
    from {{ rejected }}
    group by source_file
),

clean_rows as (
    select
        source_file,
        count(*) as clean_row_count,
        coalesce(sum(duplicate_count), 0) as kept_copy_count
    from {{ clean }}
    group by source_file
),

per_file as (
    select
        raw_rows.source_file,
        false as is_total,
        raw_rows.raw_row_count,
        coalesce(copies.duplicate_row_count, 0) as duplicate_row_count,
        {% for reason in reject_reasons -%}
            coalesce(rejected_rows.rejected_{{ reason }}_count, 0) as rejected_{{ reason }}_count,
        {% endfor -%}
        coalesce(rejected_rows.rejected_row_count, 0) as rejected_row_count,
        coalesce(clean_rows.clean_row_count, 0) as clean_row_count,
        coalesce(rejected_rows.kept_copy_count, 0) + coalesce(clean_rows.kept_copy_count, 0) as kept_copy_count,
        1 as source_file_count,
        coalesce(ignored_columns.ignored_columns, '') as ignored_columns
    from raw_rows
    left join copies on raw_rows.source_file = copies.source_file
    left join rejected_rows on raw_rows.source_file = rejected_rows.source_file
    left join clean_rows on raw_rows.source_file = clean_rows.source_file
    left join ignored_columns on raw_rows.source_file = ignored_columns.source_file
),

dataset as (
    select
        '(all files)' as source_file,
        true as is_total,
        (select count(*) from {{ rows }}) as raw_row_count,
        coalesce(sum(kept_copy_count), 0) as duplicate_row_count,
        {% for reason in reject_reasons -%}
            coalesce(sum(rejected_{{ reason }}_count), 0) as rejected_{{ reason }}_count,
        {% endfor -%}
        coalesce(sum(rejected_row_count), 0) as rejected_row_count,
        coalesce(sum(clean_row_count), 0) as clean_row_count,
        coalesce(sum(kept_copy_count), 0) as kept_copy_count,
        count(*) as source_file_count,
        cast(null as {{ text_type() }}) as ignored_columns
    from per_file
),

audited as (
    select * from dataset
    union all
    select * from per_file
),

final as (
    select
        '{{ dataset_name }}' as dataset_name,
        source_file,
        is_total,
        cast(raw_row_count as bigint) as raw_row_count,
        cast(duplicate_row_count as bigint) as duplicate_row_count,
        cast(rejected_row_count + clean_row_count as bigint) as deduplicated_row_count,
        cast(rejected_row_count as bigint) as rejected_row_count,
        {% for reason in reject_reasons -%}
            cast(rejected_{{ reason }}_count as bigint) as rejected_{{ reason }}_count,
        {% endfor -%}
        cast(clean_row_count as bigint) as clean_row_count,
        cast(source_file_count as bigint) as source_file_count,
        ignored_columns
    from audited
)

select * from final
{% endmacro %}

{% macro rejected_per_reason_sum(reject_reasons) -%}
    {%- for reason in reject_reasons -%}
        rejected_{{ reason }}_count{{ ' + ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
