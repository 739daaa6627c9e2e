-- One row per distinct usable session row across every input file: duplicates (the same
-- typed values) collapsed into their first occurrence and counted, and is_conflicting when
-- the session_id also appears on another distinct usable row. A conflicting id is never
-- resolved by picking a row: stg_ads__sessions keeps the others, stg_ads__sessions_rejected
-- quarantines these.
{{ config(materialized='table') }}

with usable_lines as (
    select *
    from {{ ref('base_ads__sessions') }}
    where reject_reason is null
),

deduplicated as (
    select
        session_id,
        session_at,
        user_id,
        product_code,
        campaign_id,
        webpage_id,
        product_category_1,
        product_category_2,
        user_group_id,
        gender,
        age_level,
        user_depth,
        city_development_index,
        var_1,
        is_clicked,
        -- The first occurrence: the earliest line of the alphabetically first file.
        min({{ record([('file', 'source_file'), ('line', 'source_line'), ('text', 'line_text')]) }})
            as first_occurrence,
        count(*) - 1 as duplicate_count
    from usable_lines
    group by all
),

final as (
    select
        session_id,
        session_at,
        user_id,
        product_code,
        campaign_id,
        webpage_id,
        product_category_1,
        product_category_2,
        user_group_id,
        gender,
        age_level,
        user_depth,
        city_development_index,
        var_1,
        is_clicked,
        duplicate_count,
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        first_occurrence['text'] as line_text,
        count(*) over (partition by session_id) > 1 as is_conflicting
    from deduplicated
)

select * from final
