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
        coalesce(cast(parsed_user_group_id as varchar), 'Unknown') as user_group_label,
        parsed_gender as gender,
        coalesce(parsed_gender, 'Unknown') as gender_label,
        parsed_age_level as age_level,
        coalesce(cast(parsed_age_level as varchar), 'Unknown') as age_level_label,
        parsed_user_depth as user_depth,
        coalesce(cast(parsed_user_depth as varchar), 'Unknown') as user_depth_label,
        parsed_city_development_index as city_development_index,
        coalesce(cast(parsed_city_development_index as varchar), 'Unknown') as city_development_label,
        parsed_var_1 as var_1,
        parsed_is_clicked as is_clicked
    from clean
)

select * from final
