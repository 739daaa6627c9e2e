-- MetricFlow's time spine: the days of the project's one time spine (int_hours_enumerated, the
-- plausible window), published beside the marts so MetricFlow reads only the published file.
with final as (
    select distinct date_day
    from {{ ref('int_hours_enumerated') }}
)

select * from final
order by date_day
