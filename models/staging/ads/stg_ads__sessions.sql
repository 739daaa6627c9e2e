-- Clean sessions, typed: one row per session_id. Missing demographics stay null in the typed
-- column and get the explicit label `Unknown` in the matching `_label` column.
with clean as (
    select *
    from {{ ref('stg_ads__sessions_validated') }}
    where reject_reason is null
),

final as (
    select
        parsed_session_id as session_id,
        parsed_session_at as session_at,
        parsed_user_id as user_id,
        parsed_product as product_code,
        parsed_campaign_id as campaign_id,
        parsed_webpage_id as webpage_id,
        parsed_product_category_1 as product_category_1,
        parsed_product_category_2 as product_category_2,
        parsed_user_group_id as user_group_id,
        {{ label_or_unknown('parsed_user_group_id') }} as user_group_label,
        parsed_gender as gender,
        {{ label_or_unknown('parsed_gender') }} as gender_label,
        parsed_age_level as age_level,
        {{ label_or_unknown('parsed_age_level') }} as age_level_label,
        parsed_user_depth as user_depth,
        {{ label_or_unknown('parsed_user_depth') }} as user_depth_label,
        parsed_city_development_index as city_development_index,
        {{ label_or_unknown('parsed_city_development_index') }} as city_development_label,
        parsed_var_1 as var_1,
        parsed_is_clicked as is_clicked
    from clean
)

select * from final
