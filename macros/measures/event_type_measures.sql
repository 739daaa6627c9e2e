{% macro event_type_measures() -%}
    cast(count(*) filter (where event_type = 'view') as bigint) as view_count,
    cast(count(*) filter (where event_type = 'cart') as bigint) as cart_count,
    cast(count(*) filter (where event_type = 'purchase') as bigint) as purchase_count,
    cast(count(*) filter (where event_type = 'remove_from_cart') as bigint) as remove_from_cart_count,
    {{ money_sum("price", "event_type = 'purchase'") }} as revenue
{%- endmacro %}
