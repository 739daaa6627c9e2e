-- One row per clean session and demographic dimension (4 per session): the value the session
-- has on that dimension, `Unknown` when missing. The marts that slice by "a demographic value"
-- read this, so the four dimensions and their labels are defined here once.
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

unpivoted as (
    select
        session_id,
        'gender' as demographic_dimension,
        gender_label as demographic_value
    from sessions
    union all
    select
        session_id,
        'age_level' as demographic_dimension,
        age_level_label as demographic_value
    from sessions
    union all
    select
        session_id,
        'city_development_index' as demographic_dimension,
        city_development_label as demographic_value
    from sessions
    union all
    select
        session_id,
        'user_group_id' as demographic_dimension,
        user_group_label as demographic_value
    from sessions
),

final as (
    select
        unpivoted.session_id,
        unpivoted.demographic_dimension,
        unpivoted.demographic_value,
        sessions.user_id,
        sessions.campaign_id,
        sessions.product_category_1,
        sessions.session_hour,
        sessions.session_weekday,
        sessions.session_weekday_name,
        sessions.user_depth,
        sessions.is_deep_engagement,
        sessions.is_clicked
    from unpivoted
    inner join sessions
        on unpivoted.session_id = sessions.session_id
)

select * from final
