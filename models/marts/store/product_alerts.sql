-- The analyst alert the case study proposes: a product whose trailing alert_window_days window
-- ever held more than alert_min_views views and no purchase. The window ending on day d covers
-- the calendar dates d - (alert_window_days - 1) .. d inclusive; d runs over every date from
-- the first to the last event date of the whole log (days without events included).
with events as (
    select
        product_id,
        event_date,
        event_type,
        price
    from {{ ref('int_events_enriched') }}
),

data_dates as (
    select
        min(event_date) as first_date,
        max(event_date) as last_date
    from events
),

daily as (
    select
        product_id,
        event_date,
        {{ event_type_measures() }}
    from events
    group by product_id, event_date
),

-- A window never holds more views than the product's whole history: only products above the
-- threshold in total can alert, so only they get a daily spine.
candidates as (
    select product_id
    from daily
    group by product_id
    having sum(view_count) > {{ var('alert_min_views') }}
),

calendar as (
    select distinct hours.date_day as window_end_date
    from {{ ref('int_hours_enumerated') }} as hours
    inner join data_dates on hours.date_day between data_dates.first_date and data_dates.last_date
),

product_days as (
    select
        candidates.product_id,
        calendar.window_end_date,
        coalesce(daily.view_count, 0) as view_count,
        coalesce(daily.purchase_count, 0) as purchase_count
    from candidates
    cross join calendar
    left join daily
        on
            candidates.product_id = daily.product_id
            and calendar.window_end_date = daily.event_date
),

windows as (
    select
        product_id,
        window_end_date,
        sum(view_count) over trailing_window as window_view_count,
        sum(purchase_count) over trailing_window as window_purchase_count
    from product_days
    window trailing_window as (
        partition by product_id
        order by window_end_date
        range between interval {{ var('alert_window_days') - 1 }} days preceding and current row
    )
),

alert_days as (
    select
        product_id,
        window_end_date,
        window_view_count
    from windows
    where
        window_view_count > {{ var('alert_min_views') }}
        and window_purchase_count = 0
),

per_product as (
    select
        product_id,
        min(window_end_date) as first_alert_date,
        max(window_end_date) as last_alert_date,
        count(*) as alert_day_count,
        max(window_view_count) as peak_window_view_count
    from alert_days
    group by product_id
),

final as (
    select
        per_product.product_id,
        products.brand,
        products.category_code,
        per_product.first_alert_date,
        per_product.last_alert_date,
        cast(per_product.alert_day_count as bigint) as alert_day_count,
        cast(per_product.peak_window_view_count as bigint) as peak_window_view_count,
        per_product.last_alert_date = data_dates.last_date as is_active
    from per_product
    cross join data_dates
    left join {{ ref('int_products_engagement') }} as products
        on per_product.product_id = products.product_id
)

select * from final
order by peak_window_view_count desc, product_id asc
