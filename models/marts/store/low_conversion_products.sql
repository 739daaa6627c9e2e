-- Products that draw traffic but never sell: at least zero_conversion_min_views clean views
-- and no purchase, ranked by views (most first; ties by product_id ascending).
with products as (
    select
        product_id,
        brand,
        category_code,
        view_count,
        cart_count,
        purchase_count
    from {{ ref('int_products_engagement') }}
),

never_bought as (
    select *
    from products
    where
        purchase_count = 0
        and view_count >= {{ var('zero_conversion_min_views') }}
),

final as (
    select
        never_bought.product_id,
        cast(row_number() over (
            order by never_bought.view_count desc, never_bought.product_id asc
        ) as bigint) as view_rank,
        never_bought.brand,
        never_bought.category_code,
        never_bought.view_count,
        never_bought.cart_count,
        never_bought.purchase_count,
        never_bought.view_count - never_bought.purchase_count as view_purchase_gap_count
    from never_bought
)

select * from final
order by view_rank
