{% macro product_brands_resolved_from(events) -%}
with most_frequent_brands as (
    {{ most_frequent_value(events, 'product_id', 'brand', where='not is_brand_missing') }}
),

final as (
    select
        product_id,
        brand as resolved_brand
    from most_frequent_brands
)

select * from final
{%- endmacro %}
