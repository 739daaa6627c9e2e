-- One row per product: its event counts and revenue, with the catalog attributes it is
-- reported under (its most frequent value among its events, 'Unknown' when never known).
with events as (
    select * from {{ ref('int_events_enriched') }}
),

per_product as (
    select
        product_id,
        {{ event_type_measures() }}
    from events
    group by product_id
),

final as (
    select
        per_product.product_id,
        {{ label_or_unknown('brands.resolved_brand') }} as brand,
        {{ label_or_unknown('categories.resolved_category_code') }} as category_code,
        per_product.view_count,
        per_product.cart_count,
        per_product.purchase_count,
        per_product.remove_from_cart_count,
        per_product.revenue
    from per_product
    left join {{ ref('int_product_brands_resolved') }} as brands
        on per_product.product_id = brands.product_id
    left join {{ ref('int_product_categories_resolved') }} as categories
        on per_product.product_id = categories.product_id
)

select * from final
