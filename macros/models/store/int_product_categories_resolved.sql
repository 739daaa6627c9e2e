{% macro product_categories_resolved_from(events) -%}
with most_frequent_codes as (
    {{ most_frequent_value(
        events, 'product_id', 'backfilled_category_code',
        where='not is_category_missing_after_backfill'
    ) }}
),

final as (
    select
        product_id,
        backfilled_category_code as resolved_category_code
    from most_frequent_codes
)

select * from final
{%- endmacro %}
