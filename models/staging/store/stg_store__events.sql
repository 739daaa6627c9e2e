-- The clean event log: one row per distinct usable event across every input file, typed,
-- renamed, with missing catalog attributes imputed as 'Unknown' and flagged so the gap stays
-- measurable. Exact duplicates (the same typed values, in one file or across files) are
-- collapsed into their first occurrence, and counted (stg_store__events_duplicates lists them).
-- Rebuilt in full by every run from base_store__events (the kept state), so it lives in the
-- throwaway database with the intermediate tables (dbt_project.yml): a second full copy of the
-- events would otherwise stay on disk between runs.
{{ config(materialized='table', database='scratch') }}

{%- set event_values = [
    'event_at', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price',
    'user_id', 'user_session',
] -%}

with usable_rows as (
    select *
    from {{ ref('base_store__events') }}
    where reject_reason is null
),

usable_copies as (
    select *
    from {{ ref('stg_store__events_duplicates') }}
    where not is_rejected
),

copy_counts as (
    select
        first_source_file,
        first_source_line,
        count(*) as duplicate_count
    from usable_copies
    group by first_source_file, first_source_line
),

first_occurrences as (
    select usable_rows.*
    from usable_rows
    where
        not exists (
            select 1
            from usable_copies
            where
                usable_copies.source_file = usable_rows.source_file
                and usable_copies.source_line = usable_rows.source_line
        )
),

final as (
    select
        -- md5 of the typed values as a row: DuckDB quotes text inside a row, so no two
        -- distinct events render alike (a '|'-joined string could: 'a|b','c' vs 'a','b|c').
        {{ row_md5(event_values) }} as event_id,
        first_occurrences.event_at,
        first_occurrences.event_type,
        first_occurrences.product_id,
        first_occurrences.category_id,
        {{ label_or_unknown('first_occurrences.category_code') }} as category_code,
        {{ label_or_unknown('first_occurrences.brand') }} as brand,
        first_occurrences.category_code is null as is_category_missing,
        first_occurrences.brand is null as is_brand_missing,
        first_occurrences.price,
        first_occurrences.user_id,
        -- An empty session is still a real event: it keeps a null session.
        first_occurrences.user_session as session_id,
        first_occurrences.source_file,
        first_occurrences.source_line,
        coalesce(copy_counts.duplicate_count, 0) as duplicate_count
    from first_occurrences
    left join copy_counts
        on
            first_occurrences.source_file = copy_counts.first_source_file
            and first_occurrences.source_line = copy_counts.first_source_line
)

select * from final
