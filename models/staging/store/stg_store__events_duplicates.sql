-- Every extra copy of a raw event row, with the first occurrence it repeats: a usable row whose
-- typed values equal an earlier usable row's, or a rejected row whose text equals an earlier
-- rejected row's (earlier: the alphabetically first file, then the lowest line). Staging keeps
-- the first occurrence and counts the copies; pipeline_audit counts them in the file they sit in.
{{ config(materialized='table', database='scratch') }}

{%- set event_values = [
    'event_at', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price',
    'user_id', 'user_session',
] -%}

with usable_rows as {{ inlined_cte() }} (
    select
        *,
        {{ row_hash(event_values) }} as values_hash
    from {{ ref('base_store__events') }}
    where reject_reason is null
),

-- Duplicates are rare, so the rows are not grouped by all their values (a hash table as wide as
-- the events, which spills at 110M). Only the rows that share a hash with another row are
-- ranked by value: every exact duplicate is among them, and so are any distinct events whose
-- hashes collide, which ranking by value keeps apart.
shared_hashes as (
    select values_hash
    from usable_rows
    group by values_hash
    having count(*) > 1
),

usable_occurrences as (
    select
        source_file,
        source_line,
        false as is_rejected,
        row_number() over value_order as occurrence_number,
        first_value({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) over value_order
            as first_occurrence
    from usable_rows
    where
        exists (
            select 1
            from shared_hashes
            where shared_hashes.values_hash = usable_rows.values_hash
        )
    window value_order as (partition by {{ event_values | join(', ') }} order by source_file, source_line)
),

rejected_occurrences as (
    select
        source_file,
        source_line,
        true as is_rejected,
        row_number() over text_order as occurrence_number,
        first_value({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) over text_order
            as first_occurrence
    from {{ ref('base_store__events') }}
    where reject_reason is not null
    window text_order as (partition by line_text order by source_file, source_line)
),

occurrences as (
    select * from usable_occurrences
    union all
    select * from rejected_occurrences
),

final as (
    select
        source_file,
        source_line,
        is_rejected,
        first_occurrence['file'] as first_source_file,
        first_occurrence['line'] as first_source_line
    from occurrences
    where occurrence_number > 1
)

select * from final
