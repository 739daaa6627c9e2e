{#- The query of model activity_by_month, reading the relations passed in (events) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
{% macro activity_by_month_from(events) -%}
with events as (
    select * from {{ events }}
),

bounds as (
    select
        min(date_trunc('month', event_date)) as first_month_start,
        max(date_trunc('month', event_date)) as last_month_start
    from events
),

month_spine as (
    select
        strftime(
            unnest(generate_series(first_month_start, last_month_start, interval 1 month)), '%Y-%m'
        ) as event_month
    from bounds
),

per_month as (
    select
        event_month,
        {{ activity_metrics() }}
    from events
    group by event_month
),

final as (
    select
        month_spine.event_month,
        {{ activity_metrics_from('per_month') }}
    from month_spine
    left join per_month on month_spine.event_month = per_month.event_month
)

select * from final
order by event_month
{%- endmacro %}
