{% macro products_engagement_from(events, brands, categories) -%}
with events as (
    select * from {{ events }}
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
    left join {{ brands }} as brands
        on per_product.product_id = brands.product_id
    left join {{ categories }} as categories
        on per_product.product_id = categories.product_id
)

select * from final
{%- endmacro %}
