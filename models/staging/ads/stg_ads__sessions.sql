-- Clean sessions, typed: one row per session_id. Missing demographics stay null in the typed
-- column and get the explicit label `Unknown` in the matching `_label` column.
{{ config(materialized='table') }}

with clean as (
    select *
    from {{ ref('base_ads__sessions_distinct') }}
    where not is_conflicting
),

final as (
    select
        session_id,
        session_at,
        user_id,
        product_code,
        campaign_id,
        webpage_id,
        product_category_1,
        product_category_2,
        user_group_id,
        {{ label_or_unknown('user_group_id') }} as user_group_label,
        gender,
        {{ label_or_unknown('gender') }} as gender_label,
        age_level,
        {{ label_or_unknown('age_level') }} as age_level_label,
        user_depth,
        {{ label_or_unknown('user_depth') }} as user_depth_label,
        city_development_index,
        {{ label_or_unknown('city_development_index') }} as city_development_label,
        var_1,
        is_clicked,
        source_file,
        source_line,
        duplicate_count
    from clean
)

select * from final
