-- One row per raw row of every loaded session file: where it came from, its text, its values
-- trimmed and typed where they parse, and reject_reason, the first rule it fails (null for a
-- usable row). Incremental by file, like base_store__events (the reader's own rejects and the
-- line numbers added by the same post-hook). The text is kept on every row, usable or not: a
-- session log is small, and a session id found on two distinct rows is quarantined later
-- (base_ads__sessions_distinct) with both texts.
-- The post-hook runs after the load's commit, in a transaction of its own: DuckDB updates rows
-- a transaction has just written some 30 times slower than committed ones (14 s against 0.5 s
-- for 1M rows of 1,000 files). A run that dies in between leaves rows without a version, which
-- the next build forgets and loads again.
{{ config(
    materialized=('table' if target.type == 'spark' else 'incremental'),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ forget_stale_files('ads') }}",
    post_hook={"sql": "{{ load_reader_rejects('ads') }}", "transaction": false},
) }}

with export_rows as (
    select * from {{ ref('base_ads__session_rows') }}
),

field_texts as (
    -- A blank field is a missing value.
    select
        *,
        nullif(trim(session_id), '') as session_id_text,
        nullif(trim(datetime), '') as datetime_text,
        nullif(trim(user_id), '') as user_id_text,
        nullif(trim(product), '') as product_text,
        nullif(trim(campaign_id), '') as campaign_id_text,
        nullif(trim(webpage_id), '') as webpage_id_text,
        nullif(trim(product_category_1), '') as product_category_1_text,
        nullif(trim(product_category_2), '') as product_category_2_text,
        nullif(trim(user_group_id), '') as user_group_id_text,
        nullif(trim(gender), '') as gender_text,
        nullif(trim(age_level), '') as age_level_text,
        nullif(trim(user_depth), '') as user_depth_text,
        nullif(trim(city_development_index), '') as city_development_index_text,
        nullif(trim(var_1), '') as var_1_text,
        nullif(trim(is_click), '') as is_click_text
    from export_rows
),

parsed as (
    -- Ids: digits only (parse_integer_id). Codes: an integer, optionally written as a float
    -- (parse_integer_code). Anything else parses to null.
    select
        *,
        {{ parse_integer_id('session_id_text') }} as parsed_session_id,
        {{ parse_utc_timestamp('datetime_text', ['%Y-%m-%d %H:%M'], seconds_optional=true) }}
            as parsed_session_at,
        {{ parse_integer_id('user_id_text') }} as parsed_user_id,
        {{ parse_integer_id('campaign_id_text') }} as parsed_campaign_id,
        {{ parse_integer_id('webpage_id_text') }} as parsed_webpage_id,
        {{ parse_integer_code('product_category_1_text') }} as parsed_product_category_1,
        {{ parse_integer_code('product_category_2_text', 'bigint') }} as parsed_product_category_2,
        {{ parse_integer_code('user_group_id_text') }} as parsed_user_group_id,
        {{ parse_integer_code('age_level_text') }} as parsed_age_level,
        {{ parse_integer_code('user_depth_text') }} as parsed_user_depth,
        {{ parse_integer_code('city_development_index_text') }} as parsed_city_development_index,
        {{ parse_integer_code('var_1_text') }} as parsed_var_1,
        case is_click_text when '1' then true when '0' then false end as parsed_is_clicked
    from field_texts
),

checked as (
    select
        *,
        {{ first_failed_rule(ads_line_reject_rules()) }} as reject_reason
    from parsed
),

final as (
    select
        source_file,
        source_file_version,
        source_line,
        reject_reason,
        line_text,
        parsed_session_id as session_id,
        parsed_session_at as session_at,
        parsed_user_id as user_id,
        product_text as product_code,
        parsed_campaign_id as campaign_id,
        parsed_webpage_id as webpage_id,
        parsed_product_category_1 as product_category_1,
        parsed_product_category_2 as product_category_2,
        parsed_user_group_id as user_group_id,
        gender_text as gender,
        parsed_age_level as age_level,
        parsed_user_depth as user_depth,
        parsed_city_development_index as city_development_index,
        parsed_var_1 as var_1,
        parsed_is_clicked as is_clicked
    from checked
)

select * from final
