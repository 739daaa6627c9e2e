-- Every hour of the plausible window (vars plausible_time_min .. plausible_time_max), with the
-- calendar attributes marts group by: the one time spine of the project. A mart that must
-- report every hour, weekday, date or month, with or without activity, selects the distinct
-- values it needs from here (never from the data, which may skip a quiet period).
{{ config(materialized='table') }}

with hours as (
    {{ dbt.date_spine(
        'hour',
        "cast('" ~ var('plausible_time_min') ~ "' as timestamp)",
        "cast('" ~ var('plausible_time_max') ~ "' as timestamp)",
    ) }}
),

final as (
    select
        cast(date_hour as timestamp) as hour_start_at,
        cast(date_hour as date) as date_day,
        cast(hour(date_hour) as integer) as hour_of_day,
        cast({{ iso_weekday('date_hour') }} as integer) as iso_weekday,
        {{ weekday_name('date_hour') }} as weekday_name,
        {{ iso_weekday_is_weekend(iso_weekday('date_hour')) }} as is_weekend,
        cast({{ dbt.date_trunc('week', 'date_hour') }} as date) as week_start_date,
        cast({{ dbt.date_trunc('month', 'date_hour') }} as date) as month_start_date,
        {{ year_month_text('date_hour') }} as month_text
    from hours
)

select * from final
