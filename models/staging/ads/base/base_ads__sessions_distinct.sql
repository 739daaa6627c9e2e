-- One row per distinct usable session row across every input file: duplicates (the same typed
-- values, stg_ads__sessions_duplicates) collapsed into their first occurrence and counted, and
-- is_conflicting when the session_id also appears on another distinct usable row. A
-- conflicting id is never resolved by picking a row: stg_ads__sessions keeps the others,
-- stg_ads__sessions_rejected quarantines these.
{{ config(materialized='table') }}

with usable_rows as (
    select *
    from {{ ref('base_ads__sessions') }}
    where reject_reason is null
),

usable_copies as (
    select *
    from {{ ref('stg_ads__sessions_duplicates') }}
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
        first_occurrences.session_id,
        first_occurrences.session_at,
        first_occurrences.user_id,
        first_occurrences.product_code,
        first_occurrences.campaign_id,
        first_occurrences.webpage_id,
        first_occurrences.product_category_1,
        first_occurrences.product_category_2,
        first_occurrences.user_group_id,
        first_occurrences.gender,
        first_occurrences.age_level,
        first_occurrences.user_depth,
        first_occurrences.city_development_index,
        first_occurrences.var_1,
        first_occurrences.is_clicked,
        coalesce(copy_counts.duplicate_count, 0) as duplicate_count,
        first_occurrences.source_file,
        first_occurrences.source_line,
        first_occurrences.line_text,
        count(*) over (partition by first_occurrences.session_id) > 1 as is_conflicting
    from first_occurrences
    left join copy_counts
        on
            first_occurrences.source_file = copy_counts.first_source_file
            and first_occurrences.source_line = copy_counts.first_source_line
)

select * from final
