{#- The query of model int_product_brands_resolved, reading the relations passed in (events) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
{% macro product_brands_resolved_from(events) -%}
with most_frequent_brands as (
    {{ most_frequent_value(events, 'product_id', 'brand', where='not is_brand_missing') }}
),

final as (
    select
        product_id,
        brand as resolved_brand
    from most_frequent_brands
)

select * from final
{%- endmacro %}
