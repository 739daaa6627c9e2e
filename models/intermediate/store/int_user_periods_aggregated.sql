-- One row per user x cohort grain (week, month) x period in which the user has a clean event:
-- the user's cohort (the period of their first clean event), the period's number counted from
-- it, and the user's activity in the period. The cohort marts and user_lifecycle read it, so
-- "first seen" and "active in a period" are defined here once.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

user_spans as (
    -- One pass over the events for every grain at once: a row per user and combination of
    -- period starts (a week that straddles two months is two rows). Each grain then rolls
    -- these few rows up, instead of re-reading the events once per grain.
    select
        user_id,
        {% for grain in cohort_grains() -%}
            cast({{ dbt.date_trunc(grain, 'event_at') }} as date) as {{ grain }}_start_date,
        {% endfor -%}
        count(*) as event_count,
        {{ event_type_measures() }}
    from events
    group by all
),

user_cohorts as (
    -- The cohort at each grain: the period of the user's first clean event.
    select
        *,
        {% for grain in cohort_grains() -%}
            min({{ grain }}_start_date) over (partition by user_id) as {{ grain }}_cohort_start_date
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from user_spans
),

user_periods as (
    {% for grain in cohort_grains() -%}
        select
            user_id,
            '{{ grain }}' as cohort_grain,
            {{ grain }}_cohort_start_date as cohort_start_date,
            {{ grain }}_start_date as period_start_date,
            cast(sum(event_count) as bigint) as event_count,
            cast(sum(view_count) as bigint) as view_count,
            cast(sum(cart_count) as bigint) as cart_count,
            cast(sum(purchase_count) as bigint) as purchase_count,
            {{ money_sum("revenue") }} as revenue
        from user_cohorts
        group by user_id, {{ grain }}_cohort_start_date, {{ grain }}_start_date
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
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
    from user_periods
)

select * from final
