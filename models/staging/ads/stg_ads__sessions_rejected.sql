-- Quarantine: one row per distinct raw session line that cannot be used, with its exact text,
-- the reason, its first occurrence and its extra copies. Nothing is dropped silently: ads
-- pipeline_audit counts these per reason.
{{ config(materialized='table') }}

with rejected_lines as (
    select *
    from {{ ref('base_ads__sessions') }}
    where reject_reason is not null
),

line_rejects as (
    select
        any_value(reject_reason) as reject_reason,
        min({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) as first_occurrence,
        count(*) - 1 as duplicate_count,
        line_text
    from rejected_lines
    group by line_text
),

conflicting_rows as (
    select
        'conflicting_session_id' as reject_reason,
        {{ record([('file', 'source_file'), ('line', 'source_line')]) }} as first_occurrence,
        duplicate_count,
        line_text
    from {{ ref('base_ads__sessions_distinct') }}
    where is_conflicting
),

final as (
    select
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        reject_reason,
        duplicate_count,
        line_text
    from line_rejects
    union all
    select
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        reject_reason,
        duplicate_count,
        line_text
    from conflicting_rows
)

select * from final
