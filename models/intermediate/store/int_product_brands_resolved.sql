-- Backfill lookup: for each product, the brand its other events most often carry.
-- Ties go to the alphabetically first brand so the choice is deterministic.
with known_brands as (
    select
        product_id,
        brand,
        count(*) as event_count
    from {{ ref('stg_store__events') }}
    where not is_brand_missing
    group by product_id, brand
),

ranked as (
    select
        product_id,
        brand,
        row_number() over (partition by product_id order by event_count desc, brand asc) as brand_rank
    from known_brands
),

final as (
    select
        product_id,
        brand as resolved_brand
    from ranked
    where brand_rank = 1
)

select * from final
