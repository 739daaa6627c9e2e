-- The session log's volume through cleaning, in one row (the same accounting as the event
-- log's), plus how many distinct session ids were quarantined as conflicting.
{{ config(alias='pipeline_audit') }}

with audit as (
    {{ pipeline_audit_counts(
        'sessions',
        ref('base_ads__sessions'),
        ref('stg_ads__sessions_rejected'),
        ref('stg_ads__sessions'),
        ads_reject_reasons(),
    ) }}
),

conflicts as (
    select count(distinct session_id) as conflicting_session_id_count
    from {{ ref('base_ads__sessions_distinct') }}
    where is_conflicting
),

final as (
    select
        audit.*,
        conflicts.conflicting_session_id_count
    from audit
    cross join conflicts
)

select * from final
