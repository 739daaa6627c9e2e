-- One row per demographic dimension x value: the hour of day and the weekday with the most
-- sessions (ties go to the earlier hour / the lower ISO weekday).
with demographics as (
    select * from {{ ref('int_session_demographics_unpivoted') }}
),

per_hour as (
    select
        demographic_dimension,
        demographic_value,
        session_hour,
        count(*) as session_count
    from demographics
    group by demographic_dimension, demographic_value, session_hour
),

per_weekday as (
    select
        demographic_dimension,
        demographic_value,
        session_weekday,
        any_value(session_weekday_name) as session_weekday_name,
        count(*) as session_count
    from demographics
    group by demographic_dimension, demographic_value, session_weekday
),

peak_hours as (
    select
        demographic_dimension,
        demographic_value,
        cast(sum(session_count) as bigint) as session_count,
        {{ arg_max_by('session_hour', ['session_count', '-session_hour']) }} as peak_session_hour,
        max(session_count) as peak_hour_session_count
    from per_hour
    group by demographic_dimension, demographic_value
),

peak_weekdays as (
    select
        demographic_dimension,
        demographic_value,
        {{ arg_max_by('session_weekday', ['session_count', '-session_weekday']) }} as peak_session_weekday,
        {{ arg_max_by('session_weekday_name', ['session_count', '-session_weekday']) }} as peak_weekday_name,
        max(session_count) as peak_weekday_session_count
    from per_weekday
    group by demographic_dimension, demographic_value
),

final as (
    select
        peak_hours.demographic_dimension,
        peak_hours.demographic_value,
        peak_hours.session_count,
        peak_hours.peak_session_hour,
        peak_hours.peak_hour_session_count,
        {{ safe_divide('peak_hours.peak_hour_session_count', 'peak_hours.session_count') }}
            as peak_hour_session_share,
        peak_weekdays.peak_session_weekday,
        peak_weekdays.peak_weekday_name,
        peak_weekdays.peak_weekday_session_count,
        {{ safe_divide('peak_weekdays.peak_weekday_session_count', 'peak_hours.session_count') }}
            as peak_weekday_session_share
    from peak_hours
    inner join peak_weekdays
        on
            peak_hours.demographic_dimension = peak_weekdays.demographic_dimension
            and peak_hours.demographic_value = peak_weekdays.demographic_value
)

select * from final
