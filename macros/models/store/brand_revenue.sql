{% macro brand_revenue_from(events) -%}
with events as (
    select * from {{ events }}
),

per_brand as (
    select
        brand,
        {{ event_type_measures() }}
    from events
    group by brand
),

final as (
    select
        brand,
        view_count,
        cart_count,
        purchase_count,
        revenue,
        {{ revenue_share('revenue') }} as revenue_share,
        {{ revenue_rank('revenue', 'purchase_count', 'brand') }} as revenue_rank
    from per_brand
)

select * from final
order by revenue_rank
{%- endmacro %}
