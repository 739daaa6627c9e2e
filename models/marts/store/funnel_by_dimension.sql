-- The ordered user funnel (as in ordered_funnel, user grain) broken down by what the user's
-- first view was of: its top-level category, its brand (the most viewed brands by name, the
-- rest as 'Other') and its month.
with journeys as (
    select * from {{ ref('int_funnel_journeys_ordered') }}
    where funnel_grain = 'user'
),

events as (
    select * from {{ ref('int_events_enriched') }}
),

brand_views as (
    select
        brand,
        count(*) as view_count
    from events
    where event_type = 'view' and brand <> {{ unknown_label() }}
    group by brand
),

top_brands as (
    -- Known brands ranked by view events over the whole log; ties go to the brand name.
    select brand
    from (
        select
            brand,
            row_number() over (order by view_count desc, brand asc) as view_rank
        from brand_views
    ) as ranked
    where view_rank <= {{ var('funnel_top_brand_count') }}
),

journey_dimensions as (
    select
        'category_top_level' as funnel_dimension,
        first_view_category_top_level as dimension_value,
        cart_at,
        purchase_at,
        cart_seconds_from_view,
        purchase_seconds_from_cart
    from journeys
    union all
    select
        'brand' as funnel_dimension,
        case
            when journeys.first_view_brand = {{ unknown_label() }} then {{ unknown_label() }}
            when top_brands.brand is not null then journeys.first_view_brand
            else 'Other'
        end as dimension_value,
        journeys.cart_at,
        journeys.purchase_at,
        journeys.cart_seconds_from_view,
        journeys.purchase_seconds_from_cart
    from journeys
    left join top_brands on journeys.first_view_brand = top_brands.brand
    union all
    select
        'first_view_month' as funnel_dimension,
        first_view_month as dimension_value,
        cart_at,
        purchase_at,
        cart_seconds_from_view,
        purchase_seconds_from_cart
    from journeys
),

stages as (
    {{ ordered_funnel_stages('journey_dimensions', ['funnel_dimension', 'dimension_value']) }}
),

final as (
    select
        funnel_dimension,
        dimension_value,
        stage_order,
        funnel_stage,
        stage_count,
        conversion_from_previous_rate,
        drop_off_from_previous_rate,
        entry_share,
        median_seconds_from_previous,
        p90_seconds_from_previous
    from stages
)

select * from final
order by funnel_dimension, dimension_value, stage_order
