{#- The per-event-type measures of a group of clean events, defined once (docs blocks view_count,
    cart_count, purchase_count, revenue): events of each funnel type, and revenue = sum of price
    over purchase events, 0 (not null) when the group has none. Counts are bigint, revenue is
    money (decimal(18, 2)). Use inside a select grouped by the grain, over rows with event_type
    and price (stg_store__events, int_events_enriched). -#}
{% macro event_type_measures() -%}
    cast(count(*) filter (where event_type = 'view') as bigint) as view_count,
    cast(count(*) filter (where event_type = 'cart') as bigint) as cart_count,
    cast(count(*) filter (where event_type = 'purchase') as bigint) as purchase_count,
    cast(coalesce(sum(price) filter (where event_type = 'purchase'), 0) as decimal(18, 2)) as revenue
{%- endmacro %}
