-- The analyst alert the case study proposes: a product whose trailing alert_window_days window
-- ever held more than alert_min_views views and no purchase. The window ending on day d covers
-- the calendar dates d - (alert_window_days - 1) .. d inclusive; d runs over every date from
-- the first to the last event date of the whole log (days without events included).
-- The query is macro product_alerts_from (macros/models/store/), shared with the dashboard.
{{ product_alerts_from(
    ref('int_events_enriched'), ref('int_products_engagement'), ref('int_hours_enumerated')
) }}
