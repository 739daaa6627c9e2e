-- The clean event log: one row per distinct usable event across every input file, typed,
-- renamed, with missing catalog attributes imputed as 'Unknown' and flagged so the gap stays
-- measurable. Exact duplicates (the same typed values, in one file or across files) are
-- collapsed into their first occurrence, and counted.
-- Rebuilt in full by every run from base_store__events (the kept state), so it lives in the
-- throwaway database with the intermediate tables (dbt_project.yml): a second full copy of the
-- events would otherwise stay on disk between runs.
{{ config(materialized='table', database='scratch') }}

{%- set event_values = [
    'event_at', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price',
    'user_id', 'user_session',
] -%}

with usable_lines as {{ inlined_cte() }} (
    select
        *,
        {{ row_hash(event_values) }} as values_hash
    from {{ ref('base_store__events') }}
    where reject_reason is null
),

-- Duplicates are rare, so the lines are not grouped by all their values (a hash table as wide
-- as the events, which spills at 110M). Only the lines that share a hash with another line are:
-- every exact duplicate is among them, and so are any distinct events whose hashes collide,
-- which the grouping by value keeps apart. The de-duplication took 5 s instead of 14 at 10M
-- events, 193 s instead of 478 at 110M (README, Performance).
shared_hashes as (
    select values_hash
    from usable_lines
    group by values_hash
    having count(*) > 1
),

lines_of_their_own as (
    select
        {{ event_values | join(', ') }},
        source_file,
        source_line,
        0 as duplicate_count
    from usable_lines
    where not exists (
        select 1
        from shared_hashes
        where shared_hashes.values_hash = usable_lines.values_hash
    )
),

lines_sharing_a_hash_collapsed as (
    select
        {{ event_values | join(', ') }},
        -- The first occurrence: the earliest line of the alphabetically first file.
        min({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) as first_occurrence,
        count(*) - 1 as duplicate_count
    from usable_lines
    where
        exists (
            select 1
            from shared_hashes
            where shared_hashes.values_hash = usable_lines.values_hash
        )
    group by {{ event_values | join(', ') }}
),

deduplicated as (
    select * from lines_of_their_own
    union all
    select
        {{ event_values | join(', ') }},
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        duplicate_count
    from lines_sharing_a_hash_collapsed
),

final as (
    select
        -- md5 of the typed values as a row: DuckDB quotes text inside a row, so no two
        -- distinct events render alike (a '|'-joined string could: 'a|b','c' vs 'a','b|c').
        {{ row_md5(event_values) }} as event_id,
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
        source_file,
        source_line,
        duplicate_count
    from deduplicated
)

select * from final
