{#- The query of model activity_heatmap, reading the relations passed in (sessions) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
{% macro activity_heatmap_from(sessions) -%}
with sessions as (
    select * from {{ sessions }}
),

iso_weekdays as (
    {{ weekday_spine() }}
),

weekday_spine as (
    -- The weekend flag is the one int_sessions_enriched uses (macro), applied to the spine
    -- because a weekday can have no session (Saturday, in the public log).
    select
        weekday_number as session_weekday,
        weekday_name as session_weekday_name,
        {{ iso_weekday_is_weekend('weekday_number') }} as is_weekend
    from iso_weekdays
),

hours as (
    {{ hour_spine() }}
),

hour_spine as (
    select hour_of_day as session_hour
    from hours
),

per_cell as (
    select
        session_weekday,
        session_hour,
        {{ session_click_measures() }}
    from sessions
    group by session_weekday, session_hour
),

final as (
    select
        weekday_spine.session_weekday,
        weekday_spine.session_weekday_name,
        weekday_spine.is_weekend,
        hour_spine.session_hour,
        coalesce(per_cell.session_count, 0) as session_count,
        coalesce(per_cell.click_count, 0) as click_count,
        {{ click_through_rate('per_cell.click_count', 'per_cell.session_count') }} as click_through_rate,
        {{ click_through_rate_interval('per_cell.click_count', 'per_cell.session_count') }}
    from weekday_spine
    cross join hour_spine
    left join per_cell
        on
            weekday_spine.session_weekday = per_cell.session_weekday
            and hour_spine.session_hour = per_cell.session_hour
)

select * from final
{%- endmacro %}
