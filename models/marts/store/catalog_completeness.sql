-- How much of the event log and its revenue lacks a brand or a category_code, before and after
-- the catalog backfill. One row per gap kind and backfill stage; 'either' counts an event once
-- even when it lacks both attributes, so brand + category - both = either (no double counting).
with events as (
    select
        event_type,
        price,
        is_brand_missing,
        is_category_missing,
        is_brand_missing_after_backfill,
        is_category_missing_after_backfill
    from {{ ref('int_events_backfilled') }}
),

totals as (
    select
        count(*) as event_count,
        {{ event_type_measures() }}
    from events
),

gap_kinds as (
    select
        kind_list.gap_kind,
        kind_list.gap_kind_order
    from (
        values
        ('brand_missing', 1),
        ('category_missing', 2),
        ('either_missing', 3),
        ('both_missing', 4)
    ) as kind_list (gap_kind, gap_kind_order)
),

backfill_stages as (
    select
        stage_list.backfill_stage,
        stage_list.backfill_stage_order
    from (
        values
        ('before_backfill', 1),
        ('after_backfill', 2)
    ) as stage_list (backfill_stage, backfill_stage_order)
),

-- Each event twice: once with its original gaps, once with the gaps the backfill left.
staged_events as (
    select
        'before_backfill' as backfill_stage,
        event_type,
        price,
        is_brand_missing as is_brand_gap,
        is_category_missing as is_category_gap
    from events
    union all
    select
        'after_backfill' as backfill_stage,
        event_type,
        price,
        is_brand_missing_after_backfill as is_brand_gap,
        is_category_missing_after_backfill as is_category_gap
    from events
),

-- An event joins every gap kind it has: one lacking both attributes is in brand_missing,
-- category_missing, either_missing and both_missing, but only once within each kind.
gap_events as (
    select
        gap_kinds.gap_kind,
        staged_events.backfill_stage,
        staged_events.event_type,
        staged_events.price
    from staged_events
    inner join gap_kinds
        on
            (gap_kinds.gap_kind = 'brand_missing' and staged_events.is_brand_gap)
            or (gap_kinds.gap_kind = 'category_missing' and staged_events.is_category_gap)
            or (
                gap_kinds.gap_kind = 'either_missing'
                and (staged_events.is_brand_gap or staged_events.is_category_gap)
            )
            or (
                gap_kinds.gap_kind = 'both_missing'
                and staged_events.is_brand_gap and staged_events.is_category_gap
            )
),

gap_totals as (
    select
        gap_kind,
        backfill_stage,
        count(*) as event_count,
        {{ event_type_measures() }}
    from gap_events
    group by gap_kind, backfill_stage
),

-- Every gap kind x stage cell exists, with zeros when no event has that gap.
cells as (
    select
        gap_kinds.gap_kind,
        gap_kinds.gap_kind_order,
        backfill_stages.backfill_stage,
        backfill_stages.backfill_stage_order,
        coalesce(gap_totals.event_count, 0) as event_count,
        coalesce(gap_totals.purchase_count, 0) as purchase_count,
        coalesce(gap_totals.revenue, 0) as revenue
    from gap_kinds
    cross join backfill_stages
    left join gap_totals
        on
            gap_kinds.gap_kind = gap_totals.gap_kind
            and backfill_stages.backfill_stage = gap_totals.backfill_stage
),

final as (
    select
        cells.gap_kind,
        cells.backfill_stage,
        cast(cells.gap_kind_order as integer) as gap_kind_order,
        cast(cells.backfill_stage_order as integer) as backfill_stage_order,
        cast(cells.event_count as bigint) as event_count,
        cast(cells.purchase_count as bigint) as purchase_count,
        cast(cells.revenue as decimal(38, 2)) as revenue,
        {{ safe_divide('cells.event_count', 'totals.event_count') }} as event_share,
        {{ safe_divide('cells.revenue', 'totals.revenue') }} as revenue_share,
        -- What the backfill attributed: the gap before it minus the gap at this stage.
        cast(
            (first_value(cells.event_count) over gap_kind_stages)
            - cells.event_count as bigint
        ) as recovered_event_count,
        cast(
            (first_value(cells.purchase_count) over gap_kind_stages)
            - cells.purchase_count as bigint
        ) as recovered_purchase_count,
        cast(
            (first_value(cells.revenue) over gap_kind_stages)
            - cells.revenue as decimal(38, 2)
        ) as recovered_revenue
    from cells
    cross join totals
    window gap_kind_stages as (partition by cells.gap_kind order by cells.backfill_stage_order)
)

select * from final
order by gap_kind_order, backfill_stage_order
