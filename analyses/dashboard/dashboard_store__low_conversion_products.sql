-- store.low_conversion_products, recomputed by its model's own query macro over the dashboard's
-- slice of store.events_cleaned (filters bound as parameters: macros/dashboard/).
-- A product's brand and category come from the whole log (the catalog), as in the mart.
with slice_events as (
    {{ dashboard_events_slice() }}
),

all_events as (
    {{ dashboard_all_events() }}
),

catalog_brands as (
    {{ product_brands_resolved_from('all_events') }}
),

catalog_categories as (
    {{ product_categories_resolved_from('all_events') }}
),

slice_products as (
    {{ products_engagement_from('slice_events', 'catalog_brands', 'catalog_categories') }}
),

final as (
    {{ low_conversion_products_from('slice_products') }}
)

select * from final
