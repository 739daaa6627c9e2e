-- Backfill lookup: for each product, the brand its other events most often carry.
-- Ties go to the alphabetically first brand so the choice is deterministic.
with most_frequent_brands as (
    {{ most_frequent_value(ref('stg_store__events'), 'product_id', 'brand', where='not is_brand_missing') }}
),

final as (
    select
        product_id,
        brand as resolved_brand
    from most_frequent_brands
)

select * from final
