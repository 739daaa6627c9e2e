-- Products that draw traffic but never sell: at least zero_conversion_min_views clean views
-- and no purchase, ranked by views (most first; ties by product_id ascending).
-- The query is macro low_conversion_products_from (macros/models/store/), shared with the dashboard.
{{ low_conversion_products_from(ref('int_products_engagement')) }}
