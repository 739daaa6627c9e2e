-- One row per brand as exported ('Unknown' where missing) with any clean event: funnel event
-- counts, revenue, its share of all revenue and its revenue rank.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

per_brand as (
    select
        brand,
        {{ event_type_measures() }}
    from events
    group by brand
),

final as (
    select
        brand,
        view_count,
        cart_count,
        purchase_count,
        revenue,
        {{ revenue_share('revenue') }} as revenue_share,
        {{ revenue_rank('revenue', 'purchase_count', 'brand') }} as revenue_rank
    from per_brand
)

select * from final
order by revenue_rank
