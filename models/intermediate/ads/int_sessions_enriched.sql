-- One row per clean session, with its time features, engagement flags and the user's
-- session count over the whole log.
with sessions as (
    select * from {{ ref('stg_ads__sessions') }}
),

user_sessions as (
    select
        user_id,
        count(*) as user_session_count
    from sessions
    group by user_id
),

final as (
    select
        sessions.session_id,
        sessions.session_at,
        sessions.user_id,
        sessions.product_code,
        sessions.campaign_id,
        sessions.webpage_id,
        sessions.product_category_1,
        sessions.product_category_2,
        sessions.user_group_id,
        sessions.user_group_label,
        sessions.gender,
        sessions.gender_label,
        sessions.age_level,
        sessions.age_level_label,
        sessions.user_depth,
        sessions.user_depth_label,
        sessions.city_development_index,
        sessions.city_development_label,
        sessions.var_1,
        sessions.is_clicked,
        cast(date_part('hour', sessions.session_at) as integer) as session_hour,
        cast({{ iso_weekday('sessions.session_at') }} as integer) as session_weekday,
        {{ weekday_name('sessions.session_at') }} as session_weekday_name,
        {{ iso_weekday_is_weekend(iso_weekday('sessions.session_at')) }} as is_weekend,
        -- Bands anchored on the deep-engagement threshold, so `deep` and the flag agree.
        case
            when sessions.user_depth is null then {{ unknown_label() }}
            when sessions.user_depth >= {{ var('deep_engagement_min_depth') }} then 'deep'
            when sessions.user_depth = {{ var('deep_engagement_min_depth') }} - 1 then 'medium'
            else 'shallow'
        end as engagement_depth_band,
        coalesce(sessions.user_depth >= {{ var('deep_engagement_min_depth') }}, false) as is_deep_engagement,
        user_sessions.user_session_count,
        user_sessions.user_session_count > 1 as is_returning_user
    from sessions
    inner join user_sessions
        on sessions.user_id = user_sessions.user_id
)

select * from final
