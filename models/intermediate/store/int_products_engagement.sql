-- One row per product: its event counts and revenue, with the catalog attributes it is
-- reported under (its most frequent value among its events, 'Unknown' when never known).
-- The query is macro products_engagement_from (macros/models/store/), shared with the dashboard.
{{ products_engagement_from(
    ref('int_events_enriched'),
    ref('int_product_brands_resolved'),
    ref('int_product_categories_resolved')
) }}
