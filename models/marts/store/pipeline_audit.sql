-- The event log's volume through cleaning, in one row: raw rows, exact duplicates removed,
-- rows quarantined (in total and per reason), clean rows. Duplicates are removed before
-- validation, so a duplicated bad row counts its extra copies as duplicates and the row
-- itself once as rejected: raw = duplicates + rejected + clean.

{%- set reject_reasons = store_reject_reasons() %}

with raw_rows as (
    select count(*) as raw_row_count
    from {{ ref('stg_store__events_raw') }}
),

distinct_rows as (
    select
        count(*) as deduplicated_row_count,
        coalesce(sum(duplicate_count), 0) as duplicate_row_count,
        {% for reason in reject_reasons -%}
            count(*) filter (where reject_reason = '{{ reason }}') as rejected_{{ reason }}_count,
        {% endfor -%}
        count(*) filter (where reject_reason is not null) as rejected_row_count
    from {{ ref('stg_store__events_validated') }}
),

clean_rows as (
    select count(*) as clean_row_count
    from {{ ref('stg_store__events') }}
),

final as (
    select
        'events' as dataset_name,
        raw_rows.raw_row_count,
        cast(distinct_rows.duplicate_row_count as bigint) as duplicate_row_count,
        distinct_rows.deduplicated_row_count,
        distinct_rows.rejected_row_count,
        {% for reason in reject_reasons -%}
            distinct_rows.rejected_{{ reason }}_count,
        {% endfor -%}
        clean_rows.clean_row_count
    from raw_rows
    cross join distinct_rows
    cross join clean_rows
)

select * from final
