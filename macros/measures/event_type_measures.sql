{#- The per-event-type measures of a group of clean events, defined once (docs blocks view_count,
    cart_count, purchase_count, remove_from_cart_count, revenue): events of each type, and
    revenue = sum of price over purchase events, 0 (not null) when the group has none. Counts
    are bigint, revenue is a money sum (money_sum). Use inside a select grouped by the grain,
    over rows with event_type and price (stg_store__events, int_events_enriched). -#}
{% macro event_type_measures() -%}
    cast(count(*) filter (where event_type = 'view') as bigint) as view_count,
    cast(count(*) filter (where event_type = 'cart') as bigint) as cart_count,
    cast(count(*) filter (where event_type = 'purchase') as bigint) as purchase_count,
    cast(count(*) filter (where event_type = 'remove_from_cart') as bigint) as remove_from_cart_count,
    {{ money_sum("price", "event_type = 'purchase'") }} as revenue
{%- endmacro %}
