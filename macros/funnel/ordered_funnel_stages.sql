{% macro ordered_funnel_stages(journeys, group_by, groups=none) %}
{%- set keys = group_by | join(', ') -%}
with journey_groups as (
    {%- if groups %}
    {{ groups }}
    {%- else %}
    select distinct {{ keys }}
    from {{ journeys }}
    {%- endif %}
),

stage_spine as (
    select
        stage_order,
        funnel_stage
    from (values (1, 'view'), (2, 'cart'), (3, 'purchase')) as stages (stage_order, funnel_stage)
),

journey_steps as (
    -- Each journey once per stage it reached, with the seconds its step took from the previous one.
    select
        {{ keys }},
        1 as stage_order,
        cast(null as bigint) as seconds_from_previous
    from {{ journeys }}
    union all
    select
        {{ keys }},
        2 as stage_order,
        cart_seconds_from_view as seconds_from_previous
    from {{ journeys }}
    where cart_at is not null
    union all
    select
        {{ keys }},
        3 as stage_order,
        purchase_seconds_from_cart as seconds_from_previous
    from {{ journeys }}
    where purchase_at is not null
),

reached as (
    select
        {{ keys }},
        stage_order,
        count(*) as stage_count,
        {{ continuous_percentile('seconds_from_previous', 0.5) }} as median_seconds_from_previous,
        {{ continuous_percentile('seconds_from_previous', 0.9) }} as p90_seconds_from_previous
    from journey_steps
    group by {{ keys }}, stage_order
),

stages as (
    select
        {% for key in group_by -%}
        journey_groups.{{ key }},
        {% endfor -%}
        stage_spine.stage_order,
        stage_spine.funnel_stage,
        coalesce(reached.stage_count, 0) as stage_count,
        reached.median_seconds_from_previous,
        reached.p90_seconds_from_previous
    from journey_groups
    cross join stage_spine
    left join reached
        on
            {% for key in group_by -%}
            journey_groups.{{ key }} = reached.{{ key }}
            and {% endfor -%}
            stage_spine.stage_order = reached.stage_order
),

with_previous as (
    -- The view stage is the entry: its previous stage is itself.
    select
        *,
        coalesce(
            lag(stage_count) over (partition by {{ keys }} order by stage_order), stage_count
        ) as previous_stage_count,
        first_value(stage_count) over (partition by {{ keys }} order by stage_order) as entry_stage_count
    from stages
)

select
    {{ keys }},
    stage_order,
    funnel_stage,
    stage_count,
    {{ safe_divide('stage_count', 'previous_stage_count') }} as conversion_from_previous_rate,
    {{ safe_divide('previous_stage_count - stage_count', 'previous_stage_count') }} as drop_off_from_previous_rate,
    {{ safe_divide('stage_count', 'entry_stage_count') }} as entry_share,
    median_seconds_from_previous,
    p90_seconds_from_previous
from with_previous
{% endmacro %}
