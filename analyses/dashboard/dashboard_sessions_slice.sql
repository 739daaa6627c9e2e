-- The Campaigns page's filters applied to the published clean session log: the rows every
-- filtered ads mart is recomputed from (see dashboard_events_slice). The demographics are
-- their `_label` columns, so `Unknown` can be picked.
{%- set names = [
    'start_date', 'end_date', 'campaigns', 'genders', 'age_levels', 'city_development_indexes', 'user_groups'
] %}
-- params: {{ names | join(', ') }}
with sessions as (
    select * from {{ ref('sessions_cleaned') }}
),

final as (
    select
        session_id,
        session_at,
        session_date,
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
    where
        session_date between cast({{ _param('start_date', names) }} as date)
        and cast({{ _param('end_date', names) }} as date)
        and {{ _in_list('campaign_id', 'campaigns', 'bigint', names) }}
        and {{ _in_list('gender_label', 'genders', 'varchar', names) }}
        and {{ _in_list('age_level_label', 'age_levels', 'varchar', names) }}
        and {{ _in_list('city_development_label', 'city_development_indexes', 'varchar', names) }}
        and {{ _in_list('user_group_label', 'user_groups', 'varchar', names) }}
)

select * from final
