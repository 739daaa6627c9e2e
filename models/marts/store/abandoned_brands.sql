-- One row per brand (as exported, 'Unknown' included) that cart abandoners carted: how many
-- abandoners, how many cart events and what value they left behind.
-- The query is macro abandoned_brands_from (macros/models/store/), shared with the dashboard.
{{ abandoned_brands_from(ref('int_cart_events_abandoned')) }}
