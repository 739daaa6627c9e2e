-- One row per raw row of every loaded event file: where it came from, its values typed where
-- they parse, and reject_reason, the first rule it fails (null for a usable row).
-- Incremental by file: a build reads only new or changed files (files_to_load) and forgets
-- the rows of files that changed or left the inputs (forget_stale_files). On DuckDB the rows
-- the reader itself rejects, and every row's line number, are added by a post-hook
-- (load_reader_rejects); on Spark they come with the rows. The row's text is kept only where
-- it is rejected: quarantine shows it, nothing else needs it.
-- The post-hook runs after the load's commit, in a transaction of its own: DuckDB updates rows
-- a transaction has just written some 30 times slower than committed ones (14 s against 0.5 s
-- for 1M rows of 1,000 files). A run that dies in between leaves rows without a version, which
-- the next build forgets and loads again.
{{ config(
    materialized=('table' if target.type == 'spark' else 'incremental'),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_stale_files('store') }}",
    post_hook={"sql": "{{ load_reader_rejects('store') }}", "transaction": false},
) }}

with export_rows as (
    select * from {{ ref('base_store__event_rows') }}
),

parsed as (
    select
        *,
        -- The export's own spellings first (with and without ' UTC'), then ISO 8601.
        {{ parse_utc_timestamp('event_time', ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) }}
            as parsed_event_at,
        {{ parse_integer_id('product_id') }} as parsed_product_id,
        {{ parse_integer_id('category_id') }} as parsed_category_id,
        -- Rounds to the cent half away from zero (10.005 -> 10.01): a price written through a
        -- float (31.900000000000002) is a valid 31.90. Text that is not a number, or does not
        -- fit decimal(18, 2), gives null (invalid_price).
        try_cast(price as decimal(18, 2)) as parsed_price,
        {{ parse_integer_id('user_id') }} as parsed_user_id
    from export_rows
),

checked as (
    select
        *,
        {{ first_failed_rule(store_reject_rules()) }} as reject_reason
    from parsed
),

final as (
    select
        source_file,
        source_file_version,
        source_line,
        reject_reason,
        case
            when reject_reason is not null then line_text
        end as line_text,
        parsed_event_at as event_at,
        event_type,
        parsed_product_id as product_id,
        parsed_category_id as category_id,
        category_code,
        brand,
        parsed_price as price,
        parsed_user_id as user_id,
        user_session
    from checked
)

select * from final
