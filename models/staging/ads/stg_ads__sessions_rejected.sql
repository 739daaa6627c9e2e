-- Quarantine: every distinct raw session row we cannot use, with its raw text and the reason.
-- Nothing is dropped silently; ads pipeline_audit counts these per reason.
with rejected as (
    select
        raw_row_id,
        reject_reason,
        duplicate_count,
        raw_session_id,
        raw_datetime,
        raw_user_id,
        raw_product,
        raw_campaign_id,
        raw_webpage_id,
        raw_product_category_1,
        raw_product_category_2,
        raw_user_group_id,
        raw_gender,
        raw_age_level,
        raw_user_depth,
        raw_city_development_index,
        raw_var_1,
        raw_is_click,
        extra_values
    from {{ ref('stg_ads__sessions_validated') }}
    where reject_reason is not null
)

select * from rejected
