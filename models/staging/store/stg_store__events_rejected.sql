-- Quarantine: one row per distinct raw event line that cannot be used, with its exact text,
-- the reason, where it first occurs and how many extra copies of it the files hold. Nothing
-- is dropped silently: store.pipeline_audit counts these per reason.
{{ config(materialized='table') }}

with rejected_lines as (
    select *
    from {{ ref('base_store__events') }}
    where reject_reason is not null
),

deduplicated as (
    select
        line_text,
        -- The same text always fails the same rule: any_value is that rule.
        any_value(reject_reason) as reject_reason,
        min({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) as first_occurrence,
        count(*) - 1 as duplicate_count
    from rejected_lines
    group by line_text
),

final as (
    select
        first_occurrence['file'] as source_file,
        first_occurrence['line'] as source_line,
        reject_reason,
        duplicate_count,
        line_text
    from deduplicated
)

select * from final
