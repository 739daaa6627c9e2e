-- One row per raw data line of every loaded event file: where it came from, its values typed
-- where they parse, and reject_reason, the first rule it fails (null for a usable line).
-- Incremental by file: a build parses only new or changed files (files_to_load) and forgets
-- the lines of files that changed or left the inputs (forget_stale_files). The line's text is
-- kept only where the line is rejected: quarantine shows it, nothing else needs it.
-- The rows are written in any order (insert_in_any_order, which gives what it measured): the
-- line number is a column, so the stored order means nothing.
{{ config(
    materialized=('table' if target.type == 'spark' else 'incremental'),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook=["{{ forget_stale_files('store') }}", "{{ insert_in_any_order() }}"],
) }}

with lines as (
    select * from {{ ref('base_store__event_lines') }}
),

line_fields as (
    select
        *,
        {{ csv_line_fields('line_text') }} as field_values
    from lines
),

field_texts as (
    -- An empty field is a missing value.
    select
        *,
        nullif({{ list_element('field_values', 1) }}, '') as event_time,
        nullif({{ list_element('field_values', 2) }}, '') as event_type,
        nullif({{ list_element('field_values', 3) }}, '') as product_id,
        nullif({{ list_element('field_values', 4) }}, '') as category_id,
        nullif({{ list_element('field_values', 5) }}, '') as category_code,
        nullif({{ list_element('field_values', 6) }}, '') as brand,
        nullif({{ list_element('field_values', 7) }}, '') as price,
        nullif({{ list_element('field_values', 8) }}, '') as user_id,
        nullif({{ list_element('field_values', 9) }}, '') as user_session
    from line_fields
),

parsed as (
    select
        *,
        -- Exports differ in whether they keep the ' UTC' suffix; both mean UTC.
        {{ parse_timestamp('event_time', ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) }}
            as parsed_event_at,
        {{ parse_integer_id('product_id') }} as parsed_product_id,
        {{ parse_integer_id('category_id') }} as parsed_category_id,
        -- Rounds to the cent half away from zero (10.005 -> 10.01): a price written through a
        -- float (31.900000000000002) is a valid 31.90. Text that is not a number, or does not
        -- fit decimal(18, 2), gives null (invalid_price).
        try_cast(price as decimal(18, 2)) as parsed_price,
        {{ parse_integer_id('user_id') }} as parsed_user_id
    from field_texts
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
        case when reject_reason is not null then line_text end as line_text,
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
