-- The clean event log: one row per distinct usable event across every input file, typed,
-- renamed, with missing catalog attributes imputed as 'Unknown' and flagged so the gap stays
-- measurable. Exact duplicates (the same typed values, in one file or across files) are
-- collapsed into their first occurrence, and counted.
-- Rebuilt in full by every run from base_store__events (the kept state), so it lives in the
-- throwaway database with the intermediate tables (dbt_project.yml): a second full copy of the
-- events would otherwise stay on disk between runs.
{{ config(materialized='table', database='scratch') }}

with usable_lines as (
    select *
    from {{ ref('base_store__events') }}
    where reject_reason is null
),

deduplicated as (
    select
        event_at,
        event_type,
        product_id,
        category_id,
        category_code,
        brand,
        price,
        user_id,
        user_session,
        -- The first occurrence: the earliest line of the alphabetically first file.
        min({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) as first_occurrence,
        count(*) - 1 as duplicate_count
    from usable_lines
    group by all
),

final as (
    select
        -- md5 of the typed values as a row: DuckDB quotes text inside a row, so no two
        -- distinct events render alike (a '|'-joined string could: 'a|b','c' vs 'a','b|c').
        {{ row_md5([
            'event_at', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price',
            'user_id', 'user_session',
        ]) }} as event_id,
        event_at,
        event_type,
        product_id,
        category_id,
        {{ label_or_unknown('category_code') }} as category_code,
        {{ label_or_unknown('brand') }} as brand,
        category_code is null as is_category_missing,
        brand is null as is_brand_missing,
        price,
        user_id,
        -- An empty session is still a real event: it keeps a null session.
        user_session as session_id,
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        duplicate_count
    from deduplicated
)

select * from final
