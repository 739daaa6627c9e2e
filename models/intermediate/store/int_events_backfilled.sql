-- int_events_enriched with the catalog backfill applied beside (never over) the original
-- attributes: what events_cleaned publishes and catalog_completeness measures. A view, like
-- int_events_enriched, for the same reason.
{{ config(materialized='view') }}

with events as (
    select * from {{ ref('int_events_enriched') }}
),

brands as (
    select * from {{ ref('int_product_brands_resolved') }}
),

codes as (
    select * from {{ ref('int_category_codes_resolved') }}
),

final as (
    select
        events.event_id,
        events.event_at,
        events.event_date,
        events.event_month,
        events.event_weekday,
        events.event_weekday_number,
        events.event_hour,
        events.event_type,
        events.product_id,
        events.category_id,
        events.category_code,
        events.category_top_level,
        events.brand,
        events.is_category_missing,
        events.is_brand_missing,
        events.price,
        events.user_id,
        events.session_id,
        -- Backfilled attributes: the original where known, else the resolved value, else 'Unknown'.
        case
            when events.is_brand_missing then {{ label_or_unknown('brands.resolved_brand') }}
            else events.brand
        end as backfilled_brand,
        case
            when events.is_category_missing then {{ label_or_unknown('codes.resolved_category_code') }}
            else events.category_code
        end as backfilled_category_code,
        events.is_brand_missing and brands.resolved_brand is null as is_brand_missing_after_backfill,
        events.is_category_missing and codes.resolved_category_code is null
            as is_category_missing_after_backfill
    from events
    left join brands on events.product_id = brands.product_id
    left join codes on events.category_id = codes.category_id
)

select * from final
