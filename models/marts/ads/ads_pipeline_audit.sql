-- The session log's volume through cleaning, in one row: raw rows, exact duplicates removed,
-- rows quarantined (in total and per reason), clean rows. Each count is read from the relation
-- that holds those rows, so raw = duplicates + rejected + clean is a real check (a data test),
-- not true by construction.
{{ config(alias='pipeline_audit') }}

{%- set reject_reasons = ads_reject_reasons() %}

with raw_rows as (
    select count(*) as raw_row_count
    from {{ ref('stg_ads__sessions_raw') }}
),

distinct_rows as (
    select
        count(*) as deduplicated_row_count,
        coalesce(sum(duplicate_count), 0) as duplicate_row_count,
        count(distinct parsed_session_id) filter (
            where reject_reason = 'conflicting_session_id'
        ) as conflicting_session_id_count
    from {{ ref('stg_ads__sessions_validated') }}
),

rejected_rows as (
    select
        {% for reason in reject_reasons -%}
            count(*) filter (where reject_reason = '{{ reason }}') as rejected_{{ reason }}_count,
        {% endfor -%}
        count(*) as rejected_row_count
    from {{ ref('stg_ads__sessions_rejected') }}
),

clean_rows as (
    select count(*) as clean_row_count
    from {{ ref('stg_ads__sessions') }}
),

final as (
    select
        'sessions' as dataset_name,
        raw_rows.raw_row_count,
        cast(distinct_rows.duplicate_row_count as bigint) as duplicate_row_count,
        distinct_rows.deduplicated_row_count,
        rejected_rows.rejected_row_count,
        {% for reason in reject_reasons -%}
            rejected_rows.rejected_{{ reason }}_count,
        {% endfor -%}
        clean_rows.clean_row_count,
        distinct_rows.conflicting_session_id_count
    from raw_rows
    cross join distinct_rows
    cross join rejected_rows
    cross join clean_rows
)

select * from final
