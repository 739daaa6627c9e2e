-- The event log's volume through cleaning, in one row: raw lines = duplicates + rejected +
-- clean. Duplicates are collapsed among usable lines and among rejected lines alike, so a
-- duplicated bad line counts its extra copies as duplicates and the line once as rejected.
{{ pipeline_audit_counts(
    'events',
    ref('base_store__events'),
    ref('stg_store__events_rejected'),
    ref('stg_store__events'),
    store_reject_reasons(),
) }}
