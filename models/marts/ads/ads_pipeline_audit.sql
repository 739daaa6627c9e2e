-- One row: where every raw session row went. raw rows = exact duplicates removed + rejected
-- rows + clean rows (tested), and rejected rows = the sum of the per-reason counts (tested).
{{ config(alias='pipeline_audit') }}

with validated as (
    select * from {{ ref('stg_ads__sessions_validated') }}
),

rejected as (
    select * from {{ ref('stg_ads__sessions_rejected') }}
),

clean as (
    select * from {{ ref('stg_ads__sessions') }}
),

raw_counts as (
    select
        cast(sum(duplicate_count + 1) as bigint) as raw_row_count,
        cast(sum(duplicate_count) as bigint) as exact_duplicate_row_count
    from validated
),

rejected_counts as (
    select
        count(*) as rejected_row_count,
        count(*) filter (where reject_reason = 'missing_session_id') as missing_session_id_row_count,
        count(*) filter (where reject_reason = 'invalid_id') as invalid_id_row_count,
        count(*) filter (where reject_reason = 'invalid_datetime') as invalid_datetime_row_count,
        count(*) filter (where reject_reason = 'invalid_is_click') as invalid_is_click_row_count,
        count(*) filter (where reject_reason = 'invalid_attribute') as invalid_attribute_row_count,
        count(*) filter (
            where reject_reason = 'conflicting_session_id'
        ) as conflicting_session_id_row_count
    from rejected
),

conflict_counts as (
    select
        count(distinct parsed_session_id) filter (
            where reject_reason = 'conflicting_session_id'
        ) as conflicting_session_id_count
    from validated
),

clean_counts as (
    select count(*) as clean_row_count
    from clean
),

final as (
    select
        'ads.sessions' as source_name,
        coalesce(raw_counts.raw_row_count, 0) as raw_row_count,
        coalesce(raw_counts.exact_duplicate_row_count, 0) as exact_duplicate_row_count,
        rejected_counts.rejected_row_count,
        clean_counts.clean_row_count,
        rejected_counts.missing_session_id_row_count,
        rejected_counts.invalid_id_row_count,
        rejected_counts.invalid_datetime_row_count,
        rejected_counts.invalid_is_click_row_count,
        rejected_counts.invalid_attribute_row_count,
        rejected_counts.conflicting_session_id_row_count,
        conflict_counts.conflicting_session_id_count
    from raw_counts
    cross join rejected_counts
    cross join clean_counts
    cross join conflict_counts
)

select * from final
