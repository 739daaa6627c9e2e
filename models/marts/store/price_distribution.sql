-- One row per price band (seed price_bands): how many views, carts and purchases happened at
-- prices in the band, the revenue, and the band's share of all purchases. Every band has a
-- row, with zeros where no event fell in it.
with events as (
    select * from {{ ref('int_events_enriched') }}
),

bands as (
    select * from {{ ref('price_bands') }}
),

per_band as (
    select
        bands.price_band_order,
        {{ event_type_measures() }}
    from events
    inner join bands
        on
            events.price >= bands.price_band_min
            and (bands.price_band_max is null or events.price < bands.price_band_max)
    group by bands.price_band_order
),

every_band as (
    select
        bands.price_band_order,
        bands.price_band_label,
        bands.price_band_min,
        bands.price_band_max,
        coalesce(per_band.view_count, 0) as view_count,
        coalesce(per_band.cart_count, 0) as cart_count,
        coalesce(per_band.purchase_count, 0) as purchase_count,
        coalesce(per_band.revenue, 0) as revenue
    from bands
    left join per_band on bands.price_band_order = per_band.price_band_order
),

final as (
    select
        *,
        {{ safe_divide('purchase_count', 'sum(purchase_count) over ()') }} as purchase_share
    from every_band
)

select * from final
order by price_band_order
