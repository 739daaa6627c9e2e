{% macro ordered_funnel_from(journeys) -%}
with journeys as (
    select * from {{ journeys }}
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
{%- endmacro %}
