-- The ordered funnel: per grain (user, session) and stage (view -> cart -> purchase), the
-- journeys that took the steps in order within funnel_window_days of their first view, their
-- conversion from the previous stage and how long each step took. store.funnel_summary keeps
-- the case study's order-free counts beside it.
with journeys as (
    select * from {{ ref('int_funnel_journeys_ordered') }}
),

stages as (
    {{ ordered_funnel_stages(
        'journeys', ['funnel_grain'],
        groups="select funnel_grain from (values ('user'), ('session')) as grains (funnel_grain)"
    ) }}
),

final as (
    select
        funnel_grain,
        stage_order,
        funnel_stage,
        stage_count,
        conversion_from_previous_rate,
        drop_off_from_previous_rate,
        entry_share,
        median_seconds_from_previous,
        p90_seconds_from_previous
    from stages
)

select * from final
order by funnel_grain desc, stage_order asc
