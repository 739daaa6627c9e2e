-- The event log's volume through cleaning, in one row. Duplicates are removed before
-- validation, so a duplicated bad row counts its extra copies as duplicates and the row
-- itself once as rejected: raw = duplicates + rejected + clean.
{{ pipeline_audit_counts(
    'events',
    ref('stg_store__events_raw'),
    ref('stg_store__events_validated'),
    ref('stg_store__events_rejected'),
    ref('stg_store__events'),
    store_reject_reasons(),
) }}
