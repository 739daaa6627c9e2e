-- The clean session log as a mart: the ads domain's fact table, beside store.events_cleaned.
-- The dashboard's filters, the semantic layer and a BI tool's drill-down read it; every column
-- is defined upstream (stg_ads__sessions, int_sessions_enriched), published here under a
-- contract.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

final as (
    select
        session_id,
        session_at,
        cast(session_at as date) as session_date,
        session_hour,
        session_weekday,
        session_weekday_name,
        is_weekend,
        user_id,
        product_code,
        campaign_id,
        webpage_id,
        product_category_1,
        product_category_2,
        user_group_id,
        user_group_label,
        gender,
        gender_label,
        age_level,
        age_level_label,
        user_depth,
        user_depth_label,
        engagement_depth_band,
        is_deep_engagement,
        city_development_index,
        city_development_label,
        var_1,
        is_clicked,
        user_session_count,
        is_returning_user
    from sessions
)

select * from final
