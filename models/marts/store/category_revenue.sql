-- Revenue by category at two levels in one table: one row per category_code as exported
-- ('Unknown' where missing) and one per top-level category (the code's first segment), told
-- apart by category_level. Share and rank are computed within each level.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

per_category_code as (
    select
        'category_code' as category_level,
        category_code as category,
        {{ event_type_measures() }}
    from events
    group by category_code
),

per_top_level as (
    select
        'top_level' as category_level,
        category_top_level as category,
        {{ event_type_measures() }}
    from events
    group by category_top_level
),

both_levels as (
    select * from per_category_code
    union all
    select * from per_top_level
),

final as (
    select
        category_level,
        category,
        view_count,
        cart_count,
        purchase_count,
        revenue,
        {{ revenue_share('revenue', partition_by='category_level') }} as revenue_share,
        {{ revenue_rank('revenue', 'purchase_count', 'category', partition_by='category_level') }}
            as revenue_rank
    from both_levels
)

select * from final
order by category_level, revenue_rank
