-- Quarantine: every distinct raw row we cannot use, with its raw text and the reason.
-- Nothing is dropped silently; pipeline_audit counts these per reason.
with rejected as (
    select
        raw_row_id,
        reject_reason,
        duplicate_count,
        event_time,
        event_type,
        product_id,
        category_id,
        category_code,
        brand,
        price,
        user_id,
        user_session,
        extra_values
    from {{ ref('stg_store__events_validated') }}
    where reject_reason is not null
)

select * from rejected
