-- One row per product with any clean event: its funnel counts and revenue (read from
-- int_products_engagement), purchase rate, share of all revenue and revenue rank.
with products as (
    select * from {{ ref('int_products_engagement') }}
),

final as (
    select
        product_id,
        brand,
        view_count,
        cart_count,
        purchase_count,
        revenue,
        {{ safe_divide('purchase_count', 'view_count') }} as purchase_rate,
        {{ revenue_share('revenue') }} as revenue_share,
        {{ revenue_rank('revenue', 'purchase_count', 'product_id') }} as revenue_rank,
        remove_from_cart_count
    from products
)

select * from final
order by revenue_rank
