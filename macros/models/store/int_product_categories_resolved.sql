{#- The query of model int_product_categories_resolved, reading the relations passed in (events) instead
    of its refs: the model runs it over the whole log, the dashboard's analyses
    (analyses/dashboard/) over a filtered slice, so both share one definition. The
    model's YAML documents every column. -#}
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
