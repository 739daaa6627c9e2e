{% macro abandoned_brands_from(abandoned_carts) -%}
with abandoned_carts as (
    select * from {{ abandoned_carts }}
),

final as (
    select
        brand,
        count(distinct user_id) as abandoning_user_count,
        count(*) as cart_count,
        {{ money_sum("price") }} as abandoned_value,
        count(*) filter (where is_removed_from_cart) as removed_cart_count,
        count(*) filter (where not is_removed_from_cart) as left_cart_count
    from abandoned_carts
    group by brand
)

select * from final
order by abandoned_value desc, brand asc
{%- endmacro %}
