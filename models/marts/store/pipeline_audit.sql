-- The event log's volume through cleaning: one row for all files, then one per file; raw rows =
-- duplicates + rejected + clean in each. Duplicates are collapsed among usable rows and among
-- rejected rows alike, so a duplicated bad row counts its extra copies as duplicates and the
-- row once as rejected.
{{ pipeline_audit_counts(
    'store',
    'events',
    ref('base_store__events'),
    ref('stg_store__events_duplicates'),
    ref('stg_store__events_rejected'),
    ref('stg_store__events'),
    store_reject_reasons(),
) }}
