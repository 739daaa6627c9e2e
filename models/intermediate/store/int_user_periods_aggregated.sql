-- One row per user x cohort grain (week, month) x period in which the user has a clean event:
-- the user's cohort (the period of their first clean event), the period's number counted from
-- it, and the user's activity in the period. The cohort marts and user_lifecycle read it, so
-- "first seen" and "active in a period" are defined here once.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

event_periods as (
    {% for grain in cohort_grains() -%}
        select
            user_id,
            '{{ grain }}' as cohort_grain,
            cast({{ dbt.date_trunc(grain, 'event_at') }} as date) as period_start_date,
            event_type,
            price
        from events
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

user_periods as (
    select
        user_id,
        cohort_grain,
        period_start_date,
        count(*) as event_count,
        {{ event_type_measures() }}
    from event_periods
    group by user_id, cohort_grain, period_start_date
),

cohorts as (
    select
        *,
        min(period_start_date) over (partition by user_id, cohort_grain) as cohort_start_date
    from user_periods
),

final as (
    select
        user_id,
        cohort_grain,
        cohort_start_date,
        period_start_date,
        cast({{ cohort_period_number('cohort_grain', 'cohort_start_date', 'period_start_date') }} as integer)
            as period_number,
        event_count,
        view_count,
        cart_count,
        purchase_count,
        revenue
    from cohorts
)

select * from final
