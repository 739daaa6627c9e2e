-- The session log's volume through cleaning (the same accounting as the event log's, one row
-- for all files, then one per file), plus how many distinct session ids were quarantined as
-- conflicting.
{{ config(alias='pipeline_audit') }}

with audit as (
    {{ pipeline_audit_counts(
        'ads',
        'sessions',
        ref('base_ads__sessions'),
        ref('stg_ads__sessions_duplicates'),
        ref('stg_ads__sessions_rejected'),
        ref('stg_ads__sessions'),
        ads_reject_reasons(),
    ) }}
),

conflicting_rows as (
    select
        source_file,
        session_id
    from {{ ref('base_ads__sessions_distinct') }}
    where is_conflicting
),

conflicts as (
    select
        '(all files)' as source_file,
        count(distinct session_id) as conflicting_session_id_count
    from conflicting_rows
    union all
    select
        source_file,
        count(distinct session_id) as conflicting_session_id_count
    from conflicting_rows
    group by source_file
),

final as (
    select
        audit.*,
        coalesce(conflicts.conflicting_session_id_count, 0) as conflicting_session_id_count
    from audit
    left join conflicts on audit.source_file = conflicts.source_file
)

select * from final
