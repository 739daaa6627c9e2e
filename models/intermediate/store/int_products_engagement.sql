-- One row per product: its funnel counts and revenue, with the catalog attributes it is
-- reported under (its most frequent value among its events, 'Unknown' when never known).
with events as (
    select * from {{ ref('int_events_enriched') }}
),

per_product as (
    select
        product_id,
        count(*) filter (where event_type = 'view') as view_count,
        count(*) filter (where event_type = 'cart') as cart_count,
        count(*) filter (where event_type = 'purchase') as purchase_count,
        coalesce(sum(price) filter (where event_type = 'purchase'), 0) as revenue
    from events
    group by product_id
),

final as (
    select
        per_product.product_id,
        coalesce(brands.resolved_brand, 'Unknown') as brand,
        per_product.view_count,
        per_product.cart_count,
        per_product.purchase_count,
        cast(per_product.revenue as decimal(18, 2)) as revenue
    from per_product
    left join {{ ref('int_product_brands_resolved') }} as brands
        on per_product.product_id = brands.product_id
)

select * from final
